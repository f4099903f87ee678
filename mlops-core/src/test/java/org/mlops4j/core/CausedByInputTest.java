package org.mlops4j.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.JdbcException;
import org.mlops4j.core.data.SchemaException;
import org.mlops4j.core.pipeline.StepError;
import org.mlops4j.core.tracking.FilterSyntaxException;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.ModelAlreadyExistsException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingNotFoundException;

class CausedByInputTest {

    @Test
    void marksTheExceptionsThatReportAMistakeInTheCallersInput() {
        List<MlopsException> input = List.of(new ConfigurationException("bad setting"),
                new DataException("bad value", "a.csv", 3, "x", "abc"), new SchemaException("bad schema"),
                new InvalidTrackingInputException("bad name"), new FilterSyntaxException("bad", "metrics.auc >", 13),
                new TrackingNotFoundException("no run"), new TrackingAlreadyExistsException("exists"),
                new InvalidRegistryValueException("bad stage"), new ModelNotFoundException("no model"),
                new ModelAlreadyExistsException("exists"));
        for (MlopsException e : input) {
            assertTrue(CausedByInput.isCausedByInput(e), e.getClass().getName());
        }
    }

    @Test
    void leavesFailuresOfTheLibraryThePluginsOrTheMachineUnmarked() {
        List<Exception> failures = List.of(new MlopsException("bug"), new TrackingException("store damaged"),
                new ModelRegistryException("cannot write"), new JdbcException("down", "jdbc:x", null, null),
                new ProviderException("plugin failed", new IllegalStateException("boom")),
                new IllegalStateException("bug"));
        for (Exception e : failures) {
            assertFalse(CausedByInput.isCausedByInput(e), e.getClass().getName());
        }
    }

    @Test
    void findsTheMarkAmongTheCauses() {
        Exception wrapped = new MlopsException("step failed", new RuntimeException("wrapped",
                new DataException("bad value", null, 0, null, null)));
        assertTrue(CausedByInput.isCausedByInput(wrapped));
    }

    @Test
    void stepErrorsRecordWhetherTheirFailureWasCausedByInput() {
        assertTrue(StepError.of(1, new ModelNotFoundException("no model")).causedByInput());
        assertFalse(StepError.of(1, new IllegalStateException("bug")).causedByInput());
        assertFalse(new StepError(1, "timeout", "ran past 5 s", "").causedByInput());
    }
}

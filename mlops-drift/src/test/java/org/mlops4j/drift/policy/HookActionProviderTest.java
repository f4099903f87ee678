package org.mlops4j.drift.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.ActionPolicy;
import org.mlops4j.core.monitor.ColumnDeviation;
import org.mlops4j.core.monitor.DriftSummary;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.TriggerAction;
import org.mlops4j.core.monitor.TriggerContext;

class HookActionProviderTest {

    private static final PolicyDecision ESCALATE = ActionPolicy.defaults().decide("tvd", "percentage points",
            List.of(new ColumnDeviation("city_tier", ColumnType.CATEGORICAL, 24.2)),
            DriftSummary.of(0.5, 1, List.of("city_tier")), Instant.EPOCH);

    private static TriggerContext context(String target, ActionHooks hooks) {
        return new TriggerContext(target, MlopsConfig.ofOnly(Map.of()), hooks);
    }

    @Test
    void theCallbackActionCallsTheNamedCallbackWithTheDecision() {
        List<PolicyDecision> seen = new ArrayList<>();
        TriggerAction action = new CallbackActionProvider().create(
                context("escalate", ActionHooks.builder().callback("escalate", seen::add).build()));
        assertEquals("callback:escalate", action.name());
        assertEquals("called escalate", action.execute(ESCALATE));
        assertEquals(1, seen.size());
        assertSame(ESCALATE, seen.get(0));
    }

    @Test
    void thePipelineActionRecordsWhatThePipelineReturnedOrThatItRan() {
        TriggerAction withId = new PipelineActionProvider().create(
                context("retrain", ActionHooks.builder().pipeline("retrain", d -> "run 42").build()));
        assertEquals("pipeline:retrain", withId.name());
        assertEquals("run 42", withId.execute(ESCALATE));
        TriggerAction silent = new PipelineActionProvider().create(
                context("retrain", ActionHooks.builder().pipeline("retrain", d -> "").build()));
        assertEquals("ran retrain", silent.execute(ESCALATE));
    }

    @Test
    void anUnregisteredHookIsNamedWithTheRegisteredOnesAndHowToRegisterIt() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new CallbackActionProvider()
                .create(context("page", ActionHooks.builder().callback("escalate", d -> { }).build())));
        assertTrue(e.getMessage().contains("No callback named 'page' is registered (registered: [escalate])")
                && e.getMessage().contains("ActionHooks.builder().callback(\"page\", ...)"), e.getMessage());
    }

    @Test
    void aMissingTargetAsksForOneWithAnExample() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new PipelineActionProvider().create(context("", ActionHooks.none())));
        assertEquals("The pipeline action needs the pipeline's name, as in pipeline:retrain", e.getMessage());
    }
}

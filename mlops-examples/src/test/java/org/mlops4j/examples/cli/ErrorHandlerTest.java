package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.tracking.FilterSyntaxException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.TrackingException;
import picocli.CommandLine;

/** How the tool's error handler sorts what commands throw into bad input (2) and bugs (3), and prints them. */
class ErrorHandlerTest {

    private static final CommandLine DRIFT = MlopsCommand.commandLine().getSubcommands().get("drift");

    private static String[] handle(Exception e, int expectedCode) {
        StringWriter err = new StringWriter();
        DRIFT.setErr(new PrintWriter(err));
        int code = new ErrorHandler().handleExecutionException(e, DRIFT, null);
        assertEquals(expectedCode, code, err.toString());
        return err.toString().strip().split("\\R");
    }

    @Test
    void sortsExceptionsByWhetherTheUsersInputCausedThem() {
        assertTrue(ErrorHandler.isBadInput(new ModelNotFoundException("no model")));
        assertTrue(ErrorHandler.isBadInput(new IllegalArgumentException("negative")));
        assertTrue(ErrorHandler.isBadInput(new UncheckedIOException(new NoSuchFileException("a.csv"))));
        assertTrue(ErrorHandler.isBadInput(new TrackingException("Cannot create the folder",
                new NotDirectoryException("mlruns"))));
        assertFalse(ErrorHandler.isBadInput(new MlopsException("bug")));
        assertFalse(ErrorHandler.isBadInput(new TrackingException("store damaged")));
        assertFalse(ErrorHandler.isBadInput(new IllegalStateException("bug")));
    }

    @Test
    void printsBadInputAsOneLineWithTheCommandsName() {
        String[] lines = handle(new ModelNotFoundException("No model 'x';\n  check the name"), ExitCodes.BAD_INPUT);
        assertEquals(1, lines.length, String.join("\n", lines));
        assertEquals("mlops drift: No model 'x'; check the name", lines[0]);
    }

    @Test
    void keepsTheCaretDisplayOfAFilterError() {
        String[] lines = handle(new FilterSyntaxException("expected a value", "metrics.auc >", 13),
                ExitCodes.BAD_INPUT);
        assertEquals(3, lines.length, String.join("\n", lines));
        assertEquals("^", lines[2].strip());
    }

    @Test
    void callsAnythingElseAnUnexpectedErrorWithExitCodeThree() {
        String[] lines = handle(new IllegalStateException("index out of step"), ExitCodes.INTERNAL_ERROR);
        assertEquals("mlops drift: unexpected error: index out of step", lines[0]);
        assertTrue(lines[1].contains("--verbose"), lines[1]);
    }
}

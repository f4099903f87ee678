package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.StepError;
import org.mlops4j.core.pipeline.StepRun;
import org.mlops4j.examples.leadscoring.SchemaCheckException;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a pipeline run's steps and turns its result into an exit code, the same way for every pipeline command. */
final class PipelineOutcomes {

    private PipelineOutcomes() {
    }

    /**
     * Prints one line per step and a closing line.
     *
     * @param out where to print
     * @param run the finished run
     */
    static void printSteps(PrintWriter out, PipelineRun run) {
        for (StepRun step : run.steps()) {
            out.printf(Locale.ROOT, "%-26s %-16s %6d ms%n", step.stepName(), step.state(), step.duration().toMillis());
        }
        out.println("pipeline " + run.pipelineName() + " " + run.state() + " (run " + run.runId() + ")");
    }

    /**
     * @param spec the command, for its name and error stream
     * @param run  the finished run
     * @return {@link ExitCodes#OK} when it succeeded; otherwise prints the first error and returns
     *         {@link ExitCodes#CHECKS_FAILED} for a failed schema check, {@link ExitCodes#BAD_INPUT} for an error
     *         {@linkplain StepError#causedByInput() caused by input} (bad data, settings, a missing model), a rejected
     *         argument or a file that cannot be used, {@link ExitCodes#INTERNAL_ERROR} for anything else
     */
    static int exitCode(CommandSpec spec, PipelineRun run) {
        if (run.state() == PipelineState.SUCCEEDED) {
            return ExitCodes.OK;
        }
        Optional<StepError> error = run.steps().stream().flatMap(s -> s.lastError().stream()).findFirst();
        if (error.isEmpty()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": pipeline " + run.pipelineName() + " "
                    + run.state() + " without a step error");
            return ExitCodes.INTERNAL_ERROR;
        }
        boolean badInput = error.get().causedByInput() || isJdkInputError(error.get().type());
        ErrorHandler.print(spec.commandLine(), (badInput ? "" : "unexpected error: ") + error.get().message(), null);
        if (ErrorHandler.verbose(spec.root().commandLine().getParseResult())) {
            spec.commandLine().getErr().print(error.get().stackTrace());
        } else if (!badInput) {
            spec.commandLine().getErr().println("Run again with --verbose for the stack trace.");
        }
        spec.commandLine().getErr().flush();
        if (error.get().type().equals(SchemaCheckException.class.getName())) {
            return ExitCodes.CHECKS_FAILED;
        }
        return badInput ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
    }

    /** An argument the library rejected, or a file that cannot be read or written, as {@link ErrorHandler} says. */
    private static boolean isJdkInputError(String type) {
        try {
            Class<?> thrown = Class.forName(type, false, PipelineOutcomes.class.getClassLoader());
            return IllegalArgumentException.class.isAssignableFrom(thrown)
                    || UncheckedIOException.class.isAssignableFrom(thrown);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

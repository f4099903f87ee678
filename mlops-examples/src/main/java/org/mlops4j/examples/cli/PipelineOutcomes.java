package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.SchemaException;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.StepError;
import org.mlops4j.core.pipeline.StepRun;
import org.mlops4j.core.tracking.ModelNotFoundException;
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
     *         {@link ExitCodes#CHECKS_FAILED} for a failed schema check, {@link ExitCodes#BAD_INPUT} for bad data,
     *         settings or a missing model, {@link ExitCodes#INTERNAL_ERROR} for anything else
     */
    static int exitCode(CommandSpec spec, PipelineRun run) {
        if (run.state() == PipelineState.SUCCEEDED) {
            return ExitCodes.OK;
        }
        Optional<StepError> error = run.steps().stream().flatMap(s -> s.lastError().stream()).findFirst();
        error.ifPresent(e -> spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.message()));
        if (error.isEmpty()) {
            return ExitCodes.INTERNAL_ERROR;
        }
        String type = error.get().type();
        if (type.equals(SchemaCheckException.class.getName())) {
            return ExitCodes.CHECKS_FAILED;
        }
        return isBadInput(type) ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
    }

    private static boolean isBadInput(String type) {
        try {
            Class<?> thrown = Class.forName(type);
            return DataException.class.isAssignableFrom(thrown) || ConfigurationException.class.isAssignableFrom(thrown)
                    || SchemaException.class.isAssignableFrom(thrown)
                    || ModelNotFoundException.class.isAssignableFrom(thrown)
                    || IllegalArgumentException.class.isAssignableFrom(thrown)
                    || java.io.UncheckedIOException.class.isAssignableFrom(thrown);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

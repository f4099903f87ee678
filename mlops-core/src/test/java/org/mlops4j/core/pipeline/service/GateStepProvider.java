package org.mlops4j.core.pipeline.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.pipeline.PipelineStep;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.PipelineStepProvider;

/**
 * Step type {@code gate} for the scheduler's tests: appends {@code <pid> <step>} to the file {@code log}, then, when
 * it has a {@code gate} parameter, waits until that file exists (or the run is cancelled). Its output is a number, so
 * it can be kept to resume.
 */
public final class GateStepProvider implements PipelineStepProvider {

    private static final Object APPEND = new Object();

    @Override
    public String name() {
        return "gate";
    }

    @Override
    public PipelineStep create(Map<String, Object> parameters) {
        return ctx -> {
            Path log = Path.of(ctx.param("log", String.class));
            synchronized (APPEND) {
                Files.writeString(log, ProcessHandle.current().pid() + " " + ctx.stepName() + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            String gate = ctx.param("gate", String.class, "");
            while (!gate.isEmpty() && !Files.exists(Path.of(gate))) {
                ctx.throwIfCancelled();
                Thread.sleep(5);
            }
            return StepResult.of("done_" + ctx.stepName(), 1.0);
        };
    }

    /** @return the step types the scheduler tests use */
    public static ProviderSet<PipelineStepProvider> providers() {
        return new ProviderSet<>(PipelineStepProvider.class, Map.of("gate", new GateStepProvider()), "test steps");
    }

    /**
     * @param log the log file
     * @return its lines; none when it does not exist
     */
    public static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

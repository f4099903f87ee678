package org.mlops4j.examples.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.mlops4j.core.pipeline.PipelineStep;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.spi.PipelineStepProvider;

/**
 * Step type {@code record}, found through {@code META-INF/services} by the CLI tests: appends the run id to the file
 * named by its parameter {@code log}.
 */
public final class RecordStepProvider implements PipelineStepProvider {

    @Override
    public String name() {
        return "record";
    }

    @Override
    public PipelineStep create(Map<String, Object> parameters) {
        return ctx -> {
            synchronized (RecordStepProvider.class) {
                Files.writeString(Path.of(ctx.param("log", String.class)), ctx.runId() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            return StepResult.empty();
        };
    }
}

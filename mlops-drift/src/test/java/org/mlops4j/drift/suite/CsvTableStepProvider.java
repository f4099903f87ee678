package org.mlops4j.drift.suite;

import java.nio.file.Path;
import java.util.Map;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.pipeline.PipelineStep;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.spi.PipelineStepProvider;

/** {@code csv-table}, for tests' pipeline files: reads the CSV file {@code file} into the output {@code output}. */
public final class CsvTableStepProvider implements PipelineStepProvider {

    @Override
    public String name() {
        return "csv-table";
    }

    @Override
    public PipelineStep create(Map<String, Object> parameters) {
        return ctx -> StepResult.of(ctx.param("output", String.class),
                CsvReader.builder().build().read(Path.of(ctx.param("file", String.class))));
    }
}

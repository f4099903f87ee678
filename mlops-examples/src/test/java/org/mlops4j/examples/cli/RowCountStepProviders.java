package org.mlops4j.examples.cli;

import java.nio.file.Path;
import java.util.Map;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.pipeline.PipelineStep;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.spi.PipelineStepProvider;

/**
 * Two step types a user might write, found through {@code META-INF/services} by {@code mlops pipeline run FILE}:
 * {@code csv-rows} counts a CSV file's rows, {@code min-rows} fails when the count is below its parameter.
 */
final class RowCountStepProviders {

    private RowCountStepProviders() {
    }

    /** {@code csv-rows}: reads the CSV file {@code path} and outputs its row count as {@code rows}. */
    public static final class CsvRows implements PipelineStepProvider {
        @Override
        public String name() {
            return "csv-rows";
        }

        @Override
        public PipelineStep create(Map<String, Object> parameters) {
            if (!(parameters.get("path") instanceof String)) {
                throw new ConfigurationException("step type 'csv-rows' needs the parameter 'path', a CSV file");
            }
            return ctx -> StepResult.of("rows", CsvReader.builder().build()
                    .read(Path.of(ctx.param("path", String.class))).rowCount());
        }
    }

    /** {@code min-rows}: fails, as bad input, when its input {@code rows} is below the parameter {@code min}. */
    public static final class MinRows implements PipelineStepProvider {
        @Override
        public String name() {
            return "min-rows";
        }

        @Override
        public PipelineStep create(Map<String, Object> parameters) {
            return ctx -> {
                int rows = ctx.input("rows", Integer.class);
                int min = ctx.param("min", Integer.class);
                if (rows < min) {
                    throw new DataException("The table has " + rows + " rows; at least " + min + " are needed",
                            ctx.stepName(), 0, null, null);
                }
                return StepResult.empty();
            };
        }
    }
}

package org.mlops4j.core.pipeline;

import java.util.Map;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.PipelineStepProvider;

/** Two step types that tests find through {@code META-INF/services}: a constant and an addition. */
final class ArithmeticStepProviders {

    private ArithmeticStepProviders() {
    }

    /** {@code constant}: outputs its parameter {@code value} under its single declared output, {@code out}. */
    public static final class Constant implements PipelineStepProvider {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public PipelineStep create(Map<String, Object> parameters) {
            if (!parameters.containsKey("value")) {
                throw new ConfigurationException("step type 'constant' needs parameter 'value'");
            }
            return ctx -> StepResult.of("out_" + ctx.stepName(), ctx.param("value", Double.class));
        }
    }

    /** {@code add}: adds its inputs and the optional parameter {@code plus}; output {@code sum_<step>}. */
    public static final class Add implements PipelineStepProvider {
        @Override
        public String name() {
            return "add";
        }

        @Override
        public PipelineStep create(Map<String, Object> parameters) {
            return ctx -> {
                double sum = ctx.param("plus", Double.class, 0.0);
                for (Object value : ctx.inputs().values()) {
                    sum += (Double) value;
                }
                return StepResult.of("sum_" + ctx.stepName(), sum);
            };
        }
    }
}

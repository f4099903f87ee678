package org.mlops4j.core.spi;

import java.util.Map;
import org.mlops4j.core.pipeline.PipelineStep;

/**
 * Makes pipeline steps of one type, so that pipelines declared in JSON or YAML files can name the step type by
 * {@link #name()} and pass it parameters.
 */
public interface PipelineStepProvider extends NamedProvider {

    /**
     * Makes a step from the parameters a pipeline file gives it. Called while a pipeline is built, on the caller's
     * thread.
     *
     * @param parameters the step's parameters as read from the file (strings, numbers, booleans, lists, maps)
     * @return the step
     * @throws org.mlops4j.core.ConfigurationException naming the parameter when one is missing or invalid
     */
    PipelineStep create(Map<String, Object> parameters);
}

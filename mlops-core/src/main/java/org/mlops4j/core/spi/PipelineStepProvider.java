package org.mlops4j.core.spi;

import java.util.Map;
import org.mlops4j.core.pipeline.PipelineStep;

/**
 * Makes pipeline steps of one type, so that pipelines declared in JSON or YAML files name the step type by
 * {@link #name()} ({@code "type": "csv-load"}) and pass it parameters. The file declares the step's name, inputs,
 * outputs, retries, timeout and trigger rule; the provider supplies what the step does.
 */
public interface PipelineStepProvider extends NamedProvider {

    /**
     * Makes what a step of this type does. Called while a pipeline file is read, on the reading thread, once per step
     * of this type; the same parameters are also given to the step at run time through
     * {@link org.mlops4j.core.pipeline.StepContext#parameters()} and are part of its fingerprint.
     *
     * @param parameters the step's parameters as read from the file (strings, numbers, booleans, lists, maps)
     * @return what the step does; it must be safe to call from any thread, and once per attempt
     * @throws org.mlops4j.core.ConfigurationException naming the parameter when one is missing or invalid; the
     *                                                 reader adds the file and the step's name
     */
    PipelineStep create(Map<String, Object> parameters);
}

package org.mlops4j.core.pipeline;

import java.util.Map;

/**
 * One step of a pipeline: it reads named inputs and produces named outputs.
 *
 * <p>A step must not keep state between runs; the runner may call it from any thread.
 */
public interface PipelineStep {

    /** @return the step's name, unique within its pipeline */
    String name();

    /**
     * Runs the step.
     *
     * @param inputs the outputs of upstream steps that this step declared as inputs, by name
     * @return this step's outputs, by name
     * @throws Exception any failure; the runner records it and applies the step's retry policy
     */
    Map<String, Object> run(Map<String, Object> inputs) throws Exception;
}

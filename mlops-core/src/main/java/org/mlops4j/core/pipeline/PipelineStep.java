package org.mlops4j.core.pipeline;

/**
 * What a step does: it reads its inputs and parameters from a {@link StepContext} and returns its outputs.
 *
 * <pre>{@code
 * PipelineStep clean = ctx -> {
 *     Table raw = ctx.input("raw", Table.class);
 *     ctx.log().info("cleaning {} rows", raw.rowCount());
 *     return StepResult.of("clean", raw.filter(...));
 * };
 * }</pre>
 *
 * <p>The runner calls {@link #run} once per attempt, on one of its worker threads, possibly several times when the
 * step is retried, and possibly concurrently for different pipeline runs; an implementation must therefore not keep
 * state between calls, or must keep it thread-safe. A step that runs long should check
 * {@link StepContext#isCancelled()} or react to thread interruption, which is how timeouts and cancellation reach it.
 */
@FunctionalInterface
public interface PipelineStep {

    /**
     * Runs one attempt of the step.
     *
     * @param context the step's inputs, parameters, attempt number, log and cancellation flag
     * @return the step's outputs (every output the step declares, and no other), and optionally which downstream
     *         steps to run when the step is a branch
     * @throws Exception any failure; the runner records it with its stack trace and applies the step's
     *                   {@link RetryPolicy}
     */
    StepResult run(StepContext context) throws Exception;
}

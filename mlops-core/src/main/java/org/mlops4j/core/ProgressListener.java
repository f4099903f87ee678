package org.mlops4j.core;

/**
 * Hears how far a long piece of work has come (see {@link Progress}): model comparison and tuning
 * ({@code ModelingSetup.Builder.progress}), pipeline runs ({@code PipelineProgress}), profiles and drift checks.
 *
 * <p>Events of one piece of work arrive one at a time and in order ({@code done} never decreases); the last one has
 * {@link Progress#finished()} true unless the work failed or was cut short. They may come from a worker thread, so
 * a listener shared between pieces of work must be thread-safe. A listener should return quickly; an exception it
 * throws is logged by the caller and otherwise ignored.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every event. */
    ProgressListener NONE = progress -> {
    };

    /** @param progress how far the work has come */
    void onProgress(Progress progress);
}

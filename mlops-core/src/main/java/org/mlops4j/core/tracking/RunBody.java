package org.mlops4j.core.tracking;

/**
 * The work done inside a run started with {@link TrackingClient#run(String, String, RunBody)}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface RunBody<T> {

    /**
     * @param run the active run to log to
     * @return the result of the work
     * @throws Exception any failure; the run then ends {@link RunStatus#FAILED} and the exception is rethrown
     */
    T execute(ActiveRun run) throws Exception;
}

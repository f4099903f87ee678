package org.mlops4j.core.tracking;

/**
 * Work done inside a run that returns nothing, for {@link TrackingClient#record(String, String, RunAction)}: the
 * {@code void} form of {@link RunBody}, so that a body needs no {@code return null;}. (A separate name rather than an
 * overload of {@code run}, as Micrometer's {@code Timer.record(Runnable)} beside {@code recordCallable}: a lambda such
 * as {@code run -> { throw e; }} fits both shapes, and an overload would make it ambiguous.)
 */
@FunctionalInterface
public interface RunAction {

    /**
     * @param run the active run to log to
     * @throws Exception any failure; the run then ends {@link RunStatus#FAILED} and the exception is rethrown
     */
    void execute(ActiveRun run) throws Exception;
}

package org.mlops4j.core.monitor;

/**
 * Keeps every decision a monitor made, with its evidence and the results of its actions: in a JSON-lines file, in
 * experiment tracking, or wherever the host wants them.
 *
 * <p>Implementations are safe to use from several threads.
 */
@FunctionalInterface
public interface DecisionRecorder {

    /**
     * Records one outcome. Called by the monitor after the decision's actions ran, once per decision.
     *
     * @param outcome the decision and its action results
     * @throws org.mlops4j.core.MlopsException when the outcome cannot be recorded; the monitor adds the failure to the
     *                                         outcome it returns and logs it
     */
    void record(DecisionOutcome outcome);
}

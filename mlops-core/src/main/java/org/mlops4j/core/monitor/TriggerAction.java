package org.mlops4j.core.monitor;

/**
 * Something a monitor does once its policy has decided: write an alert, start a pipeline, call the host.
 *
 * <p>An action is made by a {@link org.mlops4j.core.spi.TriggerActionProvider} for one target (the pipeline or
 * callback it runs, if any) and may then run many times. Implementations are safe to use from several threads.
 */
public interface TriggerAction {

    /** @return the action as configured: its provider's name, then {@code :} and the target if there is one */
    String name();

    /**
     * Carries the action out. Called by the monitor, on the thread that checked, for each decision whose action kind
     * this action is configured for.
     *
     * @param decision the decision and its evidence
     * @return what the action did, for the record (such as a pipeline run's id or the alert file written); never
     *         {@code null}, may be empty
     * @throws RuntimeException when the action fails (preferably an {@link org.mlops4j.core.MlopsException}); the
     *                          monitor records the failure in the decision's outcome and goes on with the next action
     */
    String execute(PolicyDecision decision);
}

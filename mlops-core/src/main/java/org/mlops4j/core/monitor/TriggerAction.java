package org.mlops4j.core.monitor;

import java.util.Map;

/**
 * Something a monitoring policy does once it has decided: write an alert, start a pipeline, call the host.
 *
 * <p>Implementations are safe to use from several threads.
 */
public interface TriggerAction {

    /** @return the action's name, the same as its provider's */
    String name();

    /**
     * Carries the action out.
     *
     * @param evidence what led to the decision (measures, columns, thresholds), for messages and records
     * @throws org.mlops4j.core.MlopsException when the action fails; the policy records the failure
     */
    void execute(Map<String, Object> evidence);
}

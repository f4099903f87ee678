package org.mlops4j.core.spi;

import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.monitor.TriggerAction;

/**
 * Makes the actions that a monitoring policy takes when it decides something must happen: log or alert, run a
 * pipeline, call back into the host.
 */
public interface TriggerActionProvider extends NamedProvider {

    /**
     * Makes the action. Called when a policy is set up; the action may then run many times.
     *
     * @param config the host's configuration, for keys under {@code mlops.monitor.}
     * @return the action, safe to use from several threads
     */
    TriggerAction create(MlopsConfig config);
}

package org.mlops4j.core.spi;

import org.mlops4j.core.monitor.TriggerAction;
import org.mlops4j.core.monitor.TriggerContext;

/**
 * Makes the actions that a monitor takes when its policy decides something must happen: log or alert, run a
 * pipeline, call back into the host. Configuration names an action as the provider's name, optionally followed by
 * {@code :} and a target, such as {@code log}, {@code pipeline:retrain} or {@code callback:escalate}.
 */
public interface TriggerActionProvider extends NamedProvider {

    /**
     * Makes the action. Called when a monitor is built, once per configured action; the action may then run many
     * times, from any thread.
     *
     * @param context the target, the host's configuration (keys under {@code mlops.monitor.}) and the host's hooks
     * @return the action, safe to use from several threads
     * @throws org.mlops4j.core.ConfigurationException when the target is missing or unknown (such as a callback the
     *                                                 hooks do not hold) or a configuration value is invalid
     */
    TriggerAction create(TriggerContext context);
}

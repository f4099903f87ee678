package org.mlops4j.core.monitor;

import java.util.Objects;
import org.mlops4j.core.MlopsConfig;

/**
 * What a {@link org.mlops4j.core.spi.TriggerActionProvider} gets to make an action: the target the configuration
 * names after the provider ({@code retrain} in {@code pipeline:retrain}; empty when none), the host's configuration
 * and the hooks it lends.
 *
 * @param target the action's target, empty when the configuration names none
 * @param config the host's configuration, for keys under {@code mlops.monitor.}
 * @param hooks  the host's callbacks and pipelines
 */
public record TriggerContext(String target, MlopsConfig config, ActionHooks hooks) {

    /** Checks that nothing is missing. */
    public TriggerContext {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(hooks, "hooks");
    }
}

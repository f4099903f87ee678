package org.mlops4j.drift.policy;

import java.util.function.Consumer;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.TriggerAction;
import org.mlops4j.core.monitor.TriggerContext;
import org.mlops4j.core.spi.TriggerActionProvider;

/**
 * The {@code callback:<name>} action: calls the host's callback registered under that name in the
 * {@link ActionHooks} (such as {@code escalate}, which might page someone) with the decision.
 */
public final class CallbackActionProvider implements TriggerActionProvider {

    /** The provider's name. */
    public static final String NAME = "callback";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Calls a callback the host registered by name";
    }

    @Override
    public TriggerAction create(TriggerContext context) {
        String target = context.target();
        if (target.isEmpty()) {
            throw new ConfigurationException("The callback action needs the callback's name, as in "
                    + "callback:escalate");
        }
        Consumer<PolicyDecision> callback = context.hooks().callback(target).orElseThrow(() ->
                new ConfigurationException("No callback named '" + target + "' is registered (registered: "
                        + context.hooks().callbackNames() + "); register it with ActionHooks.builder().callback(\""
                        + target + "\", ...)"));
        return new TriggerAction() {
            @Override
            public String name() {
                return NAME + ":" + target;
            }

            @Override
            public String execute(PolicyDecision decision) {
                callback.accept(decision);
                return "called " + target;
            }
        };
    }
}

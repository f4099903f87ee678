package org.mlops4j.drift.policy;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.TriggerAction;
import org.mlops4j.core.monitor.TriggerContext;
import org.mlops4j.core.spi.TriggerActionProvider;

/**
 * What the {@code callback:<name>} and {@code pipeline:<name>} actions share: the action's target names a hook the
 * host registered in its {@link ActionHooks}; a missing name or an unregistered hook is a configuration error that
 * lists the registered ones and says how to register it. A subclass says which kind of hook it runs.
 */
abstract class HookActionProvider implements TriggerActionProvider {

    /** @return the kind of hook, as the action's prefix and the {@link ActionHooks.Builder} method name */
    abstract String kind();

    /** @return a typical hook name, for the message that asks for one */
    abstract String exampleTarget();

    /**
     * @param hooks  the host's hooks
     * @param target the hook's name
     * @return the hook run with a decision, returning what it did (empty or null for nothing to say)
     */
    abstract Optional<Function<PolicyDecision, String>> hook(ActionHooks hooks, String target);

    /**
     * @param hooks the host's hooks
     * @return the names registered for this kind
     */
    abstract Set<String> registered(ActionHooks hooks);

    /**
     * @param target the hook's name
     * @return the outcome recorded when the hook returned nothing
     */
    abstract String doneWithoutResult(String target);

    @Override
    public final String name() {
        return kind();
    }

    @Override
    public final TriggerAction create(TriggerContext context) {
        String target = context.target();
        if (target.isEmpty()) {
            throw new ConfigurationException("The " + kind() + " action needs the " + kind() + "'s name, as in "
                    + kind() + ":" + exampleTarget());
        }
        Function<PolicyDecision, String> hook = hook(context.hooks(), target).orElseThrow(() ->
                new ConfigurationException("No " + kind() + " named '" + target + "' is registered (registered: "
                        + registered(context.hooks()) + "); register it with ActionHooks.builder()." + kind()
                        + "(\"" + target + "\", ...)"));
        String actionName = kind() + ":" + target;
        return new TriggerAction() {
            @Override
            public String name() {
                return actionName;
            }

            @Override
            public String execute(PolicyDecision decision) {
                String result = hook.apply(decision);
                return result == null || result.isEmpty() ? doneWithoutResult(target) : result;
            }
        };
    }
}

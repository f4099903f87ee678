package org.mlops4j.drift.policy;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.PolicyDecision;

/**
 * The {@code callback:<name>} action: calls the host's callback registered under that name in the
 * {@link ActionHooks} (such as {@code escalate}, which might page someone) with the decision.
 */
public final class CallbackActionProvider extends HookActionProvider {

    /** The provider's name. */
    public static final String NAME = "callback";

    @Override
    public String description() {
        return "Calls a callback the host registered by name";
    }

    @Override
    String kind() {
        return NAME;
    }

    @Override
    String exampleTarget() {
        return "escalate";
    }

    @Override
    Optional<Function<PolicyDecision, String>> hook(ActionHooks hooks, String target) {
        return hooks.callback(target).map(callback -> decision -> {
            callback.accept(decision);
            return null;
        });
    }

    @Override
    Set<String> registered(ActionHooks hooks) {
        return hooks.callbackNames();
    }

    @Override
    String doneWithoutResult(String target) {
        return "called " + target;
    }
}

package org.mlops4j.drift.policy;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.PolicyDecision;

/**
 * The {@code pipeline:<name>} action: starts the host's pipeline registered under that name in the
 * {@link ActionHooks} (such as {@code retrain}: the data and training pipelines on new data) and records what the
 * pipeline returned, such as its run's id.
 */
public final class PipelineActionProvider extends HookActionProvider {

    /** The provider's name. */
    public static final String NAME = "pipeline";

    @Override
    public String description() {
        return "Runs a pipeline the host registered by name";
    }

    @Override
    String kind() {
        return NAME;
    }

    @Override
    String exampleTarget() {
        return "retrain";
    }

    @Override
    Optional<Function<PolicyDecision, String>> hook(ActionHooks hooks, String target) {
        return hooks.pipeline(target);
    }

    @Override
    Set<String> registered(ActionHooks hooks) {
        return hooks.pipelineNames();
    }

    @Override
    String doneWithoutResult(String target) {
        return "ran " + target;
    }
}

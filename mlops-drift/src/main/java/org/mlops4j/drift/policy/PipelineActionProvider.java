package org.mlops4j.drift.policy;

import java.util.function.Function;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.TriggerAction;
import org.mlops4j.core.monitor.TriggerContext;
import org.mlops4j.core.spi.TriggerActionProvider;

/**
 * The {@code pipeline:<name>} action: starts the host's pipeline registered under that name in the
 * {@link ActionHooks} (such as {@code retrain}: the data and training pipelines on new data) and records what the
 * pipeline returned, such as its run's id.
 */
public final class PipelineActionProvider implements TriggerActionProvider {

    /** The provider's name. */
    public static final String NAME = "pipeline";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Runs a pipeline the host registered by name";
    }

    @Override
    public TriggerAction create(TriggerContext context) {
        String target = context.target();
        if (target.isEmpty()) {
            throw new ConfigurationException("The pipeline action needs the pipeline's name, as in "
                    + "pipeline:retrain");
        }
        Function<PolicyDecision, String> pipeline = context.hooks().pipeline(target).orElseThrow(() ->
                new ConfigurationException("No pipeline named '" + target + "' is registered (registered: "
                        + context.hooks().pipelineNames() + "); register it with ActionHooks.builder().pipeline(\""
                        + target + "\", ...)"));
        return new TriggerAction() {
            @Override
            public String name() {
                return NAME + ":" + target;
            }

            @Override
            public String execute(PolicyDecision decision) {
                String result = pipeline.apply(decision);
                return result == null || result.isEmpty() ? "ran " + target : result;
            }
        };
    }
}

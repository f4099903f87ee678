package org.mlops4j.core.monitor;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the host application lends the monitor's actions, by name: callbacks (for the {@code callback} action, such
 * as {@code "escalate"} paging someone) and pipelines (for the {@code pipeline} action, such as {@code "retrain"}
 * starting the data and training pipelines).
 *
 * <pre>{@code
 * ActionHooks hooks = ActionHooks.builder()
 *         .callback("escalate", decision -> pager.send(decision.reason()))
 *         .pipeline("retrain", decision -> pipelines.start("training").runId())
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the registered functions must be thread-safe themselves.
 */
public final class ActionHooks {

    private final Map<String, Consumer<PolicyDecision>> callbacks;
    private final Map<String, Function<PolicyDecision, String>> pipelines;

    private ActionHooks(Builder b) {
        this.callbacks = Map.copyOf(b.callbacks);
        this.pipelines = Map.copyOf(b.pipelines);
    }

    /** @return hooks without callbacks or pipelines */
    public static ActionHooks none() {
        return builder().build();
    }

    /** @return a builder without hooks */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param name a callback's name
     * @return the callback registered under it
     */
    public Optional<Consumer<PolicyDecision>> callback(String name) {
        return Optional.ofNullable(callbacks.get(name));
    }

    /**
     * @param name a pipeline's name
     * @return the function that starts it, returning what to record (such as the run's id)
     */
    public Optional<Function<PolicyDecision, String>> pipeline(String name) {
        return Optional.ofNullable(pipelines.get(name));
    }

    /** @return the callbacks' names, sorted */
    public Set<String> callbackNames() {
        return new TreeMap<>(callbacks).keySet();
    }

    /** @return the pipelines' names, sorted */
    public Set<String> pipelineNames() {
        return new TreeMap<>(pipelines).keySet();
    }

    /** Collects hooks; not thread-safe. */
    public static final class Builder {
        private final Map<String, Consumer<PolicyDecision>> callbacks = new TreeMap<>();
        private final Map<String, Function<PolicyDecision, String>> pipelines = new TreeMap<>();

        private Builder() {
        }

        /**
         * @param name     the callback's name, as the {@code callback:<name>} action refers to it
         * @param callback what to call with the decision
         * @return this builder
         */
        public Builder callback(String name, Consumer<PolicyDecision> callback) {
            callbacks.put(checkName(name), Objects.requireNonNull(callback, "callback"));
            return this;
        }

        /**
         * @param name     the pipeline's name, as the {@code pipeline:<name>} action refers to it
         * @param pipeline starts the pipeline for the decision and returns what to record (such as the run's id)
         * @return this builder
         */
        public Builder pipeline(String name, Function<PolicyDecision, String> pipeline) {
            pipelines.put(checkName(name), Objects.requireNonNull(pipeline, "pipeline"));
            return this;
        }

        /**
         * @param name     the pipeline's name
         * @param pipeline runs the pipeline
         * @return this builder
         */
        public Builder pipeline(String name, Runnable pipeline) {
            Objects.requireNonNull(pipeline, "pipeline");
            return pipeline(name, decision -> {
                pipeline.run();
                return "";
            });
        }

        /** @return the hooks */
        public ActionHooks build() {
            return new ActionHooks(this);
        }

        private static String checkName(String name) {
            if (name == null || name.isBlank() || name.contains(",")) {
                throw new IllegalArgumentException("A hook needs a non-blank name without commas, got '" + name + "'");
            }
            return name.trim();
        }
    }
}

package org.mlops4j.core.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One step of a {@link Pipeline}: a name, what it does, the named inputs it reads, the named outputs it writes, its
 * parameters, and how it is run (retries, timeout, trigger rule). Immutable and thread-safe.
 *
 * <pre>{@code
 * Step train = Step.named("train")
 *         .inputs("features")
 *         .outputs("model")
 *         .param("epochs", 10)
 *         .retry(RetryPolicy.retries(2))
 *         .timeout(Duration.ofMinutes(5))
 *         .run(ctx -> StepResult.of("model", fit(ctx.input("features", Table.class), ctx.param("epochs", Integer.class))));
 * }</pre>
 *
 * <p>A step depends on the step that outputs each of its inputs, and on the steps named in {@link Builder#after}.
 * Step names are letters, digits, {@code _}, {@code -} and {@code .}, starting with a letter or digit, because they
 * name folders of the {@link StepOutputStore}.
 */
public final class Step {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final String name;
    private final String type;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Set<String> after;
    private final Map<String, Object> parameters;
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final TriggerRule triggerRule;
    private final String version;
    private final boolean persistOutputs;
    private final PipelineStep action;

    private Step(Builder builder, PipelineStep action) {
        this.name = builder.name;
        this.type = builder.type;
        this.inputs = List.copyOf(builder.inputs);
        this.outputs = List.copyOf(builder.outputs);
        this.after = Collections.unmodifiableSet(new LinkedHashSet<>(builder.after));
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.parameters));
        this.retryPolicy = builder.retryPolicy;
        this.timeout = builder.timeout;
        this.triggerRule = builder.triggerRule;
        this.version = builder.version;
        this.persistOutputs = builder.persistOutputs;
        this.action = Objects.requireNonNull(action, "action");
    }

    /**
     * @param name the step's name, unique within its pipeline
     * @return a builder for a step of that name
     * @throws IllegalArgumentException when the name is not a valid step name
     */
    public static Builder named(String name) {
        return new Builder(checkName(name, "step"));
    }

    static String checkName(String name, String what) {
        Objects.requireNonNull(name, what + " name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name + "': expected 1 to 128 letters,"
                    + " digits, '_', '-' or '.', starting with a letter or digit");
        }
        return name;
    }

    /** @return the step's name, unique within its pipeline */
    public String name() {
        return name;
    }

    /** @return the provider name the step was made by when declared in a file; empty for steps declared in code */
    public String type() {
        return type;
    }

    /** @return the names of the outputs of other steps that this step reads, in declaration order */
    public List<String> inputs() {
        return inputs;
    }

    /** @return the names of the outputs this step writes, in declaration order */
    public List<String> outputs() {
        return outputs;
    }

    /** @return the names of steps this step runs after without reading their outputs */
    public Set<String> after() {
        return after;
    }

    /** @return the step's parameters, which are part of its fingerprint */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** @return how often the step is tried and how long to wait between attempts */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the longest one attempt may take, if limited */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return when the step runs, given its upstream steps' states */
    public TriggerRule triggerRule() {
        return triggerRule;
    }

    /** @return the step's code version, part of its fingerprint (change it when the step's code changes) */
    public String version() {
        return version;
    }

    /** @return whether the step's outputs go to the runner's {@link StepOutputStore}, when it has one */
    public boolean persistOutputs() {
        return persistOutputs;
    }

    /** @return what the step does */
    public PipelineStep action() {
        return action;
    }

    @Override
    public String toString() {
        return "Step[" + name + (type.isEmpty() ? "" : ", type " + type) + ", inputs " + inputs + ", outputs "
                + outputs + "]";
    }

    /** Collects a step's declaration; {@link #run} makes the step. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String type = "";
        private final List<String> inputs = new ArrayList<>();
        private final List<String> outputs = new ArrayList<>();
        private final Set<String> after = new LinkedHashSet<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private Duration timeout;
        private TriggerRule triggerRule = TriggerRule.ALL_SUCCESS;
        private String version = "";
        private boolean persistOutputs = true;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * @param names outputs of other steps that this step reads
         * @return this builder
         */
        public Builder inputs(String... names) {
            for (String input : names) {
                inputs.add(checkBlank(input, "input"));
            }
            return this;
        }

        /**
         * @param names the outputs this step writes
         * @return this builder
         */
        public Builder outputs(String... names) {
            for (String output : names) {
                outputs.add(checkBlank(output, "output"));
            }
            return this;
        }

        /**
         * @param stepNames steps this step runs after, without reading their outputs
         * @return this builder
         */
        public Builder after(String... stepNames) {
            for (String step : stepNames) {
                after.add(checkBlank(step, "upstream step"));
            }
            return this;
        }

        /**
         * @param key   a parameter's name
         * @param value its value: a string, number, boolean, or a list or map of those, so that it can be
         *              fingerprinted and recorded
         * @return this builder
         */
        public Builder param(String key, Object value) {
            parameters.put(checkBlank(key, "parameter"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param values parameters by name
         * @return this builder
         */
        public Builder params(Map<String, ?> values) {
            values.forEach(this::param);
            return this;
        }

        /**
         * @param policy how often to try the step
         * @return this builder
         */
        public Builder retry(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param limit the longest one attempt may take; the attempt's thread is then interrupted and the attempt
         *              counts as failed (it is retried if the retry policy allows)
         * @return this builder
         */
        public Builder timeout(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("Step '" + name + "': timeout must be positive, was " + limit);
            }
            this.timeout = limit;
            return this;
        }

        /**
         * @param rule when the step runs, given its upstream steps' states
         * @return this builder
         */
        public Builder triggerRule(TriggerRule rule) {
            this.triggerRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * @param codeVersion a label that changes when the step's code changes; part of the fingerprint, so stored
         *                    outputs of another version are not reused
         * @return this builder
         */
        public Builder version(String codeVersion) {
            this.version = Objects.requireNonNull(codeVersion, "codeVersion");
            return this;
        }

        /**
         * @param persist whether the step's outputs go to the runner's output store (default true); switch off for
         *                outputs that cannot be serialised or are cheap to recompute
         * @return this builder
         */
        public Builder persistOutputs(boolean persist) {
            this.persistOutputs = persist;
            return this;
        }

        /**
         * @param providerName the provider that made the step, for steps declared in files
         * @return this builder
         */
        public Builder type(String providerName) {
            this.type = Objects.requireNonNull(providerName, "providerName");
            return this;
        }

        /**
         * @param action what the step does
         * @return the step
         */
        public Step run(PipelineStep action) {
            return new Step(this, action);
        }

        private String checkBlank(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Step '" + name + "': " + what + " names must not be blank");
            }
            return value;
        }
    }
}

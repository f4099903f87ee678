package org.mlops4j.core.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;

/**
 * A named, validated DAG of {@link Step}s. A step depends on the step that outputs each of its inputs and on the
 * steps it names in {@link Step.Builder#after}. Immutable and thread-safe; one pipeline can be run many times, also
 * concurrently.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder("leads")
 *         .step(Step.named("load").outputs("raw").run(ctx -> StepResult.of("raw", reader.read(file))))
 *         .step(Step.named("clean").inputs("raw").outputs("clean").run(ctx -> ...))
 *         .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} rejects, naming the step: duplicate step names, an output written by two steps, an
 * input that no step outputs, an {@code after} step that does not exist, and cycles (listing the steps on the cycle).
 * Pipelines can also be read from JSON or YAML files with {@link org.mlops4j.core.pipeline.file.PipelineFile}.
 */
public final class Pipeline {

    private final String name;
    private final List<Step> steps;
    private final Map<String, Step> byName;
    private final Map<String, List<String>> upstream;
    private final Map<String, List<String>> downstream;
    private final Map<String, String> producerOfOutput;

    private Pipeline(String name, List<Step> ordered, Map<String, List<String>> upstream,
                     Map<String, String> producerOfOutput) {
        this.name = name;
        this.steps = List.copyOf(ordered);
        Map<String, Step> index = new LinkedHashMap<>();
        ordered.forEach(step -> index.put(step.name(), step));
        this.byName = Collections.unmodifiableMap(index);
        Map<String, List<String>> up = new HashMap<>();
        Map<String, List<String>> down = new HashMap<>();
        for (Step step : ordered) {
            down.put(step.name(), new ArrayList<>());
        }
        for (Step step : ordered) {
            List<String> ups = upstream.get(step.name());
            up.put(step.name(), List.copyOf(ups));
            for (String u : ups) {
                down.get(u).add(step.name());
            }
        }
        down.replaceAll((k, v) -> List.copyOf(v));
        this.upstream = Collections.unmodifiableMap(up);
        this.downstream = Collections.unmodifiableMap(down);
        this.producerOfOutput = Map.copyOf(producerOfOutput);
    }

    /**
     * @param name the pipeline's name: letters, digits, {@code _}, {@code -} and {@code .}
     * @return a builder
     * @throws IllegalArgumentException when the name is not valid
     */
    public static Builder builder(String name) {
        return new Builder(Step.checkName(name, "pipeline"));
    }

    /** @return the pipeline's name */
    public String name() {
        return name;
    }

    /** @return the steps in an order where every step comes after the steps it depends on (ties: declaration order) */
    public List<Step> steps() {
        return steps;
    }

    /**
     * @param stepName a step's name
     * @return the step, if the pipeline has it
     */
    public Optional<Step> step(String stepName) {
        return Optional.ofNullable(byName.get(stepName));
    }

    /**
     * @param stepName a step's name
     * @return the steps it depends on directly, in order
     * @throws IllegalArgumentException when there is no such step
     */
    public List<String> upstreamOf(String stepName) {
        return lookup(upstream, stepName);
    }

    /**
     * @param stepName a step's name
     * @return the steps that depend on it directly, in order
     * @throws IllegalArgumentException when there is no such step
     */
    public List<String> downstreamOf(String stepName) {
        return lookup(downstream, stepName);
    }

    /**
     * @param output an output's name
     * @return the step that writes it, if any
     */
    public Optional<String> producerOf(String output) {
        return Optional.ofNullable(producerOfOutput.get(output));
    }

    private List<String> lookup(Map<String, List<String>> edges, String stepName) {
        List<String> found = edges.get(stepName);
        if (found == null) {
            throw new IllegalArgumentException("Pipeline '" + name + "' has no step '" + stepName + "'; steps: "
                    + byName.keySet());
        }
        return found;
    }

    @Override
    public String toString() {
        return "Pipeline[" + name + ", steps " + byName.keySet() + "]";
    }

    /** Collects steps; {@link #build()} validates the DAG. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * @param step a step
         * @return this builder
         */
        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * @param more steps
         * @return this builder
         */
        public Builder steps(List<Step> more) {
            more.forEach(this::step);
            return this;
        }

        /**
         * @return the pipeline
         * @throws ConfigurationException naming the step when the steps do not form a valid DAG
         */
        public Pipeline build() {
            if (steps.isEmpty()) {
                throw new ConfigurationException("Pipeline '" + name + "' has no steps; add at least one step");
            }
            Map<String, Integer> declared = new HashMap<>();
            Map<String, String> producer = new HashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (declared.put(step.name(), i) != null) {
                    throw new ConfigurationException("Pipeline '" + name + "' declares step '" + step.name()
                            + "' twice; step names must be unique");
                }
                for (String output : step.outputs()) {
                    String other = producer.put(output, step.name());
                    if (other != null) {
                        throw new ConfigurationException("Pipeline '" + name + "': output '" + output
                                + "' is written by step '" + other + "' and by step '" + step.name()
                                + "'; each output must have one producer (rename one of them)");
                    }
                }
            }
            Map<String, List<String>> upstream = new HashMap<>();
            for (Step step : steps) {
                Set<String> ups = new LinkedHashSet<>();
                for (String input : step.inputs()) {
                    String from = producer.get(input);
                    if (from == null) {
                        throw new ConfigurationException("Pipeline '" + name + "': step '" + step.name()
                                + "' needs input '" + input + "' but no step outputs it (outputs are "
                                + new java.util.TreeSet<>(producer.keySet()) + ")");
                    }
                    ups.add(from);
                }
                for (String after : step.after()) {
                    if (!declared.containsKey(after)) {
                        throw new ConfigurationException("Pipeline '" + name + "': step '" + step.name()
                                + "' runs after step '" + after + "', which the pipeline does not have (steps are "
                                + new java.util.TreeSet<>(declared.keySet()) + ")");
                    }
                    ups.add(after);
                }
                upstream.put(step.name(), new ArrayList<>(ups));
            }
            return new Pipeline(name, topologicalOrder(declared, upstream), upstream, producer);
        }

        private List<Step> topologicalOrder(Map<String, Integer> declared, Map<String, List<String>> upstream) {
            int n = steps.size();
            int[] waiting = new int[n];
            List<List<Integer>> down = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                down.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                for (String u : upstream.get(steps.get(i).name())) {
                    down.get(declared.get(u)).add(i);
                    waiting[i]++;
                }
            }
            PriorityQueue<Integer> ready = new PriorityQueue<>();
            for (int i = 0; i < n; i++) {
                if (waiting[i] == 0) {
                    ready.add(i);
                }
            }
            List<Step> ordered = new ArrayList<>(n);
            while (!ready.isEmpty()) {
                int i = ready.poll();
                ordered.add(steps.get(i));
                for (int d : down.get(i)) {
                    if (--waiting[d] == 0) {
                        ready.add(d);
                    }
                }
            }
            if (ordered.size() < n) {
                throw new ConfigurationException("Pipeline '" + name + "' has a cycle: "
                        + String.join(" -> ", findCycle(waiting, declared, upstream))
                        + "; a step cannot depend on itself, directly or through other steps");
            }
            return ordered;
        }

        /**
         * Walks upstream from a step that is still waiting until a step repeats: that stretch is a cycle, reported
         * from its first-declared step.
         */
        private List<String> findCycle(int[] waiting, Map<String, Integer> declared,
                                       Map<String, List<String>> upstream) {
            int start = 0;
            while (waiting[start] == 0) {
                start++;
            }
            Deque<String> path = new ArrayDeque<>();
            Map<String, Integer> position = new HashMap<>();
            String current = steps.get(start).name();
            while (!position.containsKey(current)) {
                position.put(current, path.size());
                path.addLast(current);
                String next = null;
                for (String u : upstream.get(current)) {
                    if (waiting[declared.get(u)] > 0) {
                        next = u;
                        break;
                    }
                }
                current = Objects.requireNonNull(next, "a waiting step has a waiting upstream step");
            }
            List<String> walked = new ArrayList<>(path).subList(position.get(current), path.size());
            List<String> cycle = new ArrayList<>(walked);
            Collections.reverse(cycle);
            String first = cycle.stream().min(java.util.Comparator.comparing(declared::get)).orElseThrow();
            Collections.rotate(cycle, -cycle.indexOf(first));
            cycle.add(cycle.get(0));
            return cycle;
        }
    }
}

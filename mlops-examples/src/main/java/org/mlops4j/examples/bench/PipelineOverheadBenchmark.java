package org.mlops4j.examples.bench;

import java.util.concurrent.TimeUnit;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.Step;
import org.mlops4j.core.pipeline.StepOutputStore;
import org.mlops4j.core.pipeline.StepResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The pipeline engine's own cost per step: 10,000 trivial steps (each returns a constant or passes an integer on)
 * in a wide DAG (one source, 10,000 independent steps, one sink that runs after all of them) and in a chain of
 * 10,000 steps, without an output store and with one that keeps nothing (which adds a SHA-256 fingerprint, a lookup and a save per step).
 * The time per operation divided by {@link #STEPS} is the overhead per step.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl mlops-examples -am compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp mlops-examples/target/classes:$(cat mlops-examples/target/bench.cp) \
 *     org.mlops4j.examples.bench.PipelineOverheadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineOverheadBenchmark {

    /** How many trivial steps each pipeline has (the wide one has two more: its source and its sink). */
    public static final int STEPS = 10_000;

    /** {@code wide} or {@code chain}. */
    @Param({"wide", "chain"})
    public String shape;

    /** {@code none} or {@code memory}: without an output store, or with one that keeps nothing (so every step is fingerprinted, looked up and saved, and still runs). */
    @Param({"none", "memory"})
    public String store;

    private Pipeline pipeline;
    private PipelineRunner runner;

    /** Builds the pipeline and a runner with two worker threads. */
    @Setup(Level.Trial)
    public void setUp() {
        pipeline = "wide".equals(shape) ? wide() : chain();
        PipelineRunner.Builder builder = PipelineRunner.builder().threads(2);
        if ("memory".equals(store)) {
            builder.outputStore(new DiscardingStore());
        }
        runner = builder.build();
    }

    /** Closes the runner. */
    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }

    /**
     * @return the run, so that it is not optimised away
     */
    @Benchmark
    public PipelineRun run() {
        PipelineRun run = runner.run(pipeline);
        if (run.state() != PipelineState.SUCCEEDED) {
            throw new IllegalStateException("benchmark pipeline failed: " + run.state());
        }
        return run;
    }

    static Pipeline wide() {
        Pipeline.Builder builder = Pipeline.builder("wide");
        builder.step(Step.named("source").outputs("seed").run(ctx -> StepResult.of("seed", 1)));
        String[] leaves = new String[STEPS];
        for (int i = 0; i < STEPS; i++) {
            leaves[i] = "leaf-" + i;
            builder.step(Step.named(leaves[i]).inputs("seed").run(ctx -> StepResult.empty()));
        }
        builder.step(Step.named("sink").after(leaves).run(ctx -> StepResult.empty()));
        return builder.build();
    }

    static Pipeline chain() {
        Pipeline.Builder builder = Pipeline.builder("chain");
        builder.step(Step.named("step-0").outputs("v0").run(ctx -> StepResult.of("v0", 0)));
        for (int i = 1; i < STEPS; i++) {
            String in = "v" + (i - 1);
            String out = "v" + i;
            builder.step(Step.named("step-" + i).inputs(in).outputs(out)
                    .run(ctx -> StepResult.of(out, ctx.input(in, Integer.class) + 1)));
        }
        return builder.build();
    }

    /**
     * An output store that remembers nothing, so every run runs every step but pays for fingerprints, lookups and
     * saves as a store-backed run does.
     */
    static final class DiscardingStore implements StepOutputStore {
        @Override
        public java.util.Optional<StepResult> load(String pipelineName, String stepName, String fingerprint) {
            return java.util.Optional.empty();
        }

        @Override
        public void save(String pipelineName, String stepName, String fingerprint, StepResult result) {
            // remembers nothing on purpose
        }

        @Override
        public void clear(String pipelineName) {
            // nothing to clear
        }
    }

    /**
     * Runs the benchmark with the options in the annotations.
     *
     * @param args ignored
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(PipelineOverheadBenchmark.class.getSimpleName()).build()).run();
    }
}

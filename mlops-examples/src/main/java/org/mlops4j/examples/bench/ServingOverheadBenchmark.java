package org.mlops4j.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.examples.leadscoring.LeadDataTransforms;
import org.mlops4j.examples.leadscoring.LeadGenerator;
import org.mlops4j.examples.leadscoring.LeadScoringInference;
import org.mlops4j.examples.leadscoring.LeadScoringMappings;
import org.mlops4j.examples.leadscoring.LeadScoringSchemas;
import org.mlops4j.examples.leadscoring.LeadScoringTraining;
import org.mlops4j.models.EncodedRows;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.ServedBatches;
import org.mlops4j.models.TrainedModel;
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
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * The cost of serving a lead-scoring batch through the inference path compared with bare Tribuo prediction, on the
 * same {@value #ROWS} rows of model input and the same model (gradient-boosted trees, 30 rounds, as the demo trains):
 * <ul>
 *   <li>{@code bareTribuo}: {@code model.predict(examples)} over Tribuo examples built once in the setup;</li>
 *   <li>{@code encodeAndPredict}: {@link org.mlops4j.models.Predictor#predict(Table)}, which one-hot encodes the
 *       table with the model's encoder, builds the examples and predicts. Serving cannot skip encoding (requests
 *       arrive as rows, not as Tribuo examples), so this is the fair baseline for what the serving path adds;</li>
 *   <li>{@code servingPath}: the inference pipeline's work per batch: the input schema check against the registered
 *       version ({@link LeadScoringInference#checkInputFeatures}), encoding and prediction, and the capture of the
 *       serving log at the sample rate ({@code 1.0} is the default: every request) into a JSON-lines file, appended
 *       under a lock and forced to disk once per batch.</li>
 * </ul>
 * The overhead of schema check and capture is {@code servingPath / encodeAndPredict - 1}; {@link #main} prints it.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl mlops-examples -am compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp mlops-examples/target/classes:$(cat mlops-examples/target/bench.cp) \
 *     org.mlops4j.examples.bench.ServingOverheadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServingOverheadBenchmark {

    /** Rows per batch. */
    public static final int ROWS = 10_000;

    /** The share of requests captured in the serving log. */
    @Param({"1.0", "0.1"})
    public double sampleRate;

    private TrainedModel model;
    private Table batch;
    private List<Example<Label>> examples;
    private ModelVersion version;
    private List<String> inputColumns;
    private Path folder;
    private ServingLog log;

    /** Generates training rows and a batch, trains the model, builds the examples. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        Table training = modelInput(LeadGenerator.builder().seed(1).rows(20_000).build().generate().table());
        ModelingSetup setup = ModelingSetup.builder(training, LeadScoringSchemas.TARGET).folds(2).seed(1)
                .parallelism(1).build();
        model = setup.createModel("xgboost", Map.of("n_trees", 30)).model();
        batch = modelInput(LeadGenerator.builder().seed(2).rows(ROWS).build().generate().table())
                .drop(LeadScoringSchemas.TARGET);
        EncodedRows encoded = model.encoder().encode(batch, model.scaling());
        examples = new ArrayList<>(encoded.size());
        for (int row = 0; row < encoded.size(); row++) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, encoded.featureNames(row),
                    encoded.values(row)));
        }
        Instant now = Instant.now();
        version = new ModelVersion("lead-scoring", 1, now, now, ModelStage.PRODUCTION, "runs:/0/model",
                java.util.Optional.empty(), java.util.Optional.of(model.inputSchema()), "", Map.of(),
                java.util.Set.of());
        inputColumns = model.inputSchema().columnNames();
        folder = Files.createTempDirectory("mlops-serving-bench");
        log = new ServingLog(folder.resolve("serving_log.jsonl"));
    }

    /** @return the model input the case study's data pipeline makes of raw leads (also used by HttpServingBenchmark) */
    static Table modelInput(Table raw) {
        LeadDataTransforms transforms = new LeadDataTransforms(LeadScoringMappings.bundled(),
                LeadScoringSchemas.bundled());
        boolean inference = !raw.hasColumn(LeadScoringSchemas.TARGET);
        Table mapped = transforms.mapCategoricalVars(transforms.mapCityTier(transforms.load(raw)));
        return LeadScoringTraining.categoricalText(transforms.modelInput(transforms.mapInteractions(mapped,
                inference), inference));
    }

    /** Starts each iteration with an empty serving log. */
    @Setup(Level.Iteration)
    public void emptyLog() throws IOException {
        Files.deleteIfExists(log.file());
    }

    /** Deletes the serving log. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(log.file());
        Files.deleteIfExists(folder);
    }

    /** @return Tribuo's predictions of the pre-built examples */
    @Benchmark
    @SuppressWarnings("unchecked")
    public Object bareTribuo() {
        return ((Model<Label>) model.tribuoModel()).predict(examples);
    }

    /** @return the predictions of the table, encoded by the model's encoder */
    @Benchmark
    public Predictions encodeAndPredict() {
        return model.predictor().predict(batch);
    }

    /** @return rows captured after schema check, encoding, prediction and capture */
    @Benchmark
    public int servingPath() {
        LeadScoringInference.checkInputFeatures(version, batch, "benchmark");
        Predictions predictions = model.predictor().predict(batch);
        return log.append(ServedBatches.of("bench", "lead-scoring", 1, Instant.now(), batch, inputColumns,
                predictions, "1"), sampleRate, 7);
    }

    /**
     * Runs the benchmark and prints the overhead of the serving path.
     *
     * @param args unused
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        var results = new Runner(new OptionsBuilder().include(ServingOverheadBenchmark.class.getSimpleName())
                .build()).run();
        Map<String, Double> scores = new java.util.TreeMap<>();
        for (var result : results) {
            String name = result.getPrimaryResult().getLabel() + " rate=" + result.getParams().getParam("sampleRate");
            scores.put(name, result.getPrimaryResult().getScore());
        }
        scores.forEach((k, v) -> System.out.printf(java.util.Locale.ROOT, "%-36s %8.3f ms/batch%n", k, v));
        for (String rate : List.of("1.0", "0.1")) {
            double base = scores.get("encodeAndPredict rate=" + rate);
            double bare = scores.get("bareTribuo rate=" + rate);
            double serving = scores.get("servingPath rate=" + rate);
            System.out.printf(java.util.Locale.ROOT, "sample rate %s: serving path %+.1f %% over encode+predict, "
                    + "%+.1f %% over bare Tribuo%n", rate, 100 * (serving / base - 1), 100 * (serving / bare - 1));
        }
    }
}

package org.mlops4j.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.TrainedModel;

/**
 * Rows per second of ONNX Runtime scoring through mlops4j's {@link org.mlops4j.models.Predictor} against calling ONNX
 * Runtime directly on the same tensors (the adapter's overhead; goal at most 20 %), and against a Tribuo model of the
 * same family (logistic regression with one-hot encoding and scaling, trained by mlops4j on the same rows).
 *
 * <ul>
 *   <li>{@code ort direct}: the input tensors are built from primitive arrays extracted once (what a caller that
 *       already holds tensors pays): create the tensors, {@code session.run}, read the label and probability outputs
 *       ({@code getValue}, ZipMap's maps included), close;</li>
 *   <li>{@code predictor}: {@code OnnxModel.predictor().predict(table)}: the input-schema check, per-row missing-value
 *       checks, tensors built from the table's columns, the run, and one {@code PredictedRow} per row with its label
 *       and probability map;</li>
 *   <li>{@code tribuo lr}: {@code TrainedModel.predictor().predict(table)} of mlops4j's own logistic regression on the
 *       same six columns (encoding and prediction).</li>
 * </ul>
 * Both sides use the same session options ({@link OnnxModel#sessionOptions()}: one intra-op thread). Each
 * measurement scores batches of {@code --rows} rows (default 1,000, and 1 for single-row requests) for
 * {@code --millis} ms; the configurations are interleaved over {@code --rounds} rounds and the median is reported, with
 * {@code /proc/loadavg} before and after, since the machine is shared: read the ratios, measured in the same run.
 *
 * <p>Run from the repository root after {@code mvn -o -q test-compile -pl mlops-onnx -am}:
 * <pre>
 * mvn -o -q dependency:build-classpath -pl mlops-onnx -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp mlops-onnx/target/test-classes:mlops-onnx/target/classes:mlops-models/target/classes:mlops-core/target/classes:$(cat /tmp/cp.txt) \
 *     org.mlops4j.onnx.OnnxScoringBenchmark --rounds 5 --millis 1500
 * </pre>
 */
public final class OnnxScoringBenchmark {

    private OnnxScoringBenchmark() {
    }

    /**
     * @param args {@code --rounds N}, {@code --millis MS}, {@code --rows N}
     * @throws Exception when a model cannot be loaded or scored
     */
    public static void main(String[] args) throws Exception {
        int rounds = option(args, "--rounds", 5);
        int millis = option(args, "--millis", 1500);
        int rows = option(args, "--rows", 1000);
        System.out.println("load before: " + loadavg());
        for (int batch : new int[] {rows, 1}) {
            run(batch, rounds, millis);
        }
        System.out.println("load after: " + loadavg());
    }

    private static void run(int batchRows, int rounds, int millis) throws OrtException {
        Table batch = replicate(OnnxFixtures.holdout(), batchRows);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxModel logistic = OnnxModel.load(OnnxFixtures.file("logistic.onnx"),
                Optional.of(OnnxFixtures.NUMERIC_FEATURES));
                OnnxModel pipeline = OnnxModel.load(OnnxFixtures.file("pipeline.onnx"));
                OrtSession logisticSession = env.createSession(logistic.bytes(), OnnxModel.sessionOptions());
                OrtSession pipelineSession = env.createSession(pipeline.bytes(), OnnxModel.sessionOptions())) {
            TrainedModel tribuo = tribuoLogistic();
            float[] features = features(batch);
            Map<String, float[]> numeric = new LinkedHashMap<>();
            Map<String, String[]> text = new LinkedHashMap<>();
            for (String column : pipeline.inputSchema().columnNames()) {
                if (batch.column(column) instanceof org.mlops4j.core.data.NumericColumn n) {
                    float[] values = new float[batchRows];
                    for (int r = 0; r < batchRows; r++) {
                        values[r] = (float) n.getDouble(r);
                    }
                    numeric.put(column, values);
                } else {
                    String[] values = new String[batchRows];
                    for (int r = 0; r < batchRows; r++) {
                        values[r] = batch.column(column).format(r);
                    }
                    text.put(column, values);
                }
            }
            Map<String, IntSupplier> cases = new LinkedHashMap<>();
            cases.put("logistic ort direct", () -> direct(env, logisticSession, Map.of("input", features),
                    Map.of(), batchRows, 3));
            cases.put("logistic predictor", () -> logistic.predictor().predict(batch).size());
            cases.put("pipeline ort direct", () -> direct(env, pipelineSession, numeric, text, batchRows, 1));
            cases.put("pipeline predictor", () -> pipeline.predictor().predict(batch).size());
            cases.put("tribuo lr predictor", () -> tribuo.predictor().predict(batch).size());
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            cases.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
            cases.values().forEach(c -> measure(c, 300));
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, IntSupplier> c : cases.entrySet()) {
                    rates.get(c.getKey()).add(measure(c.getValue(), millis));
                }
            }
            System.out.printf(Locale.ROOT, "batches of %d rows, %d rounds of %d ms (median rows/s):%n", batchRows,
                    rounds, millis);
            Map<String, Double> median = new LinkedHashMap<>();
            rates.forEach((k, v) -> median.put(k, median(v)));
            median.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-22s %,12.0f%n", k, v));
            System.out.printf(Locale.ROOT, "  logistic: predictor / ort direct = %.3f (overhead %.1f %%)%n",
                    median.get("logistic predictor") / median.get("logistic ort direct"),
                    100 * (median.get("logistic ort direct") / median.get("logistic predictor") - 1));
            System.out.printf(Locale.ROOT, "  pipeline: predictor / ort direct = %.3f (overhead %.1f %%)%n",
                    median.get("pipeline predictor") / median.get("pipeline ort direct"),
                    100 * (median.get("pipeline ort direct") / median.get("pipeline predictor") - 1));
            System.out.printf(Locale.ROOT, "  pipeline onnx predictor / tribuo lr predictor = %.3f%n",
                    median.get("pipeline predictor") / median.get("tribuo lr predictor"));
        }
    }

    /** Builds the tensors from the arrays, runs the session, reads every output's values, closes. */
    private static int direct(OrtEnvironment env, OrtSession session, Map<String, float[]> numeric,
            Map<String, String[]> text, int rows, int width) {
        Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, float[]> e : numeric.entrySet()) {
                inputs.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue()),
                        new long[] {rows, width}));
            }
            for (Map.Entry<String, String[]> e : text.entrySet()) {
                inputs.put(e.getKey(), OnnxTensor.createTensor(env, e.getValue(), new long[] {rows, 1}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                for (Map.Entry<String, OnnxValue> output : result) {
                    if (output.getValue().getValue() instanceof List<?> maps) {
                        for (Object map : maps) {
                            ((ai.onnxruntime.OnnxMap) map).getValue();
                        }
                    }
                }
            }
            return rows;
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static double measure(IntSupplier scoring, int millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long start = System.nanoTime();
        long rows = 0;
        while (System.nanoTime() < end) {
            rows += scoring.getAsInt();
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private static TrainedModel tribuoLogistic() {
        Table leads = org.mlops4j.core.data.CsvReader.builder().build().read(OnnxFixtures.file("leads.csv"));
        ModelingSetup setup = ModelingSetup.builder(leads, "app_complete_flag").folds(2).seed(5).build();
        return setup.createModel("lr").model();
    }

    private static float[] features(Table batch) {
        List<String> columns = OnnxFixtures.NUMERIC_FEATURES.columnNames();
        float[] values = new float[batch.rowCount() * columns.size()];
        for (int r = 0; r < batch.rowCount(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                values[r * columns.size() + c] = (float) batch.numeric(columns.get(c)).getDouble(r);
            }
        }
        return values;
    }

    private static Table replicate(Table rows, int count) {
        List<Table> parts = new ArrayList<>();
        int have = 0;
        while (have < count) {
            Table part = rows.head(Math.min(rows.rowCount(), count - have));
            parts.add(part);
            have += part.rowCount();
        }
        return Table.concat(parts);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}

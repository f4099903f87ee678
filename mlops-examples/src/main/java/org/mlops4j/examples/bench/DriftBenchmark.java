package org.mlops4j.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.DriftColumnType;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.stattest.KsTest;
import org.mlops4j.drift.stattest.WassersteinDistance;

/**
 * Times mlops4j's drift tests on the files that {@code mlops-examples/bench/drift_vs_scipy.py} writes, and prints
 * the times and scores as one JSON object on standard output; the script compares them with scipy's.
 *
 * <p>Measurements, each from data already in memory (reading files is not timed): {@code ks} and {@code wasserstein}
 * (Evidently's, normalised by the reference's standard deviation) on {@code ks_reference.npy} vs
 * {@code ks_current.npy} (1M vs 1M numbers), building the samples included; {@code column:<name>} the default drift
 * report of one column and {@code data_drift} of all seven columns of {@code leads_reference.csv} (240k rows) against
 * {@code leads_current.csv} (25k rows). For each: {@code cold_ms}, the first run in this JVM (measurements run in the
 * order listed, so later ones find some code compiled already), and {@code warm_ms}, the median of
 * {@value #REPETITIONS} runs after {@value #WARMUPS} warm-up runs.
 *
 * <p>Run: {@code java -cp <class path> org.mlops4j.examples.bench.DriftBenchmark <data folder>}.
 */
public final class DriftBenchmark {

    static final int WARMUPS = 5;
    static final int REPETITIONS = 10;
    static final Set<String> CATEGORICAL = Set.of("first_platform_c", "first_utm_medium_c", "first_utm_source_c");

    private DriftBenchmark() {
    }

    /**
     * @param args the data folder
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: DriftBenchmark <folder with ks_*.npy and leads_*.csv>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        double[] ksReference = NpyFile.readDoubles(dir.resolve("ks_reference.npy"));
        double[] ksCurrent = NpyFile.readDoubles(dir.resolve("ks_current.npy"));
        Table reference = LeadCsv.read(dir.resolve("leads_reference.csv"), CATEGORICAL);
        Table current = LeadCsv.read(dir.resolve("leads_current.csv"), CATEGORICAL);

        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put("java_version", System.getProperty("java.version"));
        out.put("processors", Runtime.getRuntime().availableProcessors());
        out.put("warmups", WARMUPS);
        out.put("repetitions", REPETITIONS);
        KsTest ks = new KsTest();
        WassersteinDistance wasserstein = new WassersteinDistance();
        measure(out, "ks", () -> ks.score(DriftSamples.numeric("x", DriftColumnType.NUM, ksReference, ksCurrent, 0)));
        measure(out, "wasserstein", () -> wasserstein.score(
                DriftSamples.numeric("x", DriftColumnType.NUM, ksReference, ksCurrent, 0)));
        for (String column : reference.columnNames()) {
            DataDrift drift = DataDrift.builder().columns(column).build();
            measure(out, "column:" + column, () -> drift.run(reference, current).columns().get(0).score());
        }
        DataDrift all = DataDrift.builder().build();
        measure(out, "data_drift", () -> all.run(reference, current).shareOfDriftedColumns());
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static void measure(ObjectNode out, String name, DoubleSupplier run) {
        long start = System.nanoTime();
        double score = run.getAsDouble();
        double cold = (System.nanoTime() - start) / 1e6;
        for (int i = 0; i < WARMUPS; i++) {
            run.getAsDouble();
        }
        double[] times = new double[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            start = System.nanoTime();
            run.getAsDouble();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        ObjectNode node = out.putObject(name);
        node.put("score", score);
        node.put("cold_ms", cold);
        node.put("warm_ms", (times[REPETITIONS / 2 - 1] + times[REPETITIONS / 2]) / 2);
    }
}

package org.mlops4j.examples.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.DriftSamples;
import org.mlops4j.core.spi.support.Json;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.stattest.KsTest;
import org.mlops4j.drift.stattest.WassersteinDistance;

/**
 * Times mlops4j's drift tests on the files that {@code mlops-examples/bench/drift_vs_scipy.py} writes, one run at a
 * time on request, so that the script can alternate its scipy runs with these and both sides see the same load.
 *
 * <p>Measurements, each from data already in memory (reading files is not timed; nothing is reused from one run to
 * the next):
 * <ul>
 *   <li>{@code ks} and {@code wasserstein} (Evidently's, divided by the reference's standard deviation) on
 *   {@code ks_reference.npy} vs {@code ks_current.npy} (1M vs 1M numbers): building the samples from the arrays
 *   (copy and finiteness check) plus the test;</li>
 *   <li>{@code column:<name>}: {@code DataDrift.run} of one column of {@code leads_reference.csv} (240k rows) against
 *   {@code leads_current.csv} (25k rows) with the default options: dropping missing, NaN and infinite values, inferring
 *   the column type, counting distinct values, choosing Evidently's default test, the test, the plot counts and the
 *   report;</li>
 *   <li>{@code data_drift}: the same for all seven columns in one report (columns run in parallel).</li>
 * </ul>
 *
 * <p>Protocol on standard input and output, one JSON object per line: on start the process prints
 * {@code {"java_version":..,"processors":..,"measurements":[..]}}; for each input line {@code run <measurement>} it
 * runs the measurement once and prints {@code {"name":..,"wall_ms":..,"cpu_ms":..,"score":..}}, where
 * {@code cpu_ms} is the CPU time of all Java threads over the run (the caller and parallel workers; the garbage
 * collector's native threads are not counted); an empty line or end of input stops it.
 *
 * <p>Run: {@code java -cp <class path> org.mlops4j.examples.bench.DriftBenchmark <data folder>}.
 */
public final class DriftBenchmark {

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

        Map<String, DoubleSupplier> measurements = new LinkedHashMap<>();
        KsTest ks = new KsTest();
        WassersteinDistance wasserstein = new WassersteinDistance();
        measurements.put("ks", () -> ks.score(
                DriftSamples.numeric("x", ColumnType.NUMERIC, ksReference, ksCurrent, 0)));
        measurements.put("wasserstein", () -> wasserstein.score(
                DriftSamples.numeric("x", ColumnType.NUMERIC, ksReference, ksCurrent, 0)));
        for (String column : reference.columnNames()) {
            DataDrift drift = DataDrift.builder().columns(column).build();
            measurements.put("column:" + column, () -> drift.run(reference, current).columns().get(0).score());
        }
        DataDrift all = DataDrift.builder().build();
        measurements.put("data_drift", () -> all.run(reference, current).summary().shareOfDriftedColumns());

        System.out.println(Json.write(new Hello(System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), measurements.keySet())));
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
            String name = line.strip().replaceFirst("^run\\s+", "");
            DoubleSupplier measurement = measurements.get(name);
            Result result;
            if (measurement == null) {
                result = new Result(name, "unknown measurement; expected one of " + measurements.keySet(), null, null,
                        null);
            } else {
                long cpu = processCpuNanos();
                long start = System.nanoTime();
                double score = measurement.getAsDouble();
                long wall = System.nanoTime() - start;
                result = new Result(name, null, wall / 1e6, (processCpuNanos() - cpu) / 1e6, score);
            }
            System.out.println(Json.write(result));
            System.out.flush();
        }
    }

    /** The first line: what this JVM is and which measurements it offers. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Hello(String javaVersion, int processors, Set<String> measurements) {
    }

    /** One measurement's line: its times and score, or an error. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Result(String name, String error, Double wallMs, Double cpuMs, Double score) {
    }

    /**
     * The CPU time of all live Java threads (the caller and the fork-join workers; the JVM's own garbage collector
     * threads are not Java threads and not counted), with nanosecond resolution where the process CPU time of the
     * operating system bean only ticks every 10 ms.
     */
    private static long processCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            sum += Math.max(cpu, 0);
        }
        return sum;
    }
}

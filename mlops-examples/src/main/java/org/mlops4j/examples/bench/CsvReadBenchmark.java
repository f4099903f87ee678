package org.mlops4j.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads the same generated 240,000-row lead CSV with {@link CsvReader} into a typed {@link Table} and with the naive
 * {@link NaiveCsvColumns} baseline. Scores are rows per second (one operation is one row).
 *
 * <p>The file is written once to {@link #FILE} (or the path in the system property {@code mlops.bench.csv}) and kept
 * for later runs; the same seed gives the same file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@OperationsPerInvocation(CsvReadBenchmark.ROWS)
public class CsvReadBenchmark {

    /** The rows in the benchmark file. */
    public static final int ROWS = 240_000;

    /** The seed of the benchmark file. */
    public static final long SEED = 42L;

    /** Where the benchmark file goes unless {@code mlops.bench.csv} says otherwise. */
    public static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "mlops4j-bench",
            "leadscoring-" + ROWS + "-seed" + SEED + ".csv");

    /** The columns the naive baseline keeps as strings. */
    public static final Set<String> TEXT_COLUMNS = Set.of("created_date", "city_mapped", "first_platform_c",
            "first_utm_medium_c", "first_utm_source_c");

    private final CsvReader reader = CsvReader.builder().build();
    private Path file;

    /** @return the benchmark file, written first if it does not exist yet */
    public static Path benchmarkFile() {
        Path path = Path.of(System.getProperty("mlops.bench.csv", FILE.toString()));
        if (!Files.exists(path)) {
            LeadCsvGenerator.write(path, ROWS, SEED);
        }
        return path;
    }

    /** Writes the file if needed. */
    @Setup
    public void prepare() {
        file = benchmarkFile();
    }

    /** @return the typed table read by mlops4j */
    @Benchmark
    public Table csvReaderIntoTable() {
        return reader.read(file);
    }

    /** @return the columns read by the naive baseline */
    @Benchmark
    public NaiveCsvColumns naiveSplitAndParseDouble() {
        return NaiveCsvColumns.read(file, TEXT_COLUMNS);
    }
}

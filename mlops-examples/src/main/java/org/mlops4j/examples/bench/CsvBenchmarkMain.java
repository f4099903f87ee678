package org.mlops4j.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CsvReadBenchmark} and prints rows per second for {@code CsvReader} and the naive baseline with their
 * ratio; then the same comparison with the two readers taking turns in one process, round after round, as the median
 * over the measured rounds of each reader's rate and of the ratio within a round, for wall-clock time, for the CPU time
 * of the reading thread and for the CPU time of the whole process (garbage collection included), which hold up better
 * than JMH's wall-clock scores on a machine that other work shares; then the heap a {@link Table} of the file takes:
 * {@link Table#estimatedBytes()}, the growth of the used heap after garbage collection settles, and the raw size of
 * the values as primitives (rows x columns x 8 bytes). Both readers are single-threaded.
 *
 * <pre>
 * mvn -B -pl mlops-examples -am package -Pbenchmarks -DskipTests
 * java -Xmx2g -jar mlops-examples/target/mlops-benchmarks.jar       # JMH throughput, turns and heap
 * java -Xmx2g -jar mlops-examples/target/mlops-benchmarks.jar cpu   # turns and heap, without JMH
 * java -Xmx2g -jar mlops-examples/target/mlops-benchmarks.jar heap  # heap only
 * </pre>
 *
 * <p>The system properties {@code mlops.bench.rounds} (default 12) and {@code mlops.bench.warmup} (default 4) set the
 * rounds of the comparison in turns; {@code mlops.bench.csv} names the benchmark file (see {@link CsvReadBenchmark}).
 */
public final class CsvBenchmarkMain {

    private CsvBenchmarkMain() {
    }

    /**
     * @param args {@code cpu} to skip JMH, {@code heap} to measure the heap only
     * @throws RunnerException when JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        Path file = CsvReadBenchmark.benchmarkFile();
        System.out.printf(Locale.ROOT, "Benchmark file: %s (%.1f MB)%n", file, sizeMb(file));
        String mode = args.length > 0 ? args[0] : "all";
        if (mode.equals("all")) {
            Options options = new OptionsBuilder().include(CsvReadBenchmark.class.getSimpleName()).build();
            Collection<RunResult> results = new Runner(options).run();
            double reader = score(results, "csvReaderIntoTable");
            double naive = score(results, "naiveSplitAndParseDouble");
            System.out.printf(Locale.ROOT, "%nCsvReader.read into Table: %,.0f rows/s%n", reader);
            System.out.printf(Locale.ROOT, "naive readLine/split/parseDouble: %,.0f rows/s%n", naive);
            System.out.printf(Locale.ROOT, "ratio CsvReader / naive: %.2f%n", reader / naive);
        }
        if (!mode.equals("heap")) {
            compareCpuTime(file);
        }
        measureHeap(file);
    }

    /**
     * Reads the file with each reader in turn, round after round, and reports the median over the measured rounds of
     * each reader's rows per second and of the ratio of the two within a round, for wall-clock time, for the CPU time
     * of the reading thread (summed over all threads that read, for a reader that uses more than one) and for the
     * CPU time of the whole process (garbage collection and compilation included). Ratios within a round hold up
     * better than absolute rates on a machine that other work shares.
     */
    private static void compareCpuTime(Path file) {
        CsvReader reader = CsvReader.builder().build();
        int rounds = Integer.getInteger("mlops.bench.rounds", 12);
        int warmup = Integer.getInteger("mlops.bench.warmup", 4);
        int measured = rounds - warmup;
        double[][] rates = new double[6][measured];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long[] readerCost = cost(threads, () -> Reference.reachabilityFence(reader.read(file)));
            long[] naiveCost = cost(threads,
                    () -> Reference.reachabilityFence(NaiveCsvColumns.read(file, CsvReadBenchmark.TEXT_COLUMNS)));
            if (round >= warmup) {
                for (int k = 0; k < 3; k++) {
                    rates[k][round - warmup] = CsvReadBenchmark.ROWS / (readerCost[k] / 1e9);
                    rates[k + 3][round - warmup] = CsvReadBenchmark.ROWS / (naiveCost[k] / 1e9);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nReaders taking turns, median of %d rounds after %d warm-up:%n", measured,
                warmup);
        String[] kinds = {"wall-clock time", "thread CPU time", "process CPU time"};
        for (int k = 0; k < 3; k++) {
            double[] ratios = new double[measured];
            for (int i = 0; i < measured; i++) {
                ratios[i] = rates[k][i] / rates[k + 3][i];
            }
            System.out.printf(Locale.ROOT, "%-17s CsvReader %,10.0f rows/s   naive %,10.0f rows/s   ratio %.2f "
                    + "(min %.2f, max %.2f)%n", kinds[k] + ":", median(rates[k]), median(rates[k + 3]),
                    median(ratios), Arrays.stream(ratios).min().orElse(Double.NaN),
                    Arrays.stream(ratios).max().orElse(Double.NaN));
        }
    }

    /** @return the wall-clock, thread CPU and process CPU nanoseconds that running the task took */
    private static long[] cost(ThreadMXBean threads, Runnable task) {
        long wall = System.nanoTime();
        long thread = threads.getCurrentThreadCpuTime();
        long process = processCpuNanos();
        task.run();
        return new long[] {System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - thread,
            processCpuNanos() - process};
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
    }

    private static void measureHeap(Path file) {
        CsvReader reader = CsvReader.builder().build();
        reader.read(file);
        long before = settledUsedHeap();
        Table table = reader.read(file);
        long tableBytes = settledUsedHeap() - before;
        long raw = (long) table.rowCount() * table.columnCount() * 8L;
        System.out.printf(Locale.ROOT, "%nTable: %,d rows x %d columns%n", table.rowCount(), table.columnCount());
        System.out.printf(Locale.ROOT, "raw primitive size (rows x columns x 8 bytes): %,d bytes (%.1f MB)%n", raw,
                raw / 1e6);
        System.out.printf(Locale.ROOT, "Table.estimatedBytes(): %,d bytes (%.1f MB, %.2f x raw)%n",
                table.estimatedBytes(), table.estimatedBytes() / 1e6, table.estimatedBytes() / (double) raw);
        System.out.printf(Locale.ROOT, "measured heap growth:   %,d bytes (%.1f MB, %.2f x raw)%n", tableBytes,
                tableBytes / 1e6, tableBytes / (double) raw);
        Reference.reachabilityFence(table);

        before = settledUsedHeap();
        NaiveCsvColumns naive = NaiveCsvColumns.read(file, CsvReadBenchmark.TEXT_COLUMNS);
        long naiveBytes = settledUsedHeap() - before;
        System.out.printf(Locale.ROOT, "naive columns, measured heap growth: %,d bytes (%.1f MB, %.2f x raw)%n",
                naiveBytes, naiveBytes / 1e6, naiveBytes / (double) raw);
        Reference.reachabilityFence(naive);
    }

    private static long settledUsedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (Math.abs(now - used) < 64 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }

    private static double sizeMb(Path file) {
        try {
            return Files.size(file) / 1e6;
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }
}

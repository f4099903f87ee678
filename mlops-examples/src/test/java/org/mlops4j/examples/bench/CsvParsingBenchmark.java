package org.mlops4j.examples.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;

/**
 * Measures how fast {@link CsvReader} reads CSV, in MB of file per second, against FastCSV's tokenising
 * ({@code de.siegmar:fastcsv}, every field of every record as a {@code String}, nothing parsed) in the same JVM and
 * against pandas' {@code read_csv} (Debian's {@code /usr/bin/python3}, pandas 1.5.3, C engine) in a child process,
 * on two files:
 * <ol>
 *   <li>{@code dense}: dense numeric data, {@code rows} rows × 4 columns (two integer columns, a decimal with two
 *       places and one with six significant digits, some negative), all read;</li>
 *   <li>{@code leads}: the case study's 45-column raw lead file ({@link LeadCsvGenerator}), of which the 7 columns
 *       {@link #LEAD_COLUMNS} are read (pandas' {@code usecols}, our {@code columns(...)}); FastCSV still tokenises
 *       every field, which is what it offers.</li>
 * </ol>
 *
 * <p>The three readers take turns in each round, the order reversed every other round, after two warm-up rounds
 * that are not counted; pandas is timed inside the child around {@code read_csv} only (not the interpreter's start or
 * the import of pandas). Each measurement records the 1-minute load average from {@code /proc/loadavg} before it
 * starts, since the machine is shared. Wall-clock rates and CPU-time rates (the Java thread's CPU time; the Python
 * process's {@code time.process_time()}) are printed per measurement, then the median of each side and the medians of
 * the per-round ratios, which hold up better under a changing load than the rates.
 *
 * <p>Run it with (from the repository root):
 * <pre>
 * mvn -B -q -pl mlops-examples -am test-compile \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd mlops-examples
 * java -Xmx3g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.mlops4j.examples.bench.CsvParsingBenchmark target/csv-bench 1000000 500000 5
 * </pre>
 * Arguments: the folder for the generated files (kept and reused when present), the rows of the dense file, the rows
 * of the lead file, and the number of measured rounds.
 */
public final class CsvParsingBenchmark {

    /** The lead file's columns read by our reader and pandas: the ones the case study's drift check tests. */
    static final List<String> LEAD_COLUMNS = List.of("city_mapped", "first_platform_c", "first_utm_medium_c",
            "first_utm_source_c", "total_leads_droppped", "referred_lead", "app_complete_flag");

    private static final String PYTHON = "/usr/bin/python3";
    private static final String PANDAS_SCRIPT = """
            import sys, time
            import pandas as pd
            path = sys.argv[1]
            usecols = sys.argv[2].split(",") if len(sys.argv) > 2 and sys.argv[2] else None
            wall, cpu = time.perf_counter(), time.process_time()
            frame = pd.read_csv(path, usecols=usecols)
            print(time.perf_counter() - wall, time.process_time() - cpu, frame.shape[0], frame.shape[1])
            """;

    /** Rounds not counted, so that the JIT has compiled the readers' loops. */
    private static final int WARM_UP_ROUNDS = 2;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CsvParsingBenchmark() {
    }

    /** One timed read. */
    private record Timing(String reader, double seconds, double cpuSeconds, double load, long rows, int columns) {
    }

    /**
     * @param args folder, dense rows, lead rows, rounds
     * @throws Exception when a file cannot be written or the child process fails
     */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/csv-bench");
        int denseRows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int leadRows = args.length > 2 ? Integer.parseInt(args[2]) : 500_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Files.createDirectories(folder);
        Path dense = folder.resolve("dense-" + denseRows + ".csv");
        if (!Files.exists(dense)) {
            writeDense(dense, denseRows, 42L);
        }
        Path leads = folder.resolve("leads-" + leadRows + ".csv");
        if (!Files.exists(leads)) {
            LeadCsvGenerator.write(leads, leadRows, 42L);
        }
        Path script = folder.resolve("pandas_read_csv.py");
        Files.writeString(script, PANDAS_SCRIPT);
        System.out.printf(Locale.ROOT, "java %s, %d processors; %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), pandasVersion());
        run("dense", dense, List.of(), script, rounds);
        run("leads", leads, LEAD_COLUMNS, script, rounds);
    }

    private static void run(String name, Path file, List<String> columns, Path script, int rounds)
            throws Exception {
        double megabytes = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "%n%s: %s, %.1f MB, columns read: %s%n", name, file, megabytes,
                columns.isEmpty() ? "all" : columns);
        CsvReader ours = CsvReader.builder().columns(columns).build();
        List<Timing[]> measured = new ArrayList<>();
        for (int round = 1 - WARM_UP_ROUNDS; round <= rounds; round++) {
            Timing[] timings = new Timing[3];
            int[] order = round % 2 == 0 ? new int[] {0, 1, 2} : new int[] {2, 1, 0};
            for (int side : order) {
                double load = loadAverage();
                timings[side] = switch (side) {
                    case 0 -> timeOurs(ours, file, load);
                    case 1 -> timeFastCsv(file, load);
                    default -> timePandas(script, file, columns, load);
                };
            }
            String label = round <= 0 ? "warm-up" : "round " + round;
            for (Timing t : timings) {
                System.out.printf(Locale.ROOT, "  %-8s %-7s %7.1f MB/s wall %7.1f MB/s cpu  (%.3f s, load %.2f, "
                        + "%d rows x %d columns)%n", label, t.reader(), megabytes / t.seconds(),
                        megabytes / t.cpuSeconds(), t.seconds(), t.load(), t.rows(), t.columns());
            }
            if (round > 0) {
                measured.add(timings);
            }
        }
        String[] names = {"mlops4j", "fastcsv", "pandas"};
        for (int side = 0; side < 3; side++) {
            int s = side;
            System.out.printf(Locale.ROOT, "  median %-7s %7.1f MB/s wall %7.1f MB/s cpu%n", names[side],
                    median(measured.stream().mapToDouble(t -> megabytes / t[s].seconds()).toArray()),
                    median(measured.stream().mapToDouble(t -> megabytes / t[s].cpuSeconds()).toArray()));
        }
        System.out.printf(Locale.ROOT, "  %s: mlops4j's time / pandas' time, median of rounds: %.2f wall, %.2f cpu; "
                + "/ FastCSV's: %.2f wall, %.2f cpu; load %.2f-%.2f%n", name,
                median(measured.stream().mapToDouble(t -> t[0].seconds() / t[2].seconds()).toArray()),
                median(measured.stream().mapToDouble(t -> t[0].cpuSeconds() / t[2].cpuSeconds()).toArray()),
                median(measured.stream().mapToDouble(t -> t[0].seconds() / t[1].seconds()).toArray()),
                median(measured.stream().mapToDouble(t -> t[0].cpuSeconds() / t[1].cpuSeconds()).toArray()),
                measured.stream().flatMap(Arrays::stream).mapToDouble(Timing::load).min().orElse(0),
                measured.stream().flatMap(Arrays::stream).mapToDouble(Timing::load).max().orElse(0));
    }

    private static Timing timeOurs(CsvReader reader, Path file, double load) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Table table = reader.read(file);
        long wall = System.nanoTime() - start;
        return new Timing("mlops4j", wall / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, load,
                table.rowCount(), table.columnCount());
    }

    private static Timing timeFastCsv(Path file, double load) throws IOException {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long rows = 0;
        long characters = 0;
        int columns = 0;
        try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv =
                de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(file)) {
            for (de.siegmar.fastcsv.reader.CsvRecord record : csv) {
                columns = record.getFieldCount();
                for (int i = 0; i < columns; i++) {
                    characters += record.getField(i).length();
                }
                rows++;
            }
        }
        long wall = System.nanoTime() - start;
        if (characters < 0) {
            throw new IllegalStateException("unreachable");
        }
        return new Timing("fastcsv", wall / 1e9, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, load, rows - 1,
                columns);
    }

    private static Timing timePandas(Path script, Path file, List<String> columns, double load) throws Exception {
        Process process = new ProcessBuilder(PYTHON, script.toString(), file.toString(), String.join(",", columns))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pandas failed: " + out);
        }
        String[] parts = out.split("\\s+");
        return new Timing("pandas", Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), load,
                Long.parseLong(parts[2]), Integer.parseInt(parts[3]));
    }

    private static String pandasVersion() throws Exception {
        Process process = new ProcessBuilder(PYTHON, "-c", "import pandas, sys; print('python', sys.version.split()[0],"
                + " 'pandas', pandas.__version__)").start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return out;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Writes dense numeric data: ids, counts, prices with two decimals and measures with six significant digits. */
    static void writeDense(Path file, int rows, long seed) {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("flight_id,dep_delay,fare,distance_ratio\n");
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(1_000_000 + i).append(',').append(random.nextInt(400) - 40).append(',');
                line.append(random.nextInt(200_000) / 100.0).append(',');
                line.append(String.format(Locale.ROOT, "%.6g", random.nextGaussian() * 3.0)).append('\n');
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

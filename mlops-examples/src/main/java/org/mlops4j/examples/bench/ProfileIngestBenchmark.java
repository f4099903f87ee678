package org.mlops4j.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.drift.profile.ProfileBuilder;
import org.mlops4j.drift.profile.ProfileOptions;
import org.mlops4j.drift.profile.TableProfile;

/**
 * Measures streaming profile ingestion on one thread: values per second, and the heap a profile holds after 1, 10
 * and 100 million values (after garbage collection settles), to show that memory stays flat.
 *
 * <p>Run after {@code mvn -pl mlops-examples -am package -DskipTests}:
 * <pre>
 * java -Xmx1g -cp "mlops-examples/target/classes:$(cat cp.txt)" org.mlops4j.examples.bench.ProfileIngestBenchmark
 * </pre>
 * where {@code cp.txt} comes from {@code mvn -pl mlops-examples dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 * Arguments: the largest number of millions of values (default 100) and the KLL k (default 1024).
 */
public final class ProfileIngestBenchmark {

    private static final int CHUNK = 1 << 16;

    private ProfileIngestBenchmark() {
    }

    /**
     * @param args optional: largest number of millions of values, KLL k
     */
    public static void main(String[] args) {
        long maxMillions = args.length > 0 ? Long.parseLong(args[0]) : 100;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : ProfileOptions.defaults().kllK();
        ProfileOptions options = ProfileOptions.defaults().withKllK(k).withDuplicateRows(false);
        double[] chunk = new double[CHUNK];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < CHUNK; i++) {
            chunk[i] = Math.exp(random.nextDouble() * 4 - 2) * (1 + random.nextDouble());
        }
        System.out.printf(Locale.ROOT, "KLL k=%d, chunks of %d values, %s%n", k, CHUNK,
                Runtime.version());

        // warm-up
        ProfileBuilder warm = ProfileBuilder.create(options);
        for (int i = 0; i < 200; i++) {
            warm.addDoubles("v", shifted(chunk, i));
        }
        warm.build().toJson(); // loads the JSON classes before the baseline is taken

        long baseline = settledHeap();
        ProfileBuilder builder = ProfileBuilder.create(options);
        long added = 0;
        long nanos = 0;
        for (long target : new long[] {1_000_000L, 10_000_000L, 100_000_000L}) {
            if (target > maxMillions * 1_000_000L) {
                break;
            }
            while (added < target) {
                int n = (int) Math.min(CHUNK, target - added);
                double[] values = shifted(chunk, added);
                long start = System.nanoTime();
                builder.addDoubles("v", values, 0, n);
                nanos += System.nanoTime() - start;
                added += n;
            }
            long heap = settledHeap() - baseline;
            System.out.printf(Locale.ROOT, "%,12d values: %6.1f M values/s, profile heap %,9d bytes, saved JSON"
                            + " %,d chars%n", added, added / (nanos / 1e9) / 1e6, heap,
                    builder.build().toJson().length());
        }

        int rows = 2_000_000;
        NumericColumn.Builder a = NumericColumn.builder("a", rows);
        NumericColumn.Builder b = NumericColumn.builder("b", rows);
        for (int i = 0; i < rows; i++) {
            a.add(random.nextGaussian());
            b.add(random.nextDouble() * 100);
        }
        Table table = Table.of(a.build(), b.build());
        TableProfile.of(table, options);
        long start = System.nanoTime();
        TableProfile.of(table, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Table of %,d rows x 2 numeric columns (with correlations): %.1f M values/s%n",
                rows, 2.0 * rows / seconds / 1e6);
        start = System.nanoTime();
        TableProfile.of(table, options.withDuplicateRows(true));
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Same table, also counting duplicate rows: %.1f M values/s%n",
                2.0 * rows / seconds / 1e6);
    }

    private static double[] shifted(double[] chunk, long seed) {
        double offset = (seed % 1000) * 1e-3;
        double[] out = new double[chunk.length];
        for (int i = 0; i < chunk.length; i++) {
            out[i] = chunk[i] + offset;
        }
        return out;
    }

    private static long settledHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 4096) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}

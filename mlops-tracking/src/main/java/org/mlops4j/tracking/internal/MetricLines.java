package org.mlops4j.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.tracking.Metric;

/**
 * The text form of a metric value, one per line: {@code <timestamp> <value> <step>}, as in MLflow's file store.
 * Values are written with Java's {@link Double#toString(double)} ({@code NaN}, {@code Infinity}, {@code -Infinity},
 * {@code 1.0E-5}); reading also accepts Python's spellings ({@code nan}, {@code inf}, {@code -inf}) and lines without
 * a step (step 0).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class MetricLines {

    private MetricLines() {
    }

    /**
     * @param metric a metric value
     * @param out    where to append its line, with the trailing {@code \n}
     */
    public static void append(Metric metric, StringBuilder out) {
        out.append(metric.timestamp()).append(' ').append(metric.value()).append(' ').append(metric.step())
                .append('\n');
    }

    /**
     * @param metric a metric value
     * @return its line without the trailing {@code \n}
     */
    public static String format(Metric metric) {
        return metric.timestamp() + " " + metric.value() + " " + metric.step();
    }

    /**
     * @param key  the metric's key
     * @param line a line without its {@code \n}
     * @return the value, or empty when the line is not a metric line (a torn write)
     */
    public static Optional<Metric> parse(String key, String line) {
        String[] fields = line.trim().split(" ");
        if (fields.length < 2 || fields.length > 3) {
            return Optional.empty();
        }
        try {
            long timestamp = Long.parseLong(fields[0]);
            double value = parseValue(fields[1]);
            long step = fields.length == 3 ? Long.parseLong(fields[2]) : 0;
            return Optional.of(new Metric(key, value, timestamp, step));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a metric file's content. A last line without {@code \n} (a write in progress or torn) and lines that do
     * not parse are skipped.
     *
     * @param key   the metric's key
     * @param bytes the file's content
     * @return the values in file order
     */
    public static List<Metric> parseAll(String key, byte[] bytes) {
        List<Metric> metrics = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                return metrics;
            }
            parse(key, text.substring(start, end)).ifPresent(metrics::add);
            start = end + 1;
        }
    }

    static double parseValue(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}

package org.mlops4j.core.spi.support.html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;

/**
 * How the UI writes times, durations and numbers: times in UTC as {@code 2024-05-01 12:34:56}, durations in the two
 * largest units ({@code 3m 04s}), numbers with at most six significant digits. The web UI's pages and the axes of
 * {@link LineChart} write values this way. Thread-safe (no state).
 */
public final class ValueFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter SECONDS_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private ValueFormats() {
    }

    /**
     * @param epochMillis milliseconds since the epoch
     * @return the time in UTC, to the second
     */
    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * @param instant a time
     * @return the time in UTC, to the second
     */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * @param epochMillis milliseconds since the epoch
     * @return month, day, hour and minute in UTC, for chart axes
     */
    public static String shortTime(long epochMillis) {
        return DAY_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * @param epochMillis milliseconds since the epoch
     * @return the time of day in UTC to the second, such as {@code 14:03:27}, for ticks less than a minute apart
     */
    public static String secondsTime(long epochMillis) {
        return SECONDS_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * @param epochMillis milliseconds since the epoch
     * @return the day in UTC, such as {@code 2024-05-01}
     */
    public static String day(long epochMillis) {
        return DAY.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * @param start when a run started
     * @param end   when it ended, if it has
     * @return how long it took, or an empty string while it runs
     */
    public static String duration(long start, OptionalLong end) {
        return end.isPresent() ? duration(Math.max(0, end.getAsLong() - start)) : "";
    }

    /**
     * @param millis a duration in milliseconds
     * @return the duration in its two largest units, such as {@code 850ms}, {@code 12.3s}, {@code 3m 04s},
     *         {@code 2h 05m}, {@code 3d 04h}
     */
    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return String.format(java.util.Locale.ROOT, "%dm %02ds", minutes, seconds % 60);
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return String.format(java.util.Locale.ROOT, "%dh %02dm", hours, minutes % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dd %02dh", hours / 24, hours % 24);
    }

    /**
     * @param value a number
     * @return the number with at most six significant digits and no trailing zeros; {@code NaN}, {@code Infinity}
     *         and {@code -Infinity} as such
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e9) {
            return rounded.toPlainString();
        }
        return rounded.toString().replace("E+", "e").replace("E", "e");
    }

    /**
     * @param value a number on an axis
     * @return it with about three significant digits and no trailing zeros, in scientific notation from 1e5 up and
     *         below 1e-3: short enough for a tick label, even at an axis' end that is not a round value
     */
    public static String tick(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return Double.isFinite(value) ? "0" : String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.2e", value);
        }
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        String text = String.format(java.util.Locale.ROOT, pattern, value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}

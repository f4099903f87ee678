package org.mlops4j.core.monitor;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One band of an {@link ActionPolicy}: an interval of the deviation measure and the action for deviations in it. Each
 * end says whether it belongs to the band, so that a boundary value such as 5 or 10 falls into exactly one band.
 *
 * <p>Written in interval notation, {@code [5, 10]} holds both ends, {@code (10, 100]} only the upper one and
 * {@code [0, 5)} only the lower one; {@link #parse(String, ActionKind)} reads that notation and {@link #interval()}
 * writes it.
 *
 * @param lower          the lower end
 * @param lowerInclusive whether a deviation equal to {@code lower} is in the band
 * @param upper          the upper end, at least {@code lower}; may be positive infinity
 * @param upperInclusive whether a deviation equal to {@code upper} is in the band
 * @param action         what to do for deviations in the band
 */
public record PolicyBand(double lower, boolean lowerInclusive, double upper, boolean upperInclusive,
                         ActionKind action) {

    private static final Pattern INTERVAL = Pattern.compile(
            "\\s*([\\[(])\\s*([^,\\s]+)\\s*,\\s*([^\\])\\s]+)\\s*([\\])])\\s*");

    /**
     * Checks that the ends are numbers in order and that the band is not empty.
     *
     * @throws IllegalArgumentException when an end is {@code NaN}, the ends are reversed, or the band holds no value
     *                                  (such as {@code [5, 5)})
     */
    public PolicyBand {
        Objects.requireNonNull(action, "action");
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("A policy band needs lower <= upper, got " + lower + " and " + upper);
        }
        if (lower == upper && !(lowerInclusive && upperInclusive)) {
            throw new IllegalArgumentException("The policy band " + describe(lower, lowerInclusive, upper,
                    upperInclusive) + " holds no value; write [" + format(lower) + ", " + format(upper)
                    + "] for a single point");
        }
    }

    /**
     * Reads a band in interval notation.
     *
     * @param interval such as {@code "[0, 5)"}, {@code "[5,10]"} or {@code "(10, 100]"}; {@code inf} is accepted as an
     *                 upper end
     * @param action   what to do for deviations in the band
     * @return the band
     * @throws IllegalArgumentException when the text is not an interval, quoting it
     */
    public static PolicyBand parse(String interval, ActionKind action) {
        Matcher m = INTERVAL.matcher(interval);
        if (!m.matches()) {
            throw new IllegalArgumentException("Cannot read the policy band '" + interval + "'; write it as an "
                    + "interval such as [0, 5), [5, 10] or (10, 100]");
        }
        return new PolicyBand(number(m.group(2), interval), m.group(1).equals("["), number(m.group(3), interval),
                m.group(4).equals("]"), action);
    }

    private static double number(String text, String interval) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("inf") || t.equals("+inf") || t.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cannot read '" + text + "' in the policy band '" + interval
                    + "' as a number", e);
        }
    }

    /**
     * @param deviation a value of the deviation measure
     * @return whether it falls into this band
     */
    public boolean contains(double deviation) {
        boolean aboveLower = lowerInclusive ? deviation >= lower : deviation > lower;
        boolean belowUpper = upperInclusive ? deviation <= upper : deviation < upper;
        return aboveLower && belowUpper;
    }

    /** @return the band in interval notation, such as {@code [5, 10]} */
    public String interval() {
        return describe(lower, lowerInclusive, upper, upperInclusive);
    }

    static String describe(double lower, boolean lowerInclusive, double upper, boolean upperInclusive) {
        return (lowerInclusive ? "[" : "(") + format(lower) + ", " + format(upper) + (upperInclusive ? "]" : ")");
    }

    static String format(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return interval() + " -> " + action.key();
    }
}

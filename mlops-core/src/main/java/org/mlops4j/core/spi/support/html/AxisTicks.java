package org.mlops4j.core.spi.support.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The axis ticks of every chart of this package: round values ("nice numbers") for value axes, round times for time
 * axes. A value step is the smallest of 1, 2, 2.5, 5 or 10 times a power of ten that splits the range into at most
 * {@value #INTERVALS} intervals; the ticks are the step's whole multiples, either {@linkplain #covering(double, double)
 * covering} the values (the axis then runs from the first tick to the last, as in {@link LineChart}) or
 * {@linkplain #within(double, double) within} a range the chart fixed (as in {@link XyChart} and the fitted axis of
 * {@link HorizontalBarChart}). Package-private; thread-safe (no state).
 */
final class AxisTicks {

    /** The most intervals between ticks on a value axis. */
    static final int INTERVALS = 5;

    /** The most intervals between ticks on a time axis. */
    static final int TIME_INTERVALS = 6;

    private static final double[] FACTORS = {1, 2, 2.5, 5, 10};
    /** Below this share of a step, a value counts as a whole multiple (floating-point noise of {@code k * step}). */
    private static final double SLACK = 1e-9;
    private static final long DAY = 86_400_000L;
    private static final long[] TIME_STEPS = {1_000, 5_000, 15_000, 30_000, 60_000, 300_000, 900_000, 1_800_000,
        3_600_000, 10_800_000, 21_600_000, 43_200_000, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY,
        364 * DAY};

    private AxisTicks() {
    }

    /**
     * @param span the range to split, greater than 0
     * @return the round step: the smallest of 1, 2, 2.5, 5, 10 times a power of ten giving at most
     *         {@value #INTERVALS} intervals
     */
    static double step(double span) {
        double rough = span / INTERVALS;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : FACTORS) {
            if (factor * power >= rough * (1 - SLACK)) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /**
     * Ticks for an axis that runs from its first tick to its last. A range of one value is widened around it (by a
     * tenth of the value, or by 1 around 0).
     *
     * @param min the smallest value to show
     * @param max the largest value to show, at least {@code min}
     * @return the ticks, ascending: the first at most {@code min}, the last at least {@code max}
     */
    static double[] covering(double min, double max) {
        double low = min;
        double high = max;
        if (high - low <= Math.abs(high) * 1e-12) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double step = step(high - low);
        return multiples(Math.floor(low / step + SLACK), Math.ceil(high / step - SLACK), step);
    }

    /**
     * Ticks inside an axis whose ends the chart chose.
     *
     * @param min the axis' lower end
     * @param max the axis' upper end
     * @return the step's multiples in [min, max], ascending; only {@code min} when the range is empty
     */
    static double[] within(double min, double max) {
        if (!(max > min)) {
            return new double[] {min};
        }
        double step = step(max - min);
        return multiples(Math.ceil(min / step - SLACK), Math.floor(max / step + SLACK), step);
    }

    /**
     * Ticks for a time axis: a round step (seconds, minutes, hours, days, weeks) giving at most
     * {@value #TIME_INTERVALS} intervals, aligned to the step in UTC, covering the range. A range under a second is
     * widened by half a minute each side.
     *
     * @param min the earliest time, epoch milliseconds
     * @param max the latest time, epoch milliseconds
     * @return the ticks, ascending: the first at most {@code min}, the last at least {@code max}
     */
    static double[] times(double min, double max) {
        double low = min;
        double high = max;
        if (high - low < 1000) {
            low -= 30_000;
            high += 30_000;
        }
        double step = TIME_STEPS[TIME_STEPS.length - 1];
        for (long candidate : TIME_STEPS) {
            if ((high - low) / candidate <= TIME_INTERVALS) {
                step = candidate;
                break;
            }
        }
        if ((high - low) / step > TIME_INTERVALS) {
            step = Math.ceil((high - low) / TIME_INTERVALS / DAY) * DAY;
        }
        return multiples(Math.floor(low / step), Math.ceil(high / step), step);
    }

    /** @return {@code first * step, ..., last * step}, with values within noise of zero written as 0 */
    private static double[] multiples(double first, double last, double step) {
        List<Double> out = new ArrayList<>();
        for (double k = first; k <= last; k++) {
            double value = k * step;
            out.add(Math.abs(value) < step * SLACK ? 0.0 : value);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

package org.mlops4j.drift.profile;

import org.apache.datasketches.cpc.CpcSketch;
import org.apache.datasketches.cpc.CpcUnion;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.mlops4j.core.data.ColumnType;

/**
 * The mutable state behind a numeric column's profile: counts by kind of value, exact min and max, exact moments,
 * a KLL quantile sketch of the finite values, and the distinct values (exact counts while few, then a CPC sketch).
 *
 * <p>Values arrive in chunks through {@link #add(double[], int, int, long)}; {@code NaN} that stands for a missing
 * value is told apart by the caller's count of nulls. Infinite values are counted and take part in the distinct
 * count but not in moments or quantiles; {@code NaN} takes part in nothing but its own count.
 *
 * <p>Package-private: not part of the API. Not thread-safe; a frozen accumulator (see
 * {@link #freeze()}) is only read, and then safe to share.
 */
final class NumericAccumulator {

    private final ColumnType type;
    private final int kllK;
    private final int lgK;
    private long nulls;
    private long nan;
    private long positiveInfinity;
    private long negativeInfinity;
    private long zeros;
    private long negatives;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private final Moments moments;
    private KllDoublesSketch quantiles;
    private ExactValueCounts exactValues;
    private CpcSketch distinct;
    private double[] finite = new double[0];
    private volatile DoublesSortedView sortedView;

    /**
     * @param type               {@link ColumnType#NUMERIC} or {@link ColumnType#TIMESTAMP} (epoch milliseconds)
     * @param kllK               the KLL sketch's k
     * @param lgK                log2 of the CPC sketch's size
     * @param exactDistinctLimit how many distinct values to count exactly
     */
    public NumericAccumulator(ColumnType type, int kllK, int lgK, int exactDistinctLimit) {
        this.type = type;
        this.kllK = kllK;
        this.lgK = lgK;
        this.moments = new Moments();
        this.quantiles = KllDoublesSketch.newHeapInstance(kllK);
        if (exactDistinctLimit > 0) {
            this.exactValues = new ExactValueCounts(exactDistinctLimit);
        } else {
            this.distinct = new CpcSketch(lgK);
        }
    }

    private NumericAccumulator(NumericAccumulator source) {
        this.type = source.type;
        this.kllK = source.kllK;
        this.lgK = source.lgK;
        this.nulls = source.nulls;
        this.nan = source.nan;
        this.positiveInfinity = source.positiveInfinity;
        this.negativeInfinity = source.negativeInfinity;
        this.zeros = source.zeros;
        this.negatives = source.negatives;
        this.min = source.min;
        this.max = source.max;
        this.moments = source.moments.copy();
        this.quantiles = KllDoublesSketch.heapify(Memory.wrap(source.quantiles.toByteArray()));
        this.exactValues = source.exactValues == null ? null : source.exactValues.copy();
        this.distinct = source.distinct == null ? null : CpcSketch.heapify(source.distinct.toByteArray());
    }

    /**
     * Adds {@code length} values from {@code values[offset]} on.
     *
     * @param values        the values; {@code NaN} for a missing value or a real NaN
     * @param offset        where to start
     * @param length        how many
     * @param nullsAmongNaN how many of the {@code NaN} values in the range stand for missing values
     */
    public void add(double[] values, int offset, int length, long nullsAmongNaN) {
        if (finite.length < length) {
            finite = new double[Math.max(length, Math.min(1 << 16, finite.length * 2))];
        }
        double[] kept = finite;
        int keptCount = 0;
        long nanSeen = 0;
        long zeroSeen = 0;
        long negativeSeen = 0;
        long positiveInfinitySeen = 0;
        long negativeInfinitySeen = 0;
        double lo = min;
        double hi = max;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            double v = values[i];
            if (v - v == 0.0) { // finite
                kept[keptCount++] = v;
                if (v < lo) {
                    lo = v;
                }
                if (v > hi) {
                    hi = v;
                }
                if (v == 0.0) {
                    zeroSeen++;
                } else if (v < 0.0) {
                    negativeSeen++;
                }
            } else if (v != v) {
                nanSeen++;
            } else if (v > 0) {
                positiveInfinitySeen++;
            } else {
                negativeInfinitySeen++;
            }
        }
        min = lo;
        max = hi;
        zeros += zeroSeen;
        negatives += negativeSeen + negativeInfinitySeen;
        positiveInfinity += positiveInfinitySeen;
        negativeInfinity += negativeInfinitySeen;
        nulls += nullsAmongNaN;
        nan += nanSeen - nullsAmongNaN;
        moments.addAll(kept, keptCount);
        if (keptCount > 0) {
            quantiles.update(kept, 0, keptCount);
        }
        countDistinct(kept, keptCount);
        if (positiveInfinitySeen > 0) {
            countDistinct(Double.POSITIVE_INFINITY, positiveInfinitySeen);
        }
        if (negativeInfinitySeen > 0) {
            countDistinct(Double.NEGATIVE_INFINITY, negativeInfinitySeen);
        }
        sortedView = null;
    }

    /** @param count how many missing values to add */
    public void addNulls(long count) {
        nulls += count;
    }

    private void countDistinct(double[] kept, int count) {
        int i = 0;
        if (exactValues != null) {
            for (; i < count; i++) {
                if (!exactValues.add(kept[i], 1)) {
                    switchToSketch();
                    break;
                }
            }
        }
        if (exactValues == null) {
            CpcSketch sketch = distinct;
            for (; i < count; i++) {
                sketch.update(kept[i]);
            }
        }
    }

    private void countDistinct(double value, long count) {
        if (exactValues != null && exactValues.add(value, count)) {
            return;
        }
        if (exactValues != null) {
            switchToSketch();
        }
        distinct.update(value);
    }

    private void switchToSketch() {
        distinct = new CpcSketch(lgK);
        for (double value : exactValues.sortedValues()) {
            distinct.update(value);
        }
        exactValues = null;
    }

    /**
     * @param other an accumulator of the same column; it is not changed
     * @throws IllegalArgumentException when the types differ
     */
    public void merge(NumericAccumulator other) {
        if (other.type != type) {
            throw new IllegalArgumentException("Cannot merge a " + other.type.key() + " profile into a "
                    + type.key() + " profile");
        }
        nulls += other.nulls;
        nan += other.nan;
        positiveInfinity += other.positiveInfinity;
        negativeInfinity += other.negativeInfinity;
        zeros += other.zeros;
        negatives += other.negatives;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        moments.merge(other.moments);
        quantiles.merge(other.quantiles);
        if (exactValues != null && other.exactValues != null) {
            ExactValueCounts union = exactValues.copy();
            if (union.addAll(other.exactValues)) {
                exactValues = union;
                sortedView = null;
                return;
            }
        }
        if (exactValues != null) {
            switchToSketch();
        }
        CpcSketch otherSketch = other.distinct;
        if (otherSketch == null) {
            otherSketch = new CpcSketch(other.lgK);
            for (double value : other.exactValues.sortedValues()) {
                otherSketch.update(value);
            }
        }
        CpcUnion union = new CpcUnion(Math.min(lgK, otherSketch.getLgK()));
        union.update(distinct);
        union.update(otherSketch);
        distinct = union.getResult();
        sortedView = null;
    }

    /** @return an independent copy, frozen: its sorted view is built so that readers never write */
    public NumericAccumulator freeze() {
        NumericAccumulator copy = new NumericAccumulator(this);
        copy.sortedView = copy.quantiles.isEmpty() ? null : copy.quantiles.getSortedView();
        return copy;
    }

    /**
     * Rebuilds a saved accumulator.
     *
     * @param state the saved fields
     * @return a frozen accumulator
     */
    public static NumericAccumulator restore(NumericState state) {
        NumericAccumulator acc = new NumericAccumulator(state.type(), state.kllK(), state.distinctLgK(), 1);
        acc.nulls = state.nulls();
        acc.nan = state.nan();
        acc.positiveInfinity = state.positiveInfinity();
        acc.negativeInfinity = state.negativeInfinity();
        acc.zeros = state.zeros();
        acc.negatives = state.negatives();
        acc.min = state.min();
        acc.max = state.max();
        acc.moments.merge(state.moments());
        acc.quantiles = KllDoublesSketch.heapify(Memory.wrap(state.kll()));
        if (state.exactValues() != null) {
            acc.exactValues = new ExactValueCounts(state.exactDistinctLimit());
            for (int i = 0; i < state.exactValues().length; i++) {
                acc.exactValues.add(state.exactValues()[i], state.exactCounts()[i]);
            }
            acc.distinct = null;
        } else {
            acc.exactValues = null;
            acc.distinct = CpcSketch.heapify(state.cpc());
        }
        return acc.freeze();
    }

    /** @return the fields to save */
    public NumericState state() {
        double[] values = null;
        long[] counts = null;
        if (exactValues != null) {
            values = exactValues.sortedValues();
            counts = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                counts[i] = exactValues.count(values[i]);
            }
        }
        return new NumericState(type, kllK, lgK, exactValues == null ? 0 : exactValues.limit(), nulls, nan,
                positiveInfinity, negativeInfinity, zeros, negatives, min, max, moments.copy(),
                quantiles.toByteArray(), values, counts, distinct == null ? null : distinct.toByteArray());
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    /** @return the column type */
    public ColumnType type() {
        return type;
    }

    /** @return the number of missing values */
    public long nulls() {
        return nulls;
    }

    /** @return the number of NaN values that were not missing values */
    public long nan() {
        return nan;
    }

    /** @return the number of +infinity values */
    public long positiveInfinity() {
        return positiveInfinity;
    }

    /** @return the number of -infinity values */
    public long negativeInfinity() {
        return negativeInfinity;
    }

    /** @return the number of zeros */
    public long zeros() {
        return zeros;
    }

    /** @return the number of values below zero, -infinity included */
    public long negatives() {
        return negatives;
    }

    /** @return the smallest finite value, +infinity when there is none */
    public double min() {
        return min;
    }

    /** @return the largest finite value, -infinity when there is none */
    public double max() {
        return max;
    }

    /** @return the moments of the finite values (a live object: do not change it) */
    public Moments moments() {
        return moments;
    }

    /** @return the KLL sketch of the finite values (a live object: do not change it) */
    public KllDoublesSketch quantiles() {
        return quantiles;
    }

    /** @return the KLL sketch's k */
    public int kllK() {
        return kllK;
    }

    /** @return the sorted view of a frozen accumulator's sketch, or {@code null} when it has no finite value */
    public DoublesSortedView sortedView() {
        DoublesSortedView view = sortedView;
        if (view == null && !quantiles.isEmpty()) {
            view = quantiles.getSortedView();
            sortedView = view;
        }
        return view;
    }

    /** @return the exact value counts, or {@code null} once there were too many distinct values */
    public ExactValueCounts exactValues() {
        return exactValues;
    }

    /** @return the distinct-count sketch, or {@code null} while values are counted exactly */
    public CpcSketch distinctSketch() {
        return distinct;
    }
}

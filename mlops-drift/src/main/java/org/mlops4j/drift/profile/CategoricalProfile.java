package org.mlops4j.drift.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.mlops4j.core.data.ColumnType;

/**
 * The profile of a categorical, boolean or text column (booleans as the levels {@code "true"} and {@code "false"}).
 *
 * <p>Levels are counted exactly while a column has at most {@link ProfileOptions#categoryExactLimit()} of them. Past
 * that, counts come from a frequent-items sketch: {@link #topValues(int)} then lists the levels the sketch can
 * vouch for, each with guaranteed bounds, and the distinct count is a CPC sketch's estimate.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class CategoricalProfile implements ColumnProfile {

    private final String name;
    private final CategoricalAccumulator state;

    CategoricalProfile(String name, CategoricalAccumulator frozenState) {
        this.name = name;
        this.state = frozenState;
    }

    CategoricalAccumulator state() {
        return state;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return state.type();
    }

    @Override
    public long rowCount() {
        return state.count() + state.nulls();
    }

    /** @return the number of values that are not missing */
    public long count() {
        return state.count();
    }

    @Override
    public long nullCount() {
        return state.nulls();
    }

    @Override
    public long missingCount() {
        return state.nulls();
    }

    /** @return whether every level is counted exactly */
    public boolean exact() {
        return state.exactCounts() != null;
    }

    /**
     * @param limit how many levels at most
     * @return the most frequent levels, most frequent first (ties in lexical order); exact while {@link #exact()},
     *         otherwise the frequent-items sketch's heavy hitters with no false negatives among those above its
     *         error threshold
     */
    public List<ValueCount> topValues(int limit) {
        List<ValueCount> all = new ArrayList<>();
        Map<String, Long> exact = state.exactCounts();
        if (exact != null) {
            for (Map.Entry<String, Long> entry : exact.entrySet()) {
                all.add(new ValueCount(entry.getKey(), entry.getValue(), entry.getValue(), entry.getValue()));
            }
        } else {
            for (ItemsSketch.Row<String> row : state.frequentItems().getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
                all.add(new ValueCount(row.getItem(), row.getEstimate(), row.getLowerBound(), row.getUpperBound()));
            }
        }
        all.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /**
     * @return every level with its count when {@link #exact()}; otherwise the levels the sketch finds frequent with
     *         no false positives (true count above the sketch's maximum error), most frequent first
     */
    public List<ValueCount> reliableValues() {
        if (exact()) {
            return allValues();
        }
        List<ValueCount> out = new ArrayList<>();
        for (ItemsSketch.Row<String> row : state.frequentItems().getFrequentItems(ErrorType.NO_FALSE_POSITIVES)) {
            out.add(new ValueCount(row.getItem(), row.getEstimate(), row.getLowerBound(), row.getUpperBound()));
        }
        out.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return List.copyOf(out);
    }

    /** @return every level with its count, when {@link #exact()}; the sketch's heavy hitters otherwise */
    public List<ValueCount> allValues() {
        return topValues(Integer.MAX_VALUE);
    }

    /**
     * @param level a level
     * @return its count (0 when never seen), exact or estimated with bounds
     */
    public ValueCount frequency(String level) {
        Map<String, Long> exact = state.exactCounts();
        if (exact != null) {
            long count = exact.getOrDefault(level, 0L);
            return new ValueCount(level, count, count, count);
        }
        ItemsSketch<String> sketch = state.frequentItems();
        return new ValueCount(level, sketch.getEstimate(level), sketch.getLowerBound(level),
                sketch.getUpperBound(level));
    }

    @Override
    public DistinctCount distinct() {
        Map<String, Long> exact = state.exactCounts();
        if (exact != null) {
            return DistinctCount.exactly(exact.size());
        }
        return DistinctCount.estimated(state.distinctSketch(), count());
    }

    @Override
    public CategoricalProfile merge(ColumnProfile other) {
        CategoricalProfile categorical = SameColumn.require(this, other, CategoricalProfile.class);
        CategoricalAccumulator merged = state.copy();
        merged.merge(categorical.state);
        return new CategoricalProfile(name, merged);
    }

    @Override
    public String toString() {
        return "CategoricalProfile[" + name + ", " + count() + " values, " + nullCount() + " null, "
                + distinct().rounded() + " distinct]";
    }
}

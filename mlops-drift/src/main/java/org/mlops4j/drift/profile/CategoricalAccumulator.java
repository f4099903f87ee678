package org.mlops4j.drift.profile;

import java.util.HashMap;
import java.util.Map;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.cpc.CpcSketch;
import org.apache.datasketches.cpc.CpcUnion;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;
import org.mlops4j.core.data.ColumnType;

/**
 * The mutable state behind a categorical, boolean or text column's profile: the count of values and of missing
 * values, exact counts per level while there are at most a limit of levels, and beyond it a frequent-items sketch
 * (heavy hitters with error bounds) and a CPC sketch for the number of distinct levels.
 *
 * <p>Package-private: not part of the API. Not thread-safe; a frozen copy is only read.
 */
final class CategoricalAccumulator {

    private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();

    private final ColumnType type;
    private final int lgK;
    private final int mapSize;
    private final int exactLimit;
    private long count;
    private long nulls;
    private Map<String, Long> exact;
    private ItemsSketch<String> frequent;
    private CpcSketch distinct;

    /**
     * @param type       categorical, boolean or text
     * @param lgK        log2 of the CPC sketch's size
     * @param mapSize    the frequent-items sketch's maximum map size
     * @param exactLimit how many levels to count exactly
     */
    public CategoricalAccumulator(ColumnType type, int lgK, int mapSize, int exactLimit) {
        this.type = type;
        this.lgK = lgK;
        this.mapSize = mapSize;
        this.exactLimit = exactLimit;
        this.exact = new HashMap<>();
    }

    /**
     * @param level a level, not {@code null}
     * @param times how often it occurs, at least 1
     */
    public void add(String level, long times) {
        count += times;
        if (exact != null) {
            Long previous = exact.get(level);
            if (previous != null) {
                exact.put(level, previous + times);
                return;
            }
            if (exact.size() < exactLimit) {
                exact.put(level, times);
                return;
            }
            switchToSketches();
        }
        frequent.update(level, times);
        distinct.update(level);
    }

    /** @param times how many missing values to add */
    public void addNulls(long times) {
        nulls += times;
    }

    private void switchToSketches() {
        frequent = new ItemsSketch<>(mapSize);
        distinct = new CpcSketch(lgK);
        for (Map.Entry<String, Long> entry : exact.entrySet()) {
            frequent.update(entry.getKey(), entry.getValue());
            distinct.update(entry.getKey());
        }
        exact = null;
    }

    /**
     * @param other an accumulator of the same column; it is not changed
     */
    public void merge(CategoricalAccumulator other) {
        nulls += other.nulls;
        if (other.exact != null) {
            for (Map.Entry<String, Long> entry : other.exact.entrySet()) {
                add(entry.getKey(), entry.getValue());
            }
            return;
        }
        if (exact != null) {
            switchToSketches();
        }
        count += other.count;
        ItemsSketch<String> copy = ItemsSketch.getInstance(Memory.wrap(other.frequent.toByteArray(SERDE)), SERDE);
        frequent.merge(copy);
        CpcUnion union = new CpcUnion(Math.min(lgK, other.distinct.getLgK()));
        union.update(distinct);
        union.update(other.distinct);
        distinct = union.getResult();
    }

    /** @return an independent copy */
    public CategoricalAccumulator copy() {
        CategoricalAccumulator copy = new CategoricalAccumulator(type, lgK, mapSize, exactLimit);
        copy.count = count;
        copy.nulls = nulls;
        if (exact != null) {
            copy.exact = new HashMap<>(exact);
        } else {
            copy.exact = null;
            copy.frequent = ItemsSketch.getInstance(Memory.wrap(frequent.toByteArray(SERDE)), SERDE);
            copy.distinct = CpcSketch.heapify(distinct.toByteArray());
        }
        return copy;
    }

    /**
     * Rebuilds a saved accumulator.
     *
     * @param state the saved fields
     * @return the accumulator
     */
    public static CategoricalAccumulator restore(CategoricalState state) {
        CategoricalAccumulator acc = new CategoricalAccumulator(state.type(), state.distinctLgK(),
                state.frequentItemsMapSize(), state.categoryExactLimit());
        acc.nulls = state.nulls();
        if (state.exactCounts() != null) {
            acc.exact = new HashMap<>(state.exactCounts());
            acc.count = state.count();
        } else {
            acc.exact = null;
            acc.count = state.count();
            acc.frequent = ItemsSketch.getInstance(Memory.wrap(state.frequentItems()), SERDE);
            acc.distinct = CpcSketch.heapify(state.cpc());
        }
        return acc;
    }

    /** @return the fields to save */
    public CategoricalState state() {
        return new CategoricalState(type, lgK, mapSize, exactLimit, count, nulls,
                exact == null ? null : Map.copyOf(exact),
                frequent == null ? null : frequent.toByteArray(SERDE),
                distinct == null ? null : distinct.toByteArray());
    }

    /** @return the column type */
    public ColumnType type() {
        return type;
    }

    /** @return the number of values that are not missing */
    public long count() {
        return count;
    }

    /** @return the number of missing values */
    public long nulls() {
        return nulls;
    }

    /** @return exact counts by level, or {@code null} once there were too many levels (a live map: do not change) */
    public Map<String, Long> exactCounts() {
        return exact;
    }

    /** @return the frequent-items sketch, or {@code null} while levels are counted exactly */
    public ItemsSketch<String> frequentItems() {
        return frequent;
    }

    /** @return the distinct-count sketch, or {@code null} while levels are counted exactly */
    public CpcSketch distinctSketch() {
        return distinct;
    }
}

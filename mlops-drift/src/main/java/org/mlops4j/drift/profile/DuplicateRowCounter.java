package org.mlops4j.drift.profile;

import org.apache.datasketches.cpc.CpcSketch;
import org.apache.datasketches.cpc.CpcUnion;

/**
 * Counts rows and distinct rows from 64-bit row hashes: exactly (a set of hashes) while there are at most a limit of
 * distinct rows, then with a CPC sketch. Duplicate rows are {@code rows - distinct rows}: the rows that repeat an
 * earlier row, as pandas' {@code duplicated().sum()} counts them. Exact mode is exact up to 64-bit hash collisions
 * (about {@code n^2 / 2^65}, one in 36 million at a million rows).
 *
 * <p>Package-private: not part of the API. Not thread-safe.
 */
final class DuplicateRowCounter {

    private final int exactLimit;
    private final int lgK;
    private long rows;
    private LongHashSet exact;
    private CpcSketch sketch;

    /**
     * @param exactLimit how many distinct rows to count exactly
     * @param lgK        log2 of the CPC sketch's size used beyond
     */
    public DuplicateRowCounter(int exactLimit, int lgK) {
        this.exactLimit = exactLimit;
        this.lgK = lgK;
        this.exact = new LongHashSet();
    }

    /**
     * @param hashes row hashes
     * @param length how many of them to add
     */
    public void add(long[] hashes, int length) {
        rows += length;
        int i = 0;
        if (exact != null) {
            for (; i < length; i++) {
                if (exact.add(hashes[i]) && exact.size() > exactLimit) {
                    switchToSketch();
                    i++;
                    break;
                }
            }
        }
        if (exact == null) {
            for (; i < length; i++) {
                sketch.update(hashes[i]);
            }
        }
    }

    private void switchToSketch() {
        sketch = new CpcSketch(lgK);
        for (long hash : exact.toArray()) {
            sketch.update(hash);
        }
        exact = null;
    }

    /** @param other a counter to fold into this one; it is not changed */
    public void merge(DuplicateRowCounter other) {
        if (other.exact != null) {
            long[] hashes = other.exact.toArray();
            long before = rows;
            add(hashes, hashes.length);
            rows = before + other.rows;
            return;
        }
        if (exact != null) {
            switchToSketch();
        }
        rows += other.rows;
        CpcUnion union = new CpcUnion(Math.min(lgK, other.sketch.getLgK()));
        union.update(sketch);
        union.update(other.sketch);
        sketch = union.getResult();
    }

    /** @return an independent copy */
    public DuplicateRowCounter copy() {
        DuplicateRowCounter copy = new DuplicateRowCounter(exactLimit, lgK);
        copy.rows = rows;
        copy.exact = exact == null ? null : exact.copy();
        copy.sketch = sketch == null ? null : CpcSketch.heapify(sketch.toByteArray());
        return copy;
    }

    /**
     * @param exactLimit the limit of exact counting
     * @param lgK        log2 of the CPC sketch's size
     * @param rows       rows counted
     * @param hashes     the distinct row hashes, or {@code null} when counted by sketch
     * @param cpc        the serialised sketch, or {@code null}
     * @return the rebuilt counter
     */
    public static DuplicateRowCounter restore(int exactLimit, int lgK, long rows, long[] hashes, byte[] cpc) {
        DuplicateRowCounter counter = new DuplicateRowCounter(exactLimit, lgK);
        if (hashes != null) {
            for (long hash : hashes) {
                counter.exact.add(hash);
            }
        } else {
            counter.exact = null;
            counter.sketch = CpcSketch.heapify(cpc);
        }
        counter.rows = rows;
        return counter;
    }

    /** @return the limit of exact counting */
    public int exactLimit() {
        return exactLimit;
    }

    /** @return log2 of the CPC sketch's size */
    public int lgK() {
        return lgK;
    }

    /** @return the rows counted */
    public long rows() {
        return rows;
    }

    /** @return whether the distinct count is exact */
    public boolean isExact() {
        return exact != null;
    }

    /** @return the distinct row hashes in ascending order, or {@code null} when counted by sketch */
    public long[] hashes() {
        if (exact == null) {
            return null;
        }
        long[] hashes = exact.toArray();
        java.util.Arrays.sort(hashes);
        return hashes;
    }

    /** @return the sketch, or {@code null} while counting exactly */
    public CpcSketch sketch() {
        return sketch;
    }

    /** @return the distinct rows, exact or estimated */
    public double distinctRows() {
        return exact != null ? exact.size() : Math.min(rows, sketch.getEstimate());
    }

    /**
     * @param standardDeviations 1, 2 or 3
     * @return a lower bound on the distinct rows
     */
    public double distinctRowsLowerBound(int standardDeviations) {
        return exact != null ? exact.size() : Math.min(rows, sketch.getLowerBound(standardDeviations));
    }

    /**
     * @param standardDeviations 1, 2 or 3
     * @return an upper bound on the distinct rows
     */
    public double distinctRowsUpperBound(int standardDeviations) {
        return exact != null ? exact.size() : Math.min(rows, sketch.getUpperBound(standardDeviations));
    }
}

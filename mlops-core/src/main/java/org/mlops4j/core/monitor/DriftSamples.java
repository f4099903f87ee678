package org.mlops4j.core.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinTask;
import org.mlops4j.core.DataException;
import org.mlops4j.core.internal.DoubleSorting;
import org.mlops4j.core.spi.support.FewDistinctValues;

/**
 * The reference and current values of one column, ready for a {@link DriftDetector}: no missing values, no
 * {@code NaN}, no infinities, neither sample empty.
 *
 * <p>A sample holds numbers (for {@link DriftColumnType#NUM} columns, and for categorical columns whose values are
 * numbers) or category labels. Either way it offers the categories view that categorical tests use: the distinct
 * values of both samples together ({@link #levels()}, sorted: numbers by value, labels by their text), each row's
 * level code and the count of each level per sample. Numbers are also offered sorted, computed once.
 *
 * <p>Instances are immutable and thread-safe. For speed, the arrays returned by the accessors are shared, not
 * copied: callers (detectors) must treat them as read-only.
 */
public final class DriftSamples {

    /** From this many values in both samples together, the two samples are sorted on two threads. */
    private static final int PARALLEL_SORT_SIZE = 1 << 17;
    /** Up to this many distinct values, levels are found by a scan instead of by sorting. */
    private static final int FEW_DISTINCT = 32;

    private final String column;
    private final DriftColumnType columnType;
    private final long seed;
    private final double[] referenceValues;
    private final double[] currentValues;
    private volatile double[] referenceSorted;
    private volatile double[] currentSorted;
    private volatile Levels levels;
    private volatile int distinctCount = -1;

    private record Levels(List<String> labels, double[] numbers, int[] referenceCodes, int[] currentCodes,
                          int[] referenceCounts, int[] currentCounts) {
    }

    private DriftSamples(String column, DriftColumnType columnType, long seed, double[] referenceValues,
                         double[] currentValues, Levels levels) {
        this.column = Objects.requireNonNull(column, "column");
        this.columnType = Objects.requireNonNull(columnType, "columnType");
        this.seed = seed;
        this.referenceValues = referenceValues;
        this.currentValues = currentValues;
        this.levels = levels;
    }

    /**
     * Samples of numbers.
     *
     * @param column     the column's name, for messages
     * @param columnType how tests treat the column
     * @param reference  the reference values (copied), all finite
     * @param current    the current values (copied), all finite
     * @param seed       the seed for tests that draw random permutations
     * @return the samples
     * @throws IllegalArgumentException when a value is {@code NaN} or infinite
     * @throws DataException            when a sample is empty
     */
    public static DriftSamples numeric(String column, DriftColumnType columnType, double[] reference,
                                       double[] current, long seed) {
        checkFinite(column, "reference", reference);
        checkFinite(column, "current", current);
        checkNotEmpty(column, reference.length, current.length);
        return new DriftSamples(column, columnType, seed, withoutNegativeZero(reference),
                withoutNegativeZero(current), null);
    }

    private static double[] withoutNegativeZero(double[] values) {
        double[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy[i] + 0.0; // -0.0 becomes 0.0, so that equal values are one level
        }
        return copy;
    }

    /**
     * Samples of category labels, given as codes into a list of labels (as a dictionary-encoded column holds them).
     * Labels that neither sample uses are left out of {@link #levels()}.
     *
     * @param column         the column's name, for messages
     * @param labels         the labels the codes refer to; distinct
     * @param referenceCodes the reference rows' codes, each in {@code [0, labels.size())}
     * @param currentCodes   the current rows' codes, each in {@code [0, labels.size())}
     * @param seed           the seed for tests that draw random permutations
     * @return the samples, treated as {@link DriftColumnType#CAT}
     * @throws IllegalArgumentException when a code is out of range
     * @throws DataException            when a sample is empty
     */
    public static DriftSamples categorical(String column, List<String> labels, int[] referenceCodes,
                                           int[] currentCodes, long seed) {
        checkNotEmpty(column, referenceCodes.length, currentCodes.length);
        boolean[] used = new boolean[labels.size()];
        for (int[] codes : new int[][] {referenceCodes, currentCodes}) {
            for (int code : codes) {
                if (code < 0 || code >= used.length) {
                    throw new IllegalArgumentException("Code " + code + " of column '" + column
                            + "' is outside the " + used.length + " labels");
                }
                used[code] = true;
            }
        }
        TreeMap<String, Integer> sorted = new TreeMap<>();
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                sorted.put(labels.get(i), i);
            }
        }
        int[] recode = new int[used.length];
        List<String> kept = new ArrayList<>(sorted.size());
        for (var entry : sorted.entrySet()) {
            recode[entry.getValue()] = kept.size();
            kept.add(entry.getKey());
        }
        int[] ref = new int[referenceCodes.length];
        int[] cur = new int[currentCodes.length];
        int[] refCounts = new int[kept.size()];
        int[] curCounts = new int[kept.size()];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = recode[referenceCodes[i]];
            refCounts[ref[i]]++;
        }
        for (int i = 0; i < cur.length; i++) {
            cur[i] = recode[currentCodes[i]];
            curCounts[cur[i]]++;
        }
        return new DriftSamples(column, DriftColumnType.CAT, seed, null, null,
                new Levels(List.copyOf(kept), null, ref, cur, refCounts, curCounts));
    }

    /**
     * Samples of category labels.
     *
     * @param column    the column's name, for messages
     * @param reference the reference labels, none {@code null}
     * @param current   the current labels, none {@code null}
     * @param seed      the seed for tests that draw random permutations
     * @return the samples, treated as {@link DriftColumnType#CAT}
     */
    public static DriftSamples categorical(String column, List<String> reference, List<String> current, long seed) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        List<String> labels = new ArrayList<>();
        int[] ref = encode(reference, index, labels);
        int[] cur = encode(current, index, labels);
        return categorical(column, labels, ref, cur, seed);
    }

    private static int[] encode(List<String> values, java.util.Map<String, Integer> index, List<String> labels) {
        int[] codes = new int[values.size()];
        for (int i = 0; i < codes.length; i++) {
            String value = Objects.requireNonNull(values.get(i), "category labels must not be null");
            codes[i] = index.computeIfAbsent(value, v -> {
                labels.add(v);
                return labels.size() - 1;
            });
        }
        return codes;
    }

    /** @return the column's name */
    public String column() {
        return column;
    }

    /** @return how tests treat the column */
    public DriftColumnType columnType() {
        return columnType;
    }

    /** @return the seed for tests that draw random permutations, so that a rerun gives the same score */
    public long seed() {
        return seed;
    }

    /** @return whether the samples hold numbers (so that {@link #referenceValues()} and the sorted views exist) */
    public boolean isNumeric() {
        return referenceValues != null;
    }

    /** @return the number of reference values */
    public int referenceSize() {
        return referenceValues != null ? referenceValues.length : levelData().referenceCodes().length;
    }

    /** @return the number of current values */
    public int currentSize() {
        return currentValues != null ? currentValues.length : levelData().currentCodes().length;
    }

    /** @return the reference numbers in row order (shared; read-only) */
    public double[] referenceValues() {
        return numbers(referenceValues);
    }

    /** @return the current numbers in row order (shared; read-only) */
    public double[] currentValues() {
        return numbers(currentValues);
    }

    /** @return the reference numbers in ascending order (shared; read-only) */
    public double[] referenceSorted() {
        double[] sorted = referenceSorted;
        if (sorted == null) {
            sortBoth();
            sorted = referenceSorted;
        }
        return sorted;
    }

    /** @return the current numbers in ascending order (shared; read-only) */
    public double[] currentSorted() {
        double[] sorted = currentSorted;
        if (sorted == null) {
            sortBoth();
            sorted = currentSorted;
        }
        return sorted;
    }

    /**
     * Sorts both samples at once (tests that need one sorted sample need the other too); large samples are sorted on
     * two threads, the current one as a fork-join task.
     */
    private void sortBoth() {
        double[] ref = numbers(referenceValues).clone();
        double[] cur = numbers(currentValues).clone();
        if ((long) ref.length + cur.length >= PARALLEL_SORT_SIZE && Runtime.getRuntime().availableProcessors() > 1) {
            ForkJoinTask<?> other = ForkJoinTask.adapt(() -> DoubleSorting.sort(cur)).fork();
            DoubleSorting.sort(ref);
            other.join();
        } else {
            DoubleSorting.sort(ref);
            DoubleSorting.sort(cur);
        }
        referenceSorted = ref;
        currentSorted = cur;
    }

    /** @return the distinct values of both samples, sorted, as text (numbers as {@link Double#toString}) */
    public List<String> levels() {
        return levelData().labels();
    }

    /** @return the number of distinct values in both samples together */
    public int levelCount() {
        return levelData().referenceCounts().length;
    }

    /**
     * @return the number of distinct values in both samples together, as {@link #levelCount()}, but without coding
     *         each row (cheaper for numbers with many distinct values)
     */
    public int distinctCount() {
        int count = distinctCount;
        if (count < 0) {
            Levels l = levels;
            if (l == null && isNumeric()) {
                l = fewLevels(referenceValues, currentValues); // few values: the levels are needed next anyway
                if (l != null) {
                    levels = l;
                }
            }
            count = l != null || !isNumeric() ? levelData().referenceCounts().length
                    : mergedDistinctCount(referenceSorted(), currentSorted());
            distinctCount = count;
        }
        return count;
    }

    /** @return for numeric samples, the distinct values of both samples in ascending order (shared; read-only) */
    public double[] numericLevels() {
        if (!isNumeric()) {
            throw new IllegalStateException("Column '" + column + "' holds labels, not numbers");
        }
        return levelData().numbers();
    }

    /** @return each reference row's index into {@link #levels()}, in row order (shared; read-only) */
    public int[] referenceCodes() {
        return levelData().referenceCodes();
    }

    /** @return each current row's index into {@link #levels()}, in row order (shared; read-only) */
    public int[] currentCodes() {
        return levelData().currentCodes();
    }

    /** @return how many reference rows hold each level (shared; read-only) */
    public int[] referenceCounts() {
        return levelData().referenceCounts();
    }

    /** @return how many current rows hold each level (shared; read-only) */
    public int[] currentCounts() {
        return levelData().currentCounts();
    }

    private Levels levelData() {
        Levels l = levels;
        if (l == null) {
            l = fewLevels(referenceValues, currentValues);
            if (l == null) {
                l = levelsOf(mergedDistinct(referenceSorted(), currentSorted()), referenceValues, currentValues);
            }
            levels = l;
        }
        return l;
    }

    /**
     * The levels in one pass over both samples when there are at most {@value #FEW_DISTINCT} distinct values; null
     * (after looking at only a few values, for continuous data) when there are more.
     */
    private static Levels fewLevels(double[] ref, double[] cur) {
        FewDistinctValues index = new FewDistinctValues(FEW_DISTINCT);
        int[] refCodes = new int[ref.length];
        int[] curCodes = new int[cur.length];
        for (int i = 0; i < ref.length; i++) {
            if ((refCodes[i] = index.add(ref[i])) < 0) {
                return null;
            }
        }
        for (int i = 0; i < cur.length; i++) {
            if ((curCodes[i] = index.add(cur[i])) < 0) {
                return null;
            }
        }
        double[] numbers = index.sortedValues();
        int[] ranks = index.ranks();
        int[] refCounts = new int[numbers.length];
        int[] curCounts = new int[numbers.length];
        for (int i = 0; i < refCodes.length; i++) {
            refCodes[i] = ranks[refCodes[i]];
            refCounts[refCodes[i]]++;
        }
        for (int i = 0; i < curCodes.length; i++) {
            curCodes[i] = ranks[curCodes[i]];
            curCounts[curCodes[i]]++;
        }
        return new Levels(labels(numbers), numbers, refCodes, curCodes, refCounts, curCounts);
    }

    private static List<String> labels(double[] numbers) {
        List<String> labels = new ArrayList<>(numbers.length);
        for (double number : numbers) {
            labels.add(Double.toString(number));
        }
        return List.copyOf(labels);
    }

    private static int mergedDistinctCount(double[] a, double[] b) {
        int n = 0;
        int i = 0;
        int j = 0;
        double last = Double.NaN;
        while (i < a.length || j < b.length) {
            double next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
            if (n == 0 || next != last) {
                n++;
                last = next;
            }
        }
        return n;
    }

    private static double[] mergedDistinct(double[] refSorted, double[] curSorted) {
        double[] distinct = new double[refSorted.length + curSorted.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < refSorted.length || j < curSorted.length) {
            double next = j >= curSorted.length || (i < refSorted.length && refSorted[i] <= curSorted[j])
                    ? refSorted[i++] : curSorted[j++];
            if (n == 0 || next != distinct[n - 1]) {
                distinct[n++] = next;
            }
        }
        return Arrays.copyOf(distinct, n);
    }

    private static Levels levelsOf(double[] numbers, double[] ref, double[] cur) {
        int n = numbers.length;
        int[] refCodes = new int[ref.length];
        int[] curCodes = new int[cur.length];
        int[] refCounts = new int[n];
        int[] curCounts = new int[n];
        for (int k = 0; k < ref.length; k++) {
            refCodes[k] = Arrays.binarySearch(numbers, ref[k]);
            refCounts[refCodes[k]]++;
        }
        for (int k = 0; k < cur.length; k++) {
            curCodes[k] = Arrays.binarySearch(numbers, cur[k]);
            curCounts[curCodes[k]]++;
        }
        return new Levels(labels(numbers), numbers, refCodes, curCodes, refCounts, curCounts);
    }

    private double[] numbers(double[] values) {
        if (values == null) {
            throw new IllegalStateException("Column '" + column + "' holds labels, not numbers; a numeric test "
                    + "cannot run on it");
        }
        return values;
    }

    private static void checkFinite(String column, String which, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("The " + which + " sample of column '" + column + "' holds "
                        + values[i] + " at position " + i + "; drop NaN and infinite values before testing");
            }
        }
    }

    private static void checkNotEmpty(String column, int referenceSize, int currentSize) {
        if (referenceSize == 0 || currentSize == 0) {
            throw new DataException("Cannot test drift: the " + (referenceSize == 0 ? "reference" : "current")
                    + " sample is empty after dropping missing, NaN and infinite values; give the column at least "
                    + "one finite value in both samples or leave it out of the report", null, 0, column, null);
        }
    }

    @Override
    public String toString() {
        return "DriftSamples[" + column + ", " + columnType.key() + ", " + referenceSize() + " reference, "
                + currentSize() + " current]";
    }
}

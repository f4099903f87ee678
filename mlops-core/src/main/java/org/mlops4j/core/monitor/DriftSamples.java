package org.mlops4j.core.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinTask;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.spi.support.FewDistinctValues;

/**
 * The reference and current values of one column, ready for a {@link DriftDetector}: no missing values, no
 * {@code NaN}, no infinities, neither sample empty.
 *
 * <p>A sample holds numbers (for {@link ColumnType#NUMERIC} columns, and for categorical columns whose values are
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
    private final ColumnType columnType;
    private final long seed;
    private final double[] referenceValues;
    private final double[] currentValues;
    private volatile double[] referenceSorted;
    private volatile double[] currentSorted;
    private volatile Levels levels;
    private volatile Codes codes;
    private volatile int distinctCount = -1;
    /** Whether counting the values in one pass found too many distinct values (numbers only). */
    private volatile boolean manyDistinct;

    private record Levels(List<String> labels, double[] numbers, int[] referenceCounts, int[] currentCounts) {
    }

    private record Codes(int[] reference, int[] current) {
    }

    private DriftSamples(String column, ColumnType columnType, long seed, double[] referenceValues,
                         double[] currentValues, Levels levels, Codes codes) {
        this.column = Objects.requireNonNull(column, "column");
        this.columnType = DriftTreatment.require(columnType, column);
        this.seed = seed;
        this.referenceValues = referenceValues;
        this.currentValues = currentValues;
        this.levels = levels;
        this.codes = codes;
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
    public static DriftSamples numeric(String column, ColumnType columnType, double[] reference,
                                       double[] current, long seed) {
        checkFinite(column, "reference", reference);
        checkFinite(column, "current", current);
        checkNotEmpty(column, reference.length, current.length);
        return new DriftSamples(column, columnType, seed, withoutNegativeZero(reference),
                withoutNegativeZero(current), null, null);
    }

    /**
     * Samples of the numbers in two table columns, leaving out missing, {@code NaN} and infinite values (the sizes
     * tell how many were left out). Each column is read once: copying, cleaning and, when the column holds few
     * distinct values, counting each value happen in the same pass, so that {@link #distinctCount()},
     * {@link #referenceCounts()} and the sorted views of such columns need no sorting.
     *
     * @param columnType how tests treat the column
     * @param reference  the reference column
     * @param current    the current column
     * @param seed       the seed for tests that draw random permutations
     * @return the samples, named after the reference column
     * @throws DataException when a sample is empty after leaving values out
     */
    public static DriftSamples numeric(ColumnType columnType, NumericColumn reference, NumericColumn current,
                                       long seed) {
        FewValueCounts counts = new FewValueCounts();
        double[] ref = reference.toArray();
        int refSize = counts.compactAndCount(ref, 0);
        double[] cur = current.toArray();
        int curSize = counts.compactAndCount(cur, 1);
        checkNotEmpty(reference.name(), refSize, curSize);
        Levels levels = counts.overflowed() ? null : levelsOf(counts.counts());
        DriftSamples samples = new DriftSamples(reference.name(), columnType, seed, trim(ref, refSize),
                trim(cur, curSize), levels, null);
        samples.manyDistinct = levels == null;
        return samples;
    }

    private static double[] trim(double[] values, int size) {
        return size == values.length ? values : Arrays.copyOf(values, size);
    }

    /**
     * @param type how tests are to treat the column
     * @return these samples treated as {@code type}; this instance when the type is the same. The values and
     *         everything computed from them are shared.
     */
    public DriftSamples withColumnType(ColumnType type) {
        if (type == columnType) {
            return this;
        }
        if (!isNumeric() && type == ColumnType.NUMERIC) {
            throw new IllegalArgumentException("Column '" + column + "' holds labels; it cannot be treated as "
                    + "numbers");
        }
        DriftSamples copy = new DriftSamples(column, type, seed, referenceValues, currentValues, levels, codes);
        copy.referenceSorted = referenceSorted;
        copy.currentSorted = currentSorted;
        copy.distinctCount = distinctCount;
        copy.manyDistinct = manyDistinct;
        return copy;
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
     * @return the samples, treated as {@link ColumnType#CATEGORICAL}
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
        return new DriftSamples(column, ColumnType.CATEGORICAL, seed, null, null,
                new Levels(List.copyOf(kept), null, refCounts, curCounts), new Codes(ref, cur));
    }

    /**
     * Samples of category labels.
     *
     * @param column    the column's name, for messages
     * @param reference the reference labels, none {@code null}
     * @param current   the current labels, none {@code null}
     * @param seed      the seed for tests that draw random permutations
     * @return the samples, treated as {@link ColumnType#CATEGORICAL}
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
    public ColumnType columnType() {
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
        return referenceValues != null ? referenceValues.length : codeData().reference().length;
    }

    /** @return the number of current values */
    public int currentSize() {
        return currentValues != null ? currentValues.length : codeData().current().length;
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
     * Sorts both samples at once (tests that need one sorted sample need the other too). When the levels are known
     * (few distinct values), the sorted samples are written out from the counts; otherwise large samples are sorted
     * on two threads, the current one as a fork-join task.
     */
    private void sortBoth() {
        numbers(referenceValues);
        Levels l = levels;
        if (l != null) {
            referenceSorted = expand(l.numbers(), l.referenceCounts(), referenceValues.length);
            currentSorted = expand(l.numbers(), l.currentCounts(), currentValues.length);
            return;
        }
        double[] ref = referenceValues.clone();
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

    private static double[] expand(double[] numbers, int[] counts, int size) {
        double[] sorted = new double[size];
        int at = 0;
        for (int k = 0; k < numbers.length; k++) {
            Arrays.fill(sorted, at, at + counts[k], numbers[k]);
            at += counts[k];
        }
        return sorted;
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
     * @return the number of distinct values in both samples together, as {@link #levelCount()}, but without counting
     *         each value (cheaper for numbers with many distinct values)
     */
    public int distinctCount() {
        int count = distinctCount;
        if (count < 0) {
            Levels l = levels;
            if (l == null && isNumeric() && !manyDistinct) {
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

    /**
     * Tells whether both samples together hold more than a number of distinct values, looking at as few values as
     * it needs (continuous data answer after a few values) and sorting nothing.
     *
     * @param count a number of distinct values
     * @return whether there are more
     */
    public boolean hasMoreDistinctValuesThan(int count) {
        int known = distinctCount;
        if (known >= 0) {
            return known > count;
        }
        Levels l = levels;
        if (l != null) {
            return l.referenceCounts().length > count;
        }
        if (count <= 0 || (manyDistinct && count <= FewValueCounts.OTHER_LIMIT)) {
            return true; // counting gave up after more than OTHER_LIMIT distinct values
        }
        FewDistinctValues distinct = new FewDistinctValues(count);
        for (double[] values : new double[][] {referenceValues, currentValues}) {
            for (double v : values) {
                if (distinct.add(v) < 0) {
                    return true;
                }
            }
        }
        return false;
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
        return codeData().reference();
    }

    /** @return each current row's index into {@link #levels()}, in row order (shared; read-only) */
    public int[] currentCodes() {
        return codeData().current();
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
            l = manyDistinct ? null : fewLevels(referenceValues, currentValues);
            if (l == null) {
                l = levelsOfSorted(referenceSorted(), currentSorted());
            }
            levels = l;
        }
        return l;
    }

    /** Numbers are coded on first use: only tests that permute rows need the codes. */
    private Codes codeData() {
        Codes c = codes;
        if (c == null) {
            double[] numbers = levelData().numbers();
            c = new Codes(codesOf(numbers, referenceValues), codesOf(numbers, currentValues));
            codes = c;
        }
        return c;
    }

    private static int[] codesOf(double[] numbers, double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Arrays.binarySearch(numbers, values[i]);
        }
        return out;
    }

    /** The levels from one pass over both samples when there are few distinct values; null when there are more. */
    private Levels fewLevels(double[] ref, double[] cur) {
        FewValueCounts counts = new FewValueCounts();
        counts.count(ref, 0);
        counts.count(cur, 1);
        manyDistinct = counts.overflowed();
        return manyDistinct ? null : levelsOf(counts.counts());
    }

    private static Levels levelsOf(FewValueCounts.Counts counts) {
        return new Levels(labels(counts.values()), counts.values(), counts.reference(), counts.current());
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

    /** The levels of many distinct values, from the sorted samples: one walk over both. */
    private static Levels levelsOfSorted(double[] refSorted, double[] curSorted) {
        int capacity = mergedDistinctCount(refSorted, curSorted);
        double[] numbers = new double[capacity];
        int[] refCounts = new int[capacity];
        int[] curCounts = new int[capacity];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < refSorted.length || j < curSorted.length) {
            double next = j >= curSorted.length || (i < refSorted.length && refSorted[i] <= curSorted[j])
                    ? refSorted[i] : curSorted[j];
            numbers[n] = next;
            while (i < refSorted.length && refSorted[i] == next) {
                refCounts[n]++;
                i++;
            }
            while (j < curSorted.length && curSorted[j] == next) {
                curCounts[n]++;
                j++;
            }
            n++;
        }
        return new Levels(labels(numbers), numbers, refCounts, curCounts);
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
        return "DriftSamples[" + column + ", " + DriftTreatment.key(columnType) + ", " + referenceSize()
                + " reference, "
                + currentSize() + " current]";
    }
}

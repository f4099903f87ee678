package org.mlops4j.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A column of strings from a set of levels, dictionary-encoded: each row holds an {@code int} code into a list of
 * distinct levels, and {@code -1} for null.
 *
 * <p>Operations on levels ({@link #mapLevels(UnaryOperator)}, {@link #mapToNumeric(String, Function)}) call their
 * function once per level, not once per row. Instances are immutable.
 */
public final class CategoricalColumn implements Column {

    private static final int NULL_CODE = -1;

    private final String name;
    private final int[] codes;
    private final List<String> levels;

    private CategoricalColumn(String name, int[] codes, List<String> levels) {
        this.name = Columns.checkName(name);
        this.codes = codes;
        this.levels = levels;
    }

    /**
     * @param name   the column's name
     * @param values the values, where {@code null} marks a missing value
     * @return a column holding the values, with levels in order of first appearance
     */
    public static CategoricalColumn of(String name, String... values) {
        Builder builder = builder(name, values.length);
        for (String value : values) {
            builder.add(value);
        }
        return builder.build();
    }

    /**
     * Makes a column from dictionary codes, the way columnar formats store categories.
     *
     * @param name   the column's name
     * @param codes  for each row, the index of its value in {@code levels}, or -1 for a missing value (copied)
     * @param levels the distinct values, none null (copied)
     * @return the column
     * @throws IllegalArgumentException when a code is out of range, or a level is null or repeated
     */
    public static CategoricalColumn ofCodes(String name, int[] codes, List<String> levels) {
        List<String> copied = List.copyOf(levels);
        if (new java.util.HashSet<>(copied).size() != copied.size()) {
            throw new IllegalArgumentException("The levels of column '" + name + "' must be distinct, but some repeat");
        }
        int[] own = codes.clone();
        for (int i = 0; i < own.length; i++) {
            if (own[i] < NULL_CODE || own[i] >= copied.size()) {
                throw new IllegalArgumentException("Row " + i + " of column '" + name + "' has code " + own[i]
                        + ", expected -1 (missing) or a level index below " + copied.size());
            }
        }
        return new CategoricalColumn(name, own, copied);
    }

    /**
     * @param name             the column's name
     * @param expectedCapacity a hint for how many rows will be added
     * @return a builder that appends rows one by one
     */
    public static Builder builder(String name, int expectedCapacity) {
        return new Builder(name, expectedCapacity);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isNull(int row) {
        return codes[row] == NULL_CODE;
    }

    @Override
    public int nullCount() {
        int count = 0;
        for (int code : codes) {
            if (code == NULL_CODE) {
                count++;
            }
        }
        return count;
    }

    /** @return the distinct levels in the order of their codes (some may not occur after filtering) */
    public List<String> levels() {
        return levels;
    }

    /**
     * @param row a row index
     * @return the level's code in {@link #levels()}, or -1 for null
     */
    public int code(int row) {
        return codes[row];
    }

    /**
     * @param row a row index
     * @return the level in this row, or {@code null} for a missing value
     */
    public String getString(int row) {
        int code = codes[row];
        return code == NULL_CODE ? null : levels.get(code);
    }

    @Override
    public String get(int row) {
        return getString(row);
    }

    @Override
    public String format(int row) {
        String value = getString(row);
        return value == null ? "" : value;
    }

    /** @return how many rows hold each code, indexed by code */
    public int[] codeCounts() {
        int[] counts = new int[levels.size()];
        for (int code : codes) {
            if (code != NULL_CODE) {
                counts[code]++;
            }
        }
        return counts;
    }

    /**
     * Replaces each level, and null, by what a function returns for it; the function is called once per level and
     * once with {@code null} if the column has nulls. Levels that map to the same string merge; a {@code null} result
     * makes the rows null.
     *
     * @param function from a level (or {@code null}) to the new level (or {@code null})
     * @return a new column with the same name
     */
    public CategoricalColumn mapLevels(UnaryOperator<String> function) {
        Builder merged = new Builder(name, 0);
        int[] recode = new int[levels.size()];
        for (int i = 0; i < recode.length; i++) {
            recode[i] = merged.codeOf(function.apply(levels.get(i)));
        }
        boolean hasNull = nullCount() > 0;
        int nullTarget = hasNull ? merged.codeOf(function.apply(null)) : NULL_CODE;
        int[] out = new int[codes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes[i] == NULL_CODE ? nullTarget : recode[codes[i]];
        }
        return new CategoricalColumn(name, out, List.copyOf(merged.levels));
    }

    /**
     * Turns each level, and null, into a number; the function is called once per level and once with {@code null} if
     * the column has nulls. A {@code null} result makes the row null.
     *
     * @param newName  the name of the numeric column
     * @param function from a level (or {@code null}) to a number (or {@code null})
     * @return a numeric column of the same size
     */
    public NumericColumn mapToNumeric(String newName, Function<String, Double> function) {
        Double[] byCode = new Double[levels.size()];
        for (int i = 0; i < byCode.length; i++) {
            byCode[i] = function.apply(levels.get(i));
        }
        Double forNull = nullCount() > 0 ? function.apply(null) : null;
        NumericColumn.Builder out = NumericColumn.builder(newName, codes.length);
        for (int code : codes) {
            out.add(code == NULL_CODE ? forNull : byCode[code]);
        }
        return out.build();
    }

    /** @return a text column with the same values */
    public TextColumn toText() {
        String[] values = new String[codes.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = getString(i);
        }
        return TextColumn.wrap(name, values);
    }

    @Override
    public CategoricalColumn rename(String newName) {
        return newName.equals(name) ? this : new CategoricalColumn(newName, codes, levels);
    }

    @Override
    public CategoricalColumn take(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name, out, levels);
    }

    @Override
    public CategoricalColumn concat(Column other) {
        Columns.checkSameType(this, other);
        CategoricalColumn o = (CategoricalColumn) other;
        Builder merged = new Builder(name, 0);
        for (String level : levels) {
            merged.codeOf(level);
        }
        int[] recode = new int[o.levels.size()];
        for (int i = 0; i < recode.length; i++) {
            recode[i] = merged.codeOf(o.levels.get(i));
        }
        int[] out = Arrays.copyOf(codes, codes.length + o.codes.length);
        for (int i = 0; i < o.codes.length; i++) {
            out[codes.length + i] = o.codes[i] == NULL_CODE ? NULL_CODE : recode[o.codes[i]];
        }
        return new CategoricalColumn(name, out, List.copyOf(merged.levels));
    }

    @Override
    public int compareRows(int a, int b) {
        int byNull = Columns.compareNulls(codes[a] == NULL_CODE, codes[b] == NULL_CODE);
        return byNull != 2 ? byNull : levels.get(codes[a]).compareTo(levels.get(codes[b]));
    }

    @Override
    public Object groupKey(int row) {
        return getString(row);
    }

    @Override
    public long estimatedBytes() {
        long dictionary = 0;
        for (String level : levels) {
            dictionary += 40L + level.length();
        }
        return 16L + 4L * codes.length + dictionary;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CategoricalColumn other) || !name.equals(other.name) || size() != other.size()) {
            return false;
        }
        for (int i = 0; i < codes.length; i++) {
            if (!java.util.Objects.equals(getString(i), other.getString(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + codes.length;
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + codes.length + " rows, " + levels.size() + " levels]";
    }

    /** Appends values one by one, assigning codes in order of first appearance; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Map<String, Integer> codeByLevel = new HashMap<>();
        private final List<String> levels = new ArrayList<>();
        private int[] codes;
        private int size;

        private Builder(String name, int expectedCapacity) {
            this.name = Columns.checkName(name);
            this.codes = new int[Math.max(16, expectedCapacity)];
        }

        private int codeOf(String level) {
            if (level == null) {
                return NULL_CODE;
            }
            Integer code = codeByLevel.get(level);
            if (code == null) {
                code = levels.size();
                codeByLevel.put(level, code);
                levels.add(level);
            }
            return code;
        }

        /**
         * @param value the next value, or {@code null} for a missing value
         * @return this builder
         */
        public Builder add(String value) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, codes.length + (codes.length >> 1) + 16);
            }
            codes[size++] = codeOf(value);
            return this;
        }

        /** @return the number of rows added so far */
        public int size() {
            return size;
        }

        /** @return the column */
        public CategoricalColumn build() {
            return new CategoricalColumn(name, Arrays.copyOf(codes, size), List.copyOf(levels));
        }
    }
}

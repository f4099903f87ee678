package org.mlops4j.core.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, per column of one read and per null token, the values read as missing, for {@link CsvReadReport}. The
 * reader counts a row's missing values only when the row is kept. Not thread-safe.
 */
final class MissingValueCounter {

    private final List<String> tokens;
    private final long[][] counts;

    /**
     * @param columns how many columns the read keeps
     * @param tokens  the null tokens, numbered as {@link org.mlops4j.core.data.internal.NullTokens#indexOf} numbers
     *                them
     */
    MissingValueCounter(int columns, List<String> tokens) {
        this.tokens = tokens;
        this.counts = new long[columns][tokens.size()];
    }

    /**
     * @param column the column's position in the read
     * @param token  the null token's number
     */
    void count(int column, int token) {
        counts[column][token]++;
    }

    /** @param other counts of a later part of the same read (a stream's chunk), added to these */
    void addAll(MissingValueCounter other) {
        for (int c = 0; c < counts.length; c++) {
            for (int t = 0; t < counts[c].length; t++) {
                counts[c][t] += other.counts[c][t];
            }
        }
    }

    /**
     * @param names the read's column names, by position
     * @param kept  the columns of the result (the others, such as dropped empty nameless columns, are left out)
     * @return the missing values of each kept column, in column order
     */
    Map<String, MissingValues> byColumn(String[] names, List<String> kept) {
        Map<String, MissingValues> result = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            if (!kept.contains(names[c])) {
                continue;
            }
            long total = 0;
            Map<String, Long> byText = new LinkedHashMap<>();
            long[] column = counts[c];
            Integer[] order = new Integer[column.length];
            for (int t = 0; t < order.length; t++) {
                order[t] = t;
                total += column[t];
            }
            Arrays.sort(order, Comparator.comparingLong((Integer t) -> -column[t]));
            for (int t : order) {
                if (column[t] > 0) {
                    byText.put(tokens.get(t), column[t]);
                }
            }
            result.put(names[c], new MissingValues(total, byText));
        }
        return result;
    }
}

package org.mlops4j.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Package-private: not part of the public API; it may change without notice.
 *
 * <p>Cumulative gains and lift by decile. Rows are sorted by score, highest first (ties keep their row order), and
 * cut by position into ten groups: decile {@code d} (1 to 10) holds the rows at positions
 * {@code floor((d-1) n / 10)} up to, not including, {@code floor(d n / 10)}; with fewer than ten rows some deciles are
 * empty and left out. For each decile: its positives, the cumulative gain (positives in deciles 1..d over all
 * positives), its lift (its share of positives over the overall share) and the cumulative lift (gain over the share
 * of rows in deciles 1..d).
 */
final class Gains {

    private static final int GROUPS = 10;

    private Gains() {
    }

    /**
     * @param positive whether each row is of the positive class; at least one positive row
     * @param score    each row's score
     * @return the non-empty deciles in order
     */
    static List<GainsDecile> byDecile(boolean[] positive, double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        long allPositives = 0;
        for (boolean p : positive) {
            allPositives += p ? 1 : 0;
        }
        double baseRate = (double) allPositives / n;
        List<GainsDecile> out = new ArrayList<>();
        long cumulativePositives = 0;
        for (int d = 1; d <= GROUPS; d++) {
            int from = (int) ((long) (d - 1) * n / GROUPS);
            int to = (int) ((long) d * n / GROUPS);
            if (to == from) {
                continue;
            }
            long positives = 0;
            for (int i = from; i < to; i++) {
                positives += positive[order[i]] ? 1 : 0;
            }
            cumulativePositives += positives;
            double gain = (double) cumulativePositives / allPositives;
            out.add(new GainsDecile(d, to - from, positives, to, cumulativePositives, gain,
                    (double) positives / (to - from) / baseRate, gain / ((double) to / n), score[order[to - 1]],
                    score[order[from]]));
        }
        return out;
    }
}

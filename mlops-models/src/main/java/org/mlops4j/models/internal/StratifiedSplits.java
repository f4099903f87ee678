package org.mlops4j.models.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Seeded stratified splits: a train/test split and a k-fold assignment that keep each class's share in every part.
 * With a single stratum (regression) they are plain shuffled splits.
 */
public final class StratifiedSplits {

    private StratifiedSplits() {
    }

    /**
     * @param strata        each row's stratum (class index; all 0 for an unstratified split)
     * @param trainFraction the share of each stratum that goes to training, in (0, 1]
     * @param seed          the random seed
     * @return {@code [train rows, test rows]}, each sorted ascending
     */
    public static int[][] trainTest(int[] strata, double trainFraction, long seed) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] members : byStratum(strata)) {
            shuffle(members, random);
            int trainCount = (int) Math.round(members.length * trainFraction);
            for (int i = 0; i < members.length; i++) {
                (i < trainCount ? train : test).add(members[i]);
            }
        }
        return new int[][] {sorted(train), sorted(test)};
    }

    /**
     * Assigns each row to one of {@code k} folds: each stratum is shuffled and dealt to the folds in turn, continuing
     * where the previous stratum stopped, so folds differ in size by at most one row and in each class's count by at
     * most one.
     *
     * @param strata each row's stratum
     * @param k      the number of folds, at least 2
     * @param seed   the random seed
     * @return each row's fold, from 0 to {@code k - 1}
     */
    public static int[] kFold(int[] strata, int k, long seed) {
        if (k < 2 || k > strata.length) {
            throw new IllegalArgumentException("Cannot make " + k + " folds of " + strata.length + " rows");
        }
        Random random = new Random(seed);
        int[] fold = new int[strata.length];
        int next = 0;
        for (int[] members : byStratum(strata)) {
            shuffle(members, random);
            for (int row : members) {
                fold[row] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    /**
     * @param foldOf each row's fold
     * @param fold   a fold
     * @param inFold whether to return the rows in the fold (validation) or outside it (training)
     * @return the matching rows, ascending
     */
    public static int[] rows(int[] foldOf, int fold, boolean inFold) {
        int count = 0;
        for (int f : foldOf) {
            if ((f == fold) == inFold) {
                count++;
            }
        }
        int[] out = new int[count];
        int j = 0;
        for (int i = 0; i < foldOf.length; i++) {
            if ((foldOf[i] == fold) == inFold) {
                out[j++] = i;
            }
        }
        return out;
    }

    private static List<int[]> byStratum(int[] strata) {
        int max = Arrays.stream(strata).max().orElse(-1);
        int[] counts = new int[max + 1];
        for (int s : strata) {
            counts[s]++;
        }
        List<int[]> out = new ArrayList<>();
        int[] filled = new int[max + 1];
        int[][] members = new int[max + 1][];
        for (int s = 0; s <= max; s++) {
            members[s] = new int[counts[s]];
        }
        for (int i = 0; i < strata.length; i++) {
            members[strata[i]][filled[strata[i]]++] = i;
        }
        for (int[] m : members) {
            if (m.length > 0) {
                out.add(m);
            }
        }
        return out;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}

package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlops4j.models.internal.StratifiedSplits;

class StratifiedSplitsTest {

    private static int[] strata() {
        int[] strata = new int[1000];
        for (int i = 0; i < strata.length; i++) {
            strata[i] = i % 10 == 0 ? 1 : 0; // 10 % minority class
        }
        return strata;
    }

    @Test
    void trainTestSplitKeepsEachClassShareAndCoversEveryRowOnce() {
        int[] strata = strata();
        int[][] split = StratifiedSplits.trainTest(strata, 0.7, 7);
        assertEquals(700, split[0].length);
        assertEquals(300, split[1].length);
        assertEquals(70, Arrays.stream(split[0]).filter(i -> strata[i] == 1).count());
        assertEquals(30, Arrays.stream(split[1]).filter(i -> strata[i] == 1).count());
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(split[0]).forEach(seen::add);
        Arrays.stream(split[1]).forEach(i -> assertTrue(seen.add(i), "row " + i + " in both parts"));
        assertEquals(1000, seen.size());
    }

    @Test
    void foldsHaveEqualSizesAndClassCounts() {
        int[] strata = strata();
        int[] fold = StratifiedSplits.kFold(strata, 10, 3);
        for (int f = 0; f < 10; f++) {
            int[] rows = StratifiedSplits.rows(fold, f, true);
            assertEquals(100, rows.length);
            assertEquals(10, Arrays.stream(rows).filter(i -> strata[i] == 1).count());
            assertEquals(900, StratifiedSplits.rows(fold, f, false).length);
        }
    }

    @Test
    void sameSeedGivesSameFoldsAndAnotherSeedOtherFolds() {
        int[] strata = strata();
        assertArrayEquals(StratifiedSplits.kFold(strata, 5, 11), StratifiedSplits.kFold(strata, 5, 11));
        assertFalse(Arrays.equals(StratifiedSplits.kFold(strata, 5, 11), StratifiedSplits.kFold(strata, 5, 12)));
    }
}

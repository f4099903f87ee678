package org.mlops4j.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FewDistinctValuesTest {

    @Test
    void numbersValuesInOrderOfFirstAppearanceAndRanksThemBySize() {
        FewDistinctValues index = new FewDistinctValues(4);
        double[] values = {3.0, 1.0, 3.0, -2.5, 1.0, 1e300};
        int[] expected = {0, 1, 0, 2, 1, 3};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], index.add(values[i]));
        }
        assertEquals(4, index.size());
        assertArrayEquals(new double[] {-2.5, 1.0, 3.0, 1e300}, index.sortedValues());
        assertArrayEquals(new int[] {2, 1, 0, 3}, index.ranks());
    }

    @Test
    void refusesANewValueBeyondTheLimitButStillFindsKnownOnes() {
        FewDistinctValues index = new FewDistinctValues(3);
        for (int i = 0; i < 3; i++) {
            assertEquals(i, index.add(i * 1024.0));
        }
        assertEquals(-1, index.add(7.0));
        assertEquals(2, index.add(2048.0));
        assertEquals(3, index.size());
    }

    @Test
    void keepsSmallIntegersApartThatDifferOnlyInTheirTopBits() {
        FewDistinctValues index = new FewDistinctValues(32);
        for (int i = 0; i < 32; i++) {
            assertEquals(i, index.add(i));
        }
        for (int i = 31; i >= 0; i--) {
            assertEquals(i, index.add(i));
        }
    }
}

package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one tick algorithm of the chart kit, against ranges whose ticks were worked out by hand. */
class AxisTicksTest {

    @Test
    void aStepIsTheSmallestOfOneTwoTwoAndAHalfOrFiveTimesAPowerOfTenGivingAtMostFiveIntervals() {
        assertEquals(0.2, AxisTicks.step(1), 1e-15);       // 1 / 5 = 0.2 exactly
        assertEquals(20, AxisTicks.step(100), 1e-12);      // 100 / 5 = 20
        assertEquals(2.5, AxisTicks.step(12), 1e-12);      // 2.4 -> 2.5, not 5
        assertEquals(50, AxisTicks.step(180), 1e-12);      // 36 -> 50
        assertEquals(2e-4, AxisTicks.step(7e-4), 1e-18);   // 1.4e-4 -> 2e-4
        assertEquals(10, AxisTicks.step(30), 1e-12);       // 6 -> 10
    }

    @Test
    void coveringTicksStartAtOrBelowTheSmallestValueAndEndAtOrAboveTheLargest() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, AxisTicks.covering(0.03, 0.97), 1e-12);
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, AxisTicks.covering(0, 100), 1e-12);
        assertArrayEquals(new double[] {-10, 0, 10, 20, 30, 40, 50}, AxisTicks.covering(-3, 47), 1e-12);
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10, 12.5}, AxisTicks.covering(0, 12), 1e-12);
    }

    @Test
    void aSingleValueIsWidenedByATenthAroundIt() {
        assertArrayEquals(new double[] {4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6}, AxisTicks.covering(5, 5), 1e-12);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, AxisTicks.covering(0, 0), 1e-12);
    }

    @Test
    void ticksWithinAFixedRangeAreTheStepsMultiplesInsideIt() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, AxisTicks.within(0, 1), 1e-12);
        assertArrayEquals(new double[] {-50, 0, 50, 100}, AxisTicks.within(-60, 120), 1e-12);
        assertArrayEquals(new double[] {0.7, 0.75, 0.8}, AxisTicks.within(0.694, 0.826), 1e-12);
        assertArrayEquals(new double[] {20_000, 40_000, 60_000, 80_000}, AxisTicks.within(1200, 98_000), 1e-9);
        assertArrayEquals(new double[] {3}, AxisTicks.within(3, 3));
    }

    @Test
    void aTickWithinNoiseOfZeroIsZero() {
        for (double tick : AxisTicks.covering(-0.3, 0.7)) {
            assertTrue(tick == 0 || Math.abs(tick) >= 0.1 - 1e-12, "tick " + tick);
        }
    }

    @Test
    void timeTicksFallOnWholeDaysForWindowsDaysApart() {
        long day = 86_400_000L;
        double[] ticks = AxisTicks.times(1_714_000_000_000L, 1_714_000_000_000L + 5 * day);
        for (double t : ticks) {
            assertEquals(0, (long) t % day, "a tick at midnight UTC");
        }
        assertTrue(ticks.length <= 7 && ticks[0] <= 1_714_000_000_000L);
        double[] minutes = AxisTicks.times(0, 20 * 60_000);
        assertArrayEquals(new double[] {0, 300_000, 600_000, 900_000, 1_200_000}, minutes, 1e-9,
                "five-minute steps over twenty minutes");
    }
}

package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {

    @Test
    void ticksAreRoundStepsThatCoverTheRange() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, LineChart.ticks(0.03, 0.97), 1e-12);
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, LineChart.ticks(0, 100), 1e-12);
        double[] single = LineChart.ticks(5, 5);
        assertTrue(single[0] < 5 && single[single.length - 1] > 5, "a single value is widened around it");
    }

    @Test
    void timeTicksFallOnWholeDaysForWindowsDaysApart() {
        long day = 86_400_000L;
        double[] ticks = LineChart.timeTicks(1_714_000_000_000L, 1_714_000_000_000L + 5 * day);
        for (double t : ticks) {
            assertEquals(0, (long) t % day, "a tick at midnight UTC");
        }
        assertTrue(ticks.length <= 7 && ticks[0] <= 1_714_000_000_000L);
        double[] minutes = LineChart.timeTicks(0, 20 * 60_000);
        assertEquals(300_000, minutes[1] - minutes[0], 1e-9, "five-minute steps over twenty minutes");
    }

    @Test
    void drawsOneLinePerSeriesAndLeavesOutValuesThatAreNotFinite() {
        Html html = new Html();
        new LineChart("<loss>", "step", false, List.of(
                new LineChart.Series("a", new double[] {0, 1, 2}, new double[] {1, Double.NaN, 3}),
                new LineChart.Series("b", new double[] {0, 1}, new double[] {2, 2}))).render(html);
        String svg = html.toString();
        assertEquals(2, svg.split("<polyline").length - 1);
        assertEquals(4, svg.split("<circle").length - 1, "the NaN point is not drawn");
        assertTrue(svg.contains("aria-label=\"&lt;loss&gt;\""), "the title is escaped");
    }

    @Test
    void saysSoWhenThereIsNothingToDraw() {
        Html html = new Html();
        new LineChart("empty", "step", false, List.of(new LineChart.Series("a", new double[0], new double[0])))
                .render(html);
        assertTrue(html.toString().contains("no finite values to draw"));
    }
}

package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {

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

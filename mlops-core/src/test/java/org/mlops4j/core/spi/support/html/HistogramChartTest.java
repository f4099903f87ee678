package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.core.spi.support.html.BarChartTest.count;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramChartTest {

    @Test
    void drawsBothSamplesPerBinWithValueAndShareTicksAndMarkers() {
        HistogramChart chart = new HistogramChart("Histogram of age", 400, 200, new double[] {0, 10, 20, 30},
                List.of(new PairedBarChart.Series("reference", "#111111", new long[] {2, 6, 2}, 10),
                        new PairedBarChart.Series("current", "#222222", new long[] {1, 1, 8}, 10)),
                List.of(new HistogramChart.Marker(15.25, "#111111", false, "reference median")));
        Html html = new Html();

        chart.render(html);

        String svg = html.toString();
        assertEquals(3 * 2 + 2, count(svg, "<rect "), "two bars per bin and two legend keys");
        assertTrue(svg.contains("<title>[10, 20); reference 6 of 10 (60.00 %); current 1 of 10 (10.00 %)</title>"),
                svg);
        assertTrue(svg.contains("<title>[20, 30]; reference 2 of 10"), "the last bin holds its right edge: " + svg);
        assertTrue(svg.contains(">0</text>") && svg.contains(">30</text>"), "value axis ticks: " + svg);
        assertTrue(svg.contains(">80 %</text>"), "share axis ticks up to the largest share: " + svg);
        assertTrue(svg.contains("<title>reference median: 15.25</title>"), svg);
    }

    @Test
    void refusesCountsThatDoNotMatchTheBins() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HistogramChart("x", 400,
                200, new double[] {0, 1, 2}, List.of(new PairedBarChart.Series("reference", "#111111",
                new long[] {1}, 1)), List.of()));
        assertTrue(e.getMessage().contains("'reference' has 1 counts for 2 bins"), e.getMessage());
    }
}

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

    @Test
    void aFixedRangeShowsTheWholeShareAxisWhateverTheValues() {
        Html fitted = new Html();
        LineChart chart = new LineChart("share", "step", false, List.of(
                new LineChart.Series("a", new double[] {10, 20, 30}, new double[] {0.1, 0.2, 0.3})));
        chart.render(fitted);
        Html fixed = new Html();
        chart.yRange(0, 1).render(fixed);

        assertTrue(!fitted.toString().contains(">1</text>"), "fitted to the data, the axis stops near 0.3");
        assertTrue(fixed.toString().contains(">0</text>") && fixed.toString().contains(">1</text>"), fixed.toString());
    }

    @Test
    void timeTicksLessThanAMinuteApartAreLabelledToTheSecond() {
        Html html = new Html();
        long start = 1_714_000_000_000L;
        new LineChart("windows", "time", true, List.of(new LineChart.Series("a",
                new double[] {start, start + 20_000, start + 40_000}, new double[] {1, 2, 3}))).render(html);
        java.util.List<String> labels = new java.util.ArrayList<>();
        java.util.regex.Matcher tick = java.util.regex.Pattern.compile("text-anchor=\"middle\" class=\"tick\">"
                + "([^<]+)<").matcher(html.toString());
        while (tick.find()) {
            labels.add(tick.group(1));
        }
        assertTrue(labels.size() > 1, html.toString());
        assertEquals(labels.size(), new java.util.HashSet<>(labels).size(), "every tick distinct: " + labels);
    }
}

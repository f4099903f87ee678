package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void drawsOneBarPerSeriesAndCategoryScaledToTheLargestValue() {
        String svg = render(new BarChart("Distribution of x", 200, 130, List.of("a", "b"), List.of(
                new BarChart.Series("reference", "#111111", new double[] {0.25, 0.75}),
                new BarChart.Series("current", "#222222", new double[] {0.5, 0.5})),
                List.of("a: 1, 2", "b: 3, 2"), "no values"));
        assertEquals(4 + 2, count(svg, "<rect "), "four bars and two legend keys");
        assertEquals(2, count(svg, "<title>"), "a tooltip per category");
        // the plot runs from y=20 (under the legend) to y=100 (above the labels): 0.75 is the full 80 pixels;
        // each category has a 90-pixel slot, 44 pixels a bar
        assertTrue(svg.contains("x=\"100.0\" y=\"20.0\" width=\"44.0\" height=\"80.0\" fill=\"#111111\""), svg);
        assertTrue(svg.contains("x=\"144.0\" y=\"46.7\" width=\"44.0\" height=\"53.3\" fill=\"#222222\""), svg);
    }

    @Test
    void escapesEveryLabelTooltipAndTheDescription() {
        String svg = render(new BarChart("<b>x</b>", 200, 130, List.of("<i>", "&"), List.of(
                new BarChart.Series("count", "#111111", new double[] {1, 2})), List.of("<u>", "'"), "none"));
        assertTrue(svg.contains("aria-label=\"&lt;b&gt;x&lt;/b&gt;\"") && svg.contains("&lt;i&gt;")
                && svg.contains("&amp;") && svg.contains("<title>&lt;u&gt;</title>"), svg);
        assertEquals(0, count(svg, "<b>") + count(svg, "<i>") + count(svg, "<u>"));
    }

    @Test
    void anEmptyChartSaysSo() {
        String svg = render(new BarChart("Histogram of x", 200, 130, List.of(), List.of(), List.of(),
                "no finite values"));
        assertTrue(svg.contains(">no finite values</text></svg>"), svg);
    }

    @Test
    void refusesSeriesWhoseLengthDoesNotMatchTheCategories() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BarChart("x", 200, 130,
                List.of("a", "b"), List.of(new BarChart.Series("count", "#111111", new double[] {1})),
                List.of("a", "b"), "none"));
        assertTrue(e.getMessage().contains("'count' has 1 values for 2 categories"), e.getMessage());
    }

    static String render(BarChart chart) {
        Html html = new Html();
        chart.render(html);
        return html.toString();
    }

    static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}

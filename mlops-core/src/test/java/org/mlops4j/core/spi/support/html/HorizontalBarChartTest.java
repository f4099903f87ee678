package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HorizontalBarChartTest {

    @Test
    void drawsARowPerBarScaledToTheLargestWithItsTextAndTooltip() {
        Html html = new Html();
        new HorizontalBarChart("Top values of city", 420, 150, "#4a7ab5", List.of(
                new HorizontalBarChart.Bar("Pune", 4, "4 (66.7%)", "Pune: 4"),
                new HorizontalBarChart.Bar("a very long city name that is cut", 2, "2 (33.3%)", "long: 2")),
                "no values").render(html);
        String svg = html.toString();
        assertEquals(2, BarChartTest.count(svg, "<rect "));
        assertTrue(svg.contains("height=\"40\""), "two rows of 18 pixels and a margin: " + svg);
        // the longest bar fills the room between the labels and the texts: 420 - 150 - 70 = 200 pixels
        assertTrue(svg.contains("width=\"200.0\"") && svg.contains("width=\"100.0\""), svg);
        assertTrue(svg.contains("<title>Pune: 4</title>") && svg.contains(">4 (66.7%)</text>"), svg);
        assertTrue(svg.contains(">a very long city name t\u2026</text>"), "labels are cut to 24 characters: " + svg);
    }

    @Test
    void anEmptyChartSaysSoAndEscapesItsDescription() {
        Html html = new Html();
        new HorizontalBarChart("Top values of <x>", 420, 150, "#4a7ab5", List.of(), "no values").render(html);
        String svg = html.toString();
        assertTrue(svg.contains("aria-label=\"Top values of &lt;x&gt;\"") && svg.contains(">no values</text>"), svg);
    }

    @Test
    void drawsWhiskersAndPointsOverTheBarAndNegativeValuesLeftOfAZeroLine() {
        Html html = new Html();
        new HorizontalBarChart("importance", 370, 100, "#1f77b4", List.of(
                new HorizontalBarChart.Bar("a", 2, "2", "a: 2", 1, 3, List.of(1.5, 2.5)),
                new HorizontalBarChart.Bar("b", -1, "-1", "b: -1")), "none", "Importance",
                HorizontalBarChart.Axis.FROM_ZERO).render(html);
        String svg = html.toString();
        // the axis spans [-1, 3] over 370 - 100 - 70 = 200 pixels: zero at 150, 2 at 250, 1 at 200, 3 at 300
        assertTrue(svg.contains("<rect x=\"150.0\" y=\"26\" width=\"100.0\""), "bar a from zero: " + svg);
        assertTrue(svg.contains("<rect x=\"100.0\" y=\"44\" width=\"50.0\""), "bar b left of zero: " + svg);
        assertTrue(svg.contains("x1=\"200.0\" y1=\"33.0\" x2=\"300.0\" y2=\"33.0\""), "the whisker: " + svg);
        assertEquals(2, BarChartTest.count(svg, "<circle "), "one dot per point");
        assertTrue(svg.contains(">Importance</text>") && svg.contains("x1=\"150.0\" y1=\"24\""),
                "the title and the zero line: " + svg);
        assertTrue(svg.contains("x=\"304.0\" y=\"39\">2</text>"), "the text follows the whisker's end: " + svg);
    }

    @Test
    void aFittedAxisSpansTheValuesWithAMarkerPerRowAndRoundTicks() {
        Html html = new Html();
        new HorizontalBarChart("AUC", 370, 100, "#1f77b4", List.of(
                new HorizontalBarChart.Bar("lr", 0.80, "0.80", "lr", 0.78, 0.82, List.of()),
                new HorizontalBarChart.Bar("dt", 0.70, "0.70", "dt")), "none", "AUC",
                HorizontalBarChart.Axis.FITTED).render(html);
        String svg = html.toString();
        // [0.70, 0.82] padded by 5% of 0.12 each side: [0.694, 0.826], with round ticks every 0.05 inside it
        assertTrue(svg.contains(">0.7</text>") && svg.contains(">0.75</text>") && svg.contains(">0.8</text>"), svg);
        assertFalse(svg.contains(">0.694</text>") || svg.contains(">0.85</text>"), "no tick outside the axis: " + svg);
        assertTrue(svg.contains("width=\"4\""), "a marker, not a bar from zero: " + svg);
        assertTrue(svg.contains("x=\"304.0\" y=\"39\">0.80</text>") && svg.contains("x=\"304.0\" y=\"57\">0.70"),
                "texts line up after the axis: " + svg);
    }
}

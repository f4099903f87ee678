package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}

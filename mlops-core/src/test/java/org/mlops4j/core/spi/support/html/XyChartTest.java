package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class XyChartTest {

    @Test
    void mapsLinesPointsAndTheDiagonalOntoTheChosenRangeAndLeavesOutNonFinitePoints() {
        Html html = new Html();
        new XyChart("ROC curve", "false positive rate", "true positive rate", 0, 1, 0, 1)
                .line("model", Svg.colour(0), new double[] {0, 0.5, Double.NaN, 1}, new double[] {0, 0.8, 0.9, 1},
                        false)
                .points(null, Svg.colour(0), new double[] {0.5, Double.NaN}, new double[] {0.8, 1}, 3,
                        List.of("half <b>", "never drawn"))
                .diagonal("chance").render(html);
        String svg = html.toString();
        // the plot area spans x 58..444 and y 294..30
        assertTrue(svg.contains("points=\"58.0,294.0 251.0,82.8 444.0,30.0\""), svg);
        assertTrue(svg.contains("points=\"58.0,294.0 444.0,30.0\"") && svg.contains("stroke-dasharray=\"5,4\""),
                "the diagonal is dashed: " + svg);
        assertEquals(1, BarChartTest.count(svg, "<circle "), "the point with a NaN is left out");
        assertTrue(svg.contains("<title>half &lt;b&gt;</title>"), "tooltips are escaped: " + svg);
        assertTrue(svg.contains(">model</text>") && svg.contains(">chance</text>"), "the legend: " + svg);
        assertTrue(svg.contains(">0.2</text>") && svg.contains(">1</text>"), "round ticks: " + svg);
    }

    @Test
    void drawsBarsOverNumericIntervalsFromZero() {
        Html html = new Html();
        new XyChart("Residuals", "residual", "rows", -2, 2, 0, 10).bar("#1f77b4", -1, 0, 5, "5 rows in [-1, 0)")
                .legendEntry("residual", "#1f77b4").render(html);
        String svg = html.toString();
        assertTrue(svg.contains("<rect x=\"154.5\" y=\"162.0\" width=\"96.5\" height=\"132.0\""), svg);
        assertTrue(svg.contains("<title>5 rows in [-1, 0)</title>") && svg.contains(">residual</text>"), svg);
    }

    @Test
    void aRangeIsPaddedAroundTheFiniteValues() {
        assertArrayEquals(new double[] {-0.4, 10.4}, XyChart.range(new double[] {0, Double.NaN}, new double[] {10}),
                1e-12);
        assertArrayEquals(new double[] {0, 1}, XyChart.range(new double[] {Double.NaN}));
    }
}

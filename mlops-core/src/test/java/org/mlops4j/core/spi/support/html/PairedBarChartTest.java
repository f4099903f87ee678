package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.core.spi.support.html.BarChartTest.count;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedBarChartTest {

    private static String render(PairedBarChart chart) {
        Html html = new Html();
        chart.render(html);
        return html.toString();
    }

    @Test
    void labelsEveryCategoryWithBothSharesAndExactTooltips() {
        PairedBarChart chart = new PairedBarChart("Shares of city", 500, 120, List.of("<Paris>", "Lyon", "other"),
                new PairedBarChart.Series("reference", "#111111", new long[] {50, 30, 20}, 100),
                new PairedBarChart.Series("current", "#222222", new long[] {5, 60, 35}, 100));

        String svg = render(chart);

        assertTrue(svg.contains(">&lt;Paris&gt;</text>") && svg.contains(">Lyon</text>") && svg.contains(">other<"),
                svg);
        assertTrue(svg.contains(">50 %</text>") && svg.contains(">5.0 %</text>") && svg.contains(">60 %</text>"), svg);
        assertTrue(svg.contains("<title>Lyon: reference 30 of 100 (30.00 %); current 60 of 100 (60.00 %)</title>"),
                svg);
        assertEquals(3 * 2 + 2, count(svg, "<rect "), "two bars per category and two legend keys");
        assertEquals(20 + 3 * 26 + 24, chart.height());
    }

    @Test
    void refusesCountsThatDoNotMatchTheCategories() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PairedBarChart("x", 500,
                120, List.of("a", "b"), new PairedBarChart.Series("reference", "#111111", new long[] {1}, 1),
                new PairedBarChart.Series("current", "#222222", new long[] {1, 2}, 3)));
        assertTrue(e.getMessage().contains("'reference' has 1 counts for 2 categories"), e.getMessage());
    }
}

package org.mlops4j.core.spi.support.html;

import java.util.List;
import java.util.Objects;

/**
 * A horizontal bar chart drawn as inline SVG: one row per bar, top to bottom, with its label on the left, a bar
 * scaled to the largest value, a tooltip, and a text (the value, a share) after the bar.
 *
 * <p>Part of the chart kit of this package (with {@link LineChart} and {@link BarChart}); rendered into an
 * {@link Html} document. Immutable.
 *
 * @param description what the chart shows, for screen readers
 * @param width       the width in pixels
 * @param labelWidth  the width of the labels' column in pixels
 * @param colour      the bars' colour
 * @param bars        the rows, top to bottom
 * @param emptyText   what is written when there is no bar
 */
public record HorizontalBarChart(String description, int width, int labelWidth, String colour, List<Bar> bars,
                                 String emptyText) {

    private static final int ROW_HEIGHT = 18;
    private static final int TEXT_ROOM = 70;
    private static final int LONGEST_LABEL = 24;

    /**
     * One row.
     *
     * @param label   the label, cut to {@value #LONGEST_LABEL} characters
     * @param value   the bar's length in any unit, not negative
     * @param text    written after the bar
     * @param tooltip the bar's tooltip
     */
    public record Bar(String label, double value, String text, String tooltip) {
        /** Checks the texts are present. */
        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(tooltip, "tooltip");
        }
    }

    /** Copies the rows. */
    public HorizontalBarChart {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(emptyText, "emptyText");
        bars = List.copyOf(bars);
    }

    /**
     * Draws the chart.
     *
     * @param html where to write the {@code svg} element
     */
    public void render(Html html) {
        Svg.open(html, width, Math.max(1, bars.size()) * ROW_HEIGHT + 4, description);
        if (bars.isEmpty()) {
            html.element("text", emptyText, "x", "10", "y", "14").close("svg");
            return;
        }
        double max = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(0);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double w = max == 0 || !Double.isFinite(bar.value()) ? 0 : bar.value() / max * (width - labelWidth
                    - TEXT_ROOM);
            int y = i * ROW_HEIGHT + 2;
            String baseline = Integer.toString(y + 13);
            html.element("text", Svg.shorten(bar.label(), LONGEST_LABEL), "x", Integer.toString(labelWidth - 5),
                    "y", baseline, "text-anchor", "end");
            html.open("rect", "x", Integer.toString(labelWidth), "y", Integer.toString(y), "width", Svg.px(w),
                    "height", Integer.toString(ROW_HEIGHT - 4), "fill", colour)
                    .element("title", bar.tooltip()).close("rect");
            html.element("text", bar.text(), "x", Svg.px(labelWidth + w + 4), "y", baseline);
        }
        html.close("svg");
    }
}

package org.mlops4j.core.spi.support.html;

import java.util.List;
import java.util.Objects;

/**
 * A vertical bar chart drawn as inline SVG: one group of bars per category (a histogram bin, a category label), one
 * bar per series in each group, scaled to the largest value over all series; a tooltip per group, a legend when there
 * are several series, and the first and last categories labelled under the base line.
 *
 * <p>Part of the chart kit of this package (with {@link LineChart} and {@link HorizontalBarChart}); rendered into an
 * {@link Html} document. Immutable.
 *
 * @param description what the chart shows, for screen readers
 * @param width       the width in pixels
 * @param height      the height in pixels, labels included
 * @param categories  the groups, left to right
 * @param series      the bars of each group; each has one value per category
 * @param tooltips    one tooltip per category
 * @param emptyText   what is written when there is no category
 */
public record BarChart(String description, int width, int height, List<String> categories, List<Series> series,
                       List<String> tooltips, String emptyText) {

    private static final int MARGIN = 10;
    private static final int LEGEND_HEIGHT = 20;
    private static final int LEGEND_SPACING = 90;
    private static final int LABELS_HEIGHT = 30;

    /**
     * One bar per category.
     *
     * @param name   the series' name, shown in the legend
     * @param colour its fill colour
     * @param values one value per category, not negative; NaN draws no bar
     */
    public record Series(String name, String colour, double[] values) {
        /** Copies the values. */
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(colour, "colour");
            values = values.clone();
        }
    }

    /** Copies the lists and checks that every series and the tooltips have one entry per category. */
    public BarChart {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(emptyText, "emptyText");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        tooltips = List.copyOf(tooltips);
        for (Series s : series) {
            if (s.values().length != categories.size()) {
                throw new IllegalArgumentException("The series '" + s.name() + "' has " + s.values().length
                        + " values for " + categories.size() + " categories; give one value per category.");
            }
        }
        if (tooltips.size() != categories.size()) {
            throw new IllegalArgumentException("A bar chart needs one tooltip per category: " + tooltips.size()
                    + " tooltips for " + categories.size() + " categories.");
        }
    }

    /**
     * Draws the chart.
     *
     * @param html where to write the {@code svg} element
     */
    public void render(Html html) {
        Svg.open(html, width, height, description);
        if (categories.isEmpty() || series.isEmpty()) {
            html.element("text", emptyText, "x", "10", "y", "20").close("svg");
            return;
        }
        boolean legend = series.size() > 1;
        if (legend) {
            legend(html);
        }
        int top = legend ? LEGEND_HEIGHT : 4;
        int bottom = height - LABELS_HEIGHT;
        double max = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                max = Double.isFinite(v) ? Math.max(max, v) : max;
            }
        }
        max = max == 0 ? 1 : max;
        double slot = (double) (width - 2 * MARGIN) / categories.size();
        double bar = Math.max(1, slot / series.size() - 1);
        for (int i = 0; i < categories.size(); i++) {
            html.open("g").element("title", tooltips.get(i));
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values()[i];
                double h = Double.isFinite(v) ? (bottom - top) * v / max : 0;
                html.empty("rect", "x", Svg.px(MARGIN + i * slot + s * bar), "y", Svg.px(bottom - h),
                        "width", Svg.px(bar), "height", Svg.px(h), "fill", series.get(s).colour());
            }
            html.close("g");
        }
        html.empty("line", "x1", Integer.toString(MARGIN), "y1", Integer.toString(bottom),
                "x2", Integer.toString(width - MARGIN), "y2", Integer.toString(bottom), "stroke", "#888");
        html.element("text", categories.get(0), "x", Integer.toString(MARGIN), "y", Integer.toString(bottom + 14),
                "font-size", "10");
        html.element("text", categories.get(categories.size() - 1), "x", Integer.toString(width - MARGIN),
                "y", Integer.toString(bottom + 26), "font-size", "10", "text-anchor", "end");
        html.close("svg");
    }

    private void legend(Html html) {
        for (int s = 0; s < series.size(); s++) {
            int x = MARGIN + s * LEGEND_SPACING;
            html.empty("rect", "x", Integer.toString(x), "y", "2", "width", "10", "height", "10",
                    "fill", series.get(s).colour());
            html.element("text", series.get(s).name(), "x", Integer.toString(x + 14), "y", "11", "font-size", "11");
        }
    }
}

package org.mlops4j.core.spi.support.html;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Two shares per category side by side, drawn horizontally as inline SVG: one row per category with its label on the
 * left, a bar for each series (reference and current, say) with its percentage written after it, an axis of
 * percentages under the rows, a legend on top, and a tooltip per row with the exact counts and shares. Every category
 * is labelled, however many there are (the caller cuts long lists, to the top 20 and "other", say).
 *
 * <p>Part of the chart kit of this package; rendered into an {@link Html} document. Immutable.
 *
 * @param description what the chart shows, for screen readers
 * @param width       the width in pixels
 * @param labelWidth  the width of the label column in pixels
 * @param categories  the rows, top to bottom
 * @param first       the first series (drawn on top in each row)
 * @param second      the second series
 */
public record PairedBarChart(String description, int width, int labelWidth, List<String> categories, Series first,
                             Series second) {

    private static final int ROW_HEIGHT = 26;
    private static final int LEGEND_HEIGHT = 20;
    private static final int AXIS_HEIGHT = 24;
    private static final int TEXT_WIDTH = 56;
    private static final int LABEL_CHARACTERS = 28;

    /**
     * One series: a count per category out of a total.
     *
     * @param name   the series' name, shown in the legend and tooltips
     * @param colour its fill colour
     * @param counts one count per category, not negative
     * @param total  the total the shares are taken of (at least the sum of the counts; 0 draws no bars)
     */
    public record Series(String name, String colour, long[] counts, long total) {
        /** Copies the counts. */
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(colour, "colour");
            counts = counts.clone();
        }

        double share(int i) {
            return total == 0 ? 0 : (double) counts[i] / total;
        }
    }

    /** Copies the list and checks that both series have one count per category. */
    public PairedBarChart {
        Objects.requireNonNull(description, "description");
        categories = List.copyOf(categories);
        for (Series s : List.of(first, second)) {
            if (s.counts().length != categories.size()) {
                throw new IllegalArgumentException("The series '" + s.name() + "' has " + s.counts().length
                        + " counts for " + categories.size() + " categories; give one count per category.");
            }
        }
    }

    /** @return the height in pixels the chart takes */
    public int height() {
        return LEGEND_HEIGHT + categories.size() * ROW_HEIGHT + AXIS_HEIGHT;
    }

    /**
     * Draws the chart.
     *
     * @param html where to write the {@code svg} element
     */
    public void render(Html html) {
        Svg.open(html, width, height(), description);
        legend(html);
        double max = 0;
        for (int i = 0; i < categories.size(); i++) {
            max = Math.max(max, Math.max(first.share(i), second.share(i)));
        }
        double[] ticks = AxisTicks.covering(0, max == 0 ? 0.01 : max);
        double top = ticks[ticks.length - 1];
        double plot = width - labelWidth - TEXT_WIDTH;
        for (int i = 0; i < categories.size(); i++) {
            double y = LEGEND_HEIGHT + i * ROW_HEIGHT;
            String label = categories.get(i);
            html.open("g").element("title", label + ": " + exact(first, i) + "; " + exact(second, i));
            html.element("text", Svg.shorten(label, LABEL_CHARACTERS), "x", Integer.toString(labelWidth - 6),
                    "y", Svg.px(y + 16), "font-size", "11", "text-anchor", "end");
            bar(html, first, i, y + 2, plot, top);
            bar(html, second, i, y + 13, plot, top);
            html.close("g");
        }
        double base = LEGEND_HEIGHT + categories.size() * ROW_HEIGHT + 2;
        html.empty("line", "x1", Integer.toString(labelWidth), "y1", Svg.px(base), "x2", Svg.px(labelWidth + plot),
                "y2", Svg.px(base), "stroke", "#888");
        for (double tick : ticks) {
            double x = labelWidth + plot * tick / top;
            html.empty("line", "x1", Svg.px(x), "y1", Svg.px(base), "x2", Svg.px(x), "y2", Svg.px(base + 4),
                    "stroke", "#888");
            html.element("text", percent(tick), "x", Svg.px(x), "y", Svg.px(base + 16), "font-size", "10",
                    "text-anchor", "middle");
        }
        html.close("svg");
    }

    private void bar(Html html, Series s, int i, double y, double plot, double top) {
        double w = plot * s.share(i) / top;
        html.empty("rect", "x", Integer.toString(labelWidth), "y", Svg.px(y), "width", Svg.px(w), "height", "10",
                "fill", s.colour());
        html.element("text", percent(s.share(i)), "x", Svg.px(labelWidth + w + 4), "y", Svg.px(y + 9),
                "font-size", "10");
    }

    private void legend(Html html) {
        int x = labelWidth;
        for (Series s : List.of(first, second)) {
            html.empty("rect", "x", Integer.toString(x), "y", "2", "width", "10", "height", "10", "fill", s.colour());
            html.element("text", s.name(), "x", Integer.toString(x + 14), "y", "11", "font-size", "11");
            x += 100;
        }
    }

    private static String exact(Series s, int i) {
        return s.name() + " " + s.counts()[i] + " of " + s.total() + " ("
                + String.format(Locale.ROOT, "%.2f", 100 * s.share(i)) + " %)";
    }

    private static String percent(double share) {
        double p = 100 * share;
        return String.format(Locale.ROOT, p >= 10 || p == 0 ? "%.0f %%" : "%.1f %%", p);
    }
}

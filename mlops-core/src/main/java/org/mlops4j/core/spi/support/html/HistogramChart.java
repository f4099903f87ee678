package org.mlops4j.core.spi.support.html;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Histograms of two samples over the same bins, drawn as inline SVG: per bin one bar per sample (its share of that
 * sample), a value axis with round ticks under the bins, a share axis with percentage ticks on the left, vertical
 * markers at chosen values (quantiles, say), a legend, and tooltips with each bin's exact range, counts and shares and
 * each marker's exact value.
 *
 * <p>Part of the chart kit of this package; rendered into an {@link Html} document. Immutable.
 *
 * @param description what the chart shows, for screen readers
 * @param width       the width in pixels
 * @param height      the height in pixels, axes and legend included
 * @param edges       the bin edges, ascending, one more than the bins
 * @param series      the samples, each with one count per bin
 * @param markers     vertical lines at values, drawn over the bars
 */
public record HistogramChart(String description, int width, int height, double[] edges,
                             List<PairedBarChart.Series> series, List<Marker> markers) {

    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 22;
    private static final int BOTTOM = 22;

    /**
     * A vertical line at a value.
     *
     * @param value  where, on the value axis
     * @param colour its colour
     * @param dashed whether the line is dashed
     * @param label  what it marks, for its tooltip (the exact value is added)
     */
    public record Marker(double value, String colour, boolean dashed, String label) {
        /** Checks that nothing is missing. */
        public Marker {
            Objects.requireNonNull(colour, "colour");
            Objects.requireNonNull(label, "label");
        }
    }

    /** Copies the arrays and checks that every series has one count per bin. */
    public HistogramChart {
        Objects.requireNonNull(description, "description");
        edges = edges.clone();
        series = List.copyOf(series);
        markers = List.copyOf(markers);
        if (edges.length < 2) {
            throw new IllegalArgumentException("A histogram needs at least two bin edges, got " + edges.length);
        }
        for (PairedBarChart.Series s : series) {
            if (s.counts().length != edges.length - 1) {
                throw new IllegalArgumentException("The series '" + s.name() + "' has " + s.counts().length
                        + " counts for " + (edges.length - 1) + " bins; give one count per bin.");
            }
        }
    }

    /** @return a copy of the bin edges */
    @Override
    public double[] edges() {
        return edges.clone();
    }

    /**
     * Draws the chart.
     *
     * @param html where to write the {@code svg} element
     */
    public void render(Html html) {
        Svg.open(html, width, height, description);
        int bins = edges.length - 1;
        double lo = edges[0];
        double hi = edges[bins];
        double plotWidth = width - LEFT - RIGHT;
        double bottom = height - BOTTOM;
        double max = 0;
        for (PairedBarChart.Series s : series) {
            for (int i = 0; i < bins; i++) {
                max = Math.max(max, s.share(i));
            }
        }
        double[] shareTicks = AxisTicks.covering(0, max == 0 ? 0.01 : max);
        double top = shareTicks[shareTicks.length - 1];
        for (double tick : shareTicks) {
            double y = bottom - (bottom - TOP) * tick / top;
            html.empty("line", "x1", Integer.toString(LEFT - 4), "y1", Svg.px(y), "x2", Svg.px(width - RIGHT),
                    "y2", Svg.px(y), "stroke", tick == 0 ? "#888" : "#eee");
            html.element("text", String.format(Locale.ROOT, "%s %%", ValueFormats.tick(100 * tick)),
                    "x", Integer.toString(LEFT - 6), "y", Svg.px(y + 3), "font-size", "10", "text-anchor", "end");
        }
        double slot = plotWidth / bins;
        double bar = Math.max(1, slot / Math.max(1, series.size()) - 0.5);
        for (int i = 0; i < bins; i++) {
            StringBuilder tip = new StringBuilder("[" + ValueFormats.number(edges[i]) + ", "
                    + ValueFormats.number(edges[i + 1]) + (i + 1 == bins ? "]" : ")"));
            for (PairedBarChart.Series s : series) {
                tip.append("; ").append(s.name()).append(' ').append(s.counts()[i]).append(" of ").append(s.total())
                        .append(String.format(Locale.ROOT, " (%.2f %%)", 100 * s.share(i)));
            }
            html.open("g").element("title", tip.toString());
            for (int k = 0; k < series.size(); k++) {
                double h = (bottom - TOP) * series.get(k).share(i) / top;
                html.empty("rect", "x", Svg.px(LEFT + i * slot + k * bar), "y", Svg.px(bottom - h), "width",
                        Svg.px(bar), "height", Svg.px(h), "fill", series.get(k).colour());
            }
            html.close("g");
        }
        for (double tick : AxisTicks.within(lo, hi)) {
            double x = LEFT + plotWidth * (tick - lo) / (hi - lo);
            html.empty("line", "x1", Svg.px(x), "y1", Svg.px(bottom), "x2", Svg.px(x), "y2", Svg.px(bottom + 4),
                    "stroke", "#888");
            html.element("text", ValueFormats.tick(tick), "x", Svg.px(x), "y", Svg.px(bottom + 15), "font-size",
                    "10", "text-anchor", "middle");
        }
        for (Marker m : markers) {
            double x = LEFT + plotWidth * (m.value() - lo) / (hi - lo);
            html.open("g").element("title", m.label() + ": " + ValueFormats.number(m.value()));
            html.empty("line", "x1", Svg.px(x), "y1", Integer.toString(TOP), "x2", Svg.px(x), "y2", Svg.px(bottom),
                    "stroke", m.colour(), "stroke-width", "2", "stroke-dasharray", m.dashed() ? "4 3" : "none");
            html.close("g");
        }
        int x = LEFT;
        for (PairedBarChart.Series s : series) {
            html.empty("rect", "x", Integer.toString(x), "y", "2", "width", "10", "height", "10", "fill", s.colour());
            html.element("text", s.name(), "x", Integer.toString(x + 14), "y", "11", "font-size", "11");
            x += 100;
        }
        html.close("svg");
    }
}

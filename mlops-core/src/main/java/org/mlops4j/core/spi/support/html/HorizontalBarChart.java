package org.mlops4j.core.spi.support.html;

import java.util.List;
import java.util.Objects;

/**
 * A horizontal bar chart drawn as inline SVG: one row per bar, top to bottom, with its label on the left, a bar
 * scaled to the largest value, a tooltip, and a text (the value, a share) after the bar. A bar may carry a whisker
 * (such as mean ± std) and points (such as per-fold values) drawn over it; negative values grow left of a zero line.
 * With {@link Axis#FITTED} the axis spans only the values and each bar becomes a marker at its value, for scores that
 * differ in the second decimal, where bars from zero would all look alike.
 *
 * <p>Part of the chart kit of this package (with {@link LineChart}, {@link XyChart} and {@link BarChart}); rendered
 * into an {@link Html} document. Immutable.
 *
 * @param description what the chart shows, for screen readers
 * @param width       the width in pixels
 * @param labelWidth  the width of the labels' column in pixels
 * @param colour      the bars' colour
 * @param bars        the rows, top to bottom
 * @param emptyText   what is written when there is no bar
 * @param title       a title drawn above the rows, or the empty string for none
 * @param axis        where the value axis starts
 */
public record HorizontalBarChart(String description, int width, int labelWidth, String colour, List<Bar> bars,
                                 String emptyText, String title, Axis axis) {

    private static final int ROW_HEIGHT = 18;
    private static final int TEXT_ROOM = 70;
    private static final int LONGEST_LABEL = 24;
    private static final int TITLE_ROOM = 24;
    private static final int AXIS_ROOM = 16;
    private static final String WHISKER_GREY = "#333333";

    /** Where the value axis starts. */
    public enum Axis {
        /** At zero (or at the lowest negative value): bars from zero, lengths comparable. */
        FROM_ZERO,
        /** At the lowest value shown, padded: a marker per row, its position read on a labelled axis below. */
        FITTED
    }

    /**
     * One row.
     *
     * @param label   the label, cut to {@value #LONGEST_LABEL} characters
     * @param value   the bar's length in any unit
     * @param text    written after the bar
     * @param tooltip the bar's tooltip
     * @param low     the whisker's left end, or NaN for none
     * @param high    the whisker's right end, or NaN for none
     * @param points  values drawn as dots on the row, such as one per fold; may be empty
     */
    public record Bar(String label, double value, String text, String tooltip, double low, double high,
                      List<Double> points) {
        /** Checks the texts are present and copies the points. */
        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(tooltip, "tooltip");
            points = List.copyOf(points);
        }

        /**
         * A row with a bar only.
         *
         * @param label   the label
         * @param value   the bar's length
         * @param text    written after the bar
         * @param tooltip the bar's tooltip
         */
        public Bar(String label, double value, String text, String tooltip) {
            this(label, value, text, tooltip, Double.NaN, Double.NaN, List.of());
        }

        private boolean hasWhisker() {
            return Double.isFinite(low) && Double.isFinite(high);
        }
    }

    /** Copies the rows. */
    public HorizontalBarChart {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(emptyText, "emptyText");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(axis, "axis");
        bars = List.copyOf(bars);
    }

    /**
     * A chart without title whose bars start at zero.
     *
     * @param description what the chart shows, for screen readers
     * @param width       the width in pixels
     * @param labelWidth  the width of the labels' column in pixels
     * @param colour      the bars' colour
     * @param bars        the rows, top to bottom
     * @param emptyText   what is written when there is no bar
     */
    public HorizontalBarChart(String description, int width, int labelWidth, String colour, List<Bar> bars,
                              String emptyText) {
        this(description, width, labelWidth, colour, bars, emptyText, "", Axis.FROM_ZERO);
    }

    /**
     * Draws the chart.
     *
     * @param html where to write the {@code svg} element
     */
    public void render(Html html) {
        int top = title.isEmpty() ? 0 : TITLE_ROOM;
        int axisRoom = axis == Axis.FITTED && !bars.isEmpty() ? AXIS_ROOM : 0;
        Svg.open(html, width, top + Math.max(1, bars.size()) * ROW_HEIGHT + 4 + axisRoom, description);
        if (!title.isEmpty()) {
            html.element("text", title, "x", Integer.toString(width / 2), "y", "16", "text-anchor", "middle",
                    "class", "chart-title");
        }
        if (bars.isEmpty()) {
            html.element("text", emptyText, "x", "10", "y", Integer.toString(top + 14)).close("svg");
            return;
        }
        double[] range = range();
        double plotWidth = width - labelWidth - TEXT_ROOM;
        Scale scale = new Scale(range[0], range[1] - range[0], labelWidth, plotWidth);
        for (int i = 0; i < bars.size(); i++) {
            row(html, bars.get(i), top + i * ROW_HEIGHT + 2, scale);
        }
        int bottom = top + bars.size() * ROW_HEIGHT + 2;
        if (axis == Axis.FITTED) {
            fittedAxis(html, scale, top, bottom);
        } else if (range[0] < 0) {
            String zero = Svg.px(scale.map(0));
            html.empty("line", "x1", zero, "y1", Integer.toString(top), "x2", zero, "y2", Integer.toString(bottom),
                    "stroke", "#999999");
        }
        html.close("svg");
    }

    private void row(Html html, Bar bar, int y, Scale scale) {
        String baseline = Integer.toString(y + 13);
        double middle = y + (ROW_HEIGHT - 4) / 2.0;
        html.element("text", Svg.shorten(bar.label(), LONGEST_LABEL), "x", Integer.toString(labelWidth - 5),
                "y", baseline, "text-anchor", "end");
        double right = labelWidth;
        if (Double.isFinite(bar.value()) && axis == Axis.FITTED) {
            html.open("rect", "x", Svg.px(scale.map(bar.value()) - 2), "y", Integer.toString(y), "width", "4",
                    "height", Integer.toString(ROW_HEIGHT - 4), "fill", colour)
                    .element("title", bar.tooltip()).close("rect");
        } else if (Double.isFinite(bar.value())) {
            double zero = scale.map(0);
            double end = scale.map(bar.value());
            html.open("rect", "x", Svg.px(Math.min(zero, end)), "y", Integer.toString(y), "width",
                    Svg.px(Math.abs(end - zero)), "height", Integer.toString(ROW_HEIGHT - 4), "fill", colour)
                    .element("title", bar.tooltip()).close("rect");
            right = Math.max(zero, end);
        }
        if (bar.hasWhisker()) {
            double from = scale.map(bar.low());
            double to = scale.map(bar.high());
            line(html, from, middle, to, middle);
            line(html, from, middle - 4, from, middle + 4);
            line(html, to, middle - 4, to, middle + 4);
            right = Math.max(right, to);
        }
        for (double point : bar.points()) {
            if (Double.isFinite(point)) {
                html.empty("circle", "cx", Svg.px(scale.map(point)), "cy", Svg.px(middle), "r", "2.2", "fill",
                        "#222222", "fill-opacity", "0.6");
                right = Math.max(right, scale.map(point));
            }
        }
        double textAt = axis == Axis.FITTED ? labelWidth + scale.length() : right;
        html.element("text", bar.text(), "x", Svg.px(textAt + 4), "y", baseline);
    }

    private static void line(Html html, double x1, double y1, double x2, double y2) {
        html.empty("line", "x1", Svg.px(x1), "y1", Svg.px(y1), "x2", Svg.px(x2), "y2", Svg.px(y2), "stroke",
                WHISKER_GREY);
    }

    private void fittedAxis(Html html, Scale scale, int top, int bottom) {
        html.empty("line", "x1", Integer.toString(labelWidth), "y1", Integer.toString(bottom), "x2",
                Svg.px(labelWidth + scale.length()), "y2", Integer.toString(bottom), "stroke", "#999999");
        for (double tick : AxisTicks.within(scale.from(), scale.from() + scale.span())) {
            String x = Svg.px(scale.map(tick));
            html.empty("line", "x1", x, "y1", Integer.toString(top), "x2", x, "y2", Integer.toString(bottom),
                    "stroke", "#eeeeee");
            html.element("text", ValueFormats.tick(tick), "x", x, "y", Integer.toString(bottom + 13),
                    "text-anchor", "middle", "class", "tick");
        }
    }

    /** @return the lowest and highest value shown: from zero, or fitted to the values, whiskers and points */
    private double[] range() {
        boolean fitted = axis == Axis.FITTED;
        double low = fitted ? Double.POSITIVE_INFINITY : 0;
        double high = fitted ? Double.NEGATIVE_INFINITY : 0;
        for (Bar bar : bars) {
            for (double v : new double[] {bar.value(), bar.low(), bar.high()}) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            for (double v : bar.points()) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (fitted) {
            double pad = high > low ? (high - low) * 0.05 : Math.max(Math.abs(high) * 0.05, 1e-3);
            low = Double.isFinite(low) ? low - pad : 0;
            high = Double.isFinite(high) ? high + pad : 1;
        }
        return new double[] {low, high};
    }

    /** Maps values in [from, from + span] onto [offset, offset + length] pixels; an empty span maps to offset. */
    private record Scale(double from, double span, double offset, double length) {
        double map(double value) {
            return span > 0 ? offset + (value - from) / span * length : offset;
        }
    }
}

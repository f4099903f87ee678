package org.mlops4j.models.internal.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A horizontal bar chart in SVG: one labelled bar per row, optionally a whisker (such as mean ± std) and points
 * (such as per-fold values) over it; negative values grow left of a zero line. Used for feature importances and
 * leaderboards. {@link #renderZoomed} draws the same rows as a dot plot on an axis fitted to the values (for scores
 * that differ in the second decimal, where bars from zero would all look alike).
 */
public final class HorizontalBars {

    private static final int WIDTH = 680;
    private static final int LABEL_WIDTH = 220;
    private static final int VALUE_WIDTH = 80;
    private static final int ROW_HEIGHT = 20;
    private static final int TOP = 26;

    /**
     * One bar.
     *
     * @param label   the row's label, left of the bar
     * @param value   the bar's length in data units
     * @param text    the value as printed right of the bar
     * @param tooltip the bar's tooltip
     * @param low     the whisker's left end, or NaN for none
     * @param high    the whisker's right end, or NaN for none
     * @param points  values drawn as dots on the row (may be empty)
     */
    public record Bar(String label, double value, String text, String tooltip, double low, double high,
            double[] points) {

        /**
         * @param label   the row's label
         * @param value   the bar's length
         * @param text    the printed value
         * @param tooltip the tooltip
         * @return a bar without whisker or points
         */
        public static Bar plain(String label, double value, String text, String tooltip) {
            return new Bar(label, value, text, tooltip, Double.NaN, Double.NaN, new double[0]);
        }
    }

    private HorizontalBars() {
    }

    /**
     * @param m      where to write the {@code svg} element
     * @param title  the chart's title
     * @param bars   the rows, top to bottom
     * @param colour the bars' colour
     */
    public static void render(Markup m, String title, List<Bar> bars, String colour) {
        draw(m, title, bars, colour, false);
    }

    /**
     * As {@link #render}, with the axis fitted to the values (not from zero), the mean as a marker instead of a bar,
     * and the axis' ends and middle labelled.
     *
     * @param m      where to write the {@code svg} element
     * @param title  the chart's title
     * @param bars   the rows, top to bottom
     * @param colour the markers' colour
     */
    public static void renderZoomed(Markup m, String title, List<Bar> bars, String colour) {
        draw(m, title, bars, colour, true);
    }

    private static void draw(Markup m, String title, List<Bar> bars, String colour, boolean zoomed) {
        double lo = zoomed ? Double.POSITIVE_INFINITY : 0;
        double hi = zoomed ? Double.NEGATIVE_INFINITY : 0;
        for (Bar b : bars) {
            for (double v : new double[] {b.value(), b.low(), b.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            for (double p : b.points()) {
                if (Double.isFinite(p)) {
                    lo = Math.min(lo, p);
                    hi = Math.max(hi, p);
                }
            }
        }
        if (zoomed) {
            double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(hi) * 0.05, 1e-3);
            lo = Double.isFinite(lo) ? lo - pad : 0;
            hi = Double.isFinite(hi) ? hi + pad : 1;
        }
        double span = hi - lo > 0 ? hi - lo : 1;
        double plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        double zero = LABEL_WIDTH + plotWidth * (0 - lo) / span;
        int height = TOP + 6 + ROW_HEIGHT * bars.size() + (zoomed ? 16 : 0);
        m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", WIDTH, "height", height, "viewBox",
                "0 0 " + WIDTH + " " + height, "role", "img", "class", "chart");
        m.element("title", title);
        m.element("text", title, "x", WIDTH / 2, "y", 16, "text-anchor", "middle", "class", "chart-title");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = TOP + i * ROW_HEIGHT;
            m.element("text", b.label(), "x", LABEL_WIDTH - 6, "y", y + 13, "text-anchor", "end", "class", "legend");
            if (zoomed && Double.isFinite(b.value())) {
                double at = LABEL_WIDTH + plotWidth * (b.value() - lo) / span;
                m.open("rect", "x", fmt(at - 2), "y", y + 1, "width", 4, "height", ROW_HEIGHT - 3, "fill", colour)
                        .element("title", b.tooltip()).close("rect");
            } else if (Double.isFinite(b.value())) {
                double end = LABEL_WIDTH + plotWidth * (b.value() - lo) / span;
                m.open("rect", "x", fmt(Math.min(zero, end)), "y", y + 2, "width", fmt(Math.abs(end - zero)),
                        "height", ROW_HEIGHT - 5, "fill", colour, "fill-opacity", "0.8")
                        .element("title", b.tooltip()).close("rect");
            }
            if (Double.isFinite(b.low()) && Double.isFinite(b.high())) {
                double x1 = LABEL_WIDTH + plotWidth * (b.low() - lo) / span;
                double x2 = LABEL_WIDTH + plotWidth * (b.high() - lo) / span;
                double mid = y + 2 + (ROW_HEIGHT - 5) / 2.0;
                m.empty("line", "x1", fmt(x1), "y1", fmt(mid), "x2", fmt(x2), "y2", fmt(mid), "stroke", "#333333");
                m.empty("line", "x1", fmt(x1), "y1", fmt(mid - 4), "x2", fmt(x1), "y2", fmt(mid + 4), "stroke",
                        "#333333");
                m.empty("line", "x1", fmt(x2), "y1", fmt(mid - 4), "x2", fmt(x2), "y2", fmt(mid + 4), "stroke",
                        "#333333");
            }
            for (double p : b.points()) {
                if (Double.isFinite(p)) {
                    m.empty("circle", "cx", fmt(LABEL_WIDTH + plotWidth * (p - lo) / span), "cy",
                            fmt(y + 2 + (ROW_HEIGHT - 5) / 2.0), "r", 2.2, "fill", "#222222", "fill-opacity", "0.6");
                }
            }
            m.element("text", b.text(), "x", WIDTH - VALUE_WIDTH + 6, "y", y + 13, "class", "tick");
        }
        if (zoomed) {
            int axis = TOP + ROW_HEIGHT * bars.size() + 2;
            m.empty("line", "x1", LABEL_WIDTH, "y1", axis, "x2", fmt(LABEL_WIDTH + plotWidth), "y2", axis, "stroke",
                    "#999999");
            for (double share : new double[] {0, 0.5, 1}) {
                double x = LABEL_WIDTH + plotWidth * share;
                m.empty("line", "x1", fmt(x), "y1", TOP, "x2", fmt(x), "y2", axis, "stroke", "#eeeeee");
                m.element("text", SvgPlot.tick(lo + span * share), "x", fmt(x), "y", axis + 13, "text-anchor",
                        "middle", "class", "tick");
            }
        } else {
            m.empty("line", "x1", fmt(zero), "y1", TOP, "x2", fmt(zero), "y2", height - 4, "stroke", "#999999");
        }
        m.close("svg");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

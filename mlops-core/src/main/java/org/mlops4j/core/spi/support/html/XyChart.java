package org.mlops4j.core.spi.support.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chart over fixed x and y ranges to which marks are added in data coordinates: lines (solid or dashed), points
 * with tooltips, the diagonal y = x as a reference, and bars over numeric x intervals (histograms), with round ticks,
 * both axis labels, a title and a legend. Non-finite coordinates are left out. Where {@link LineChart} fits its axes
 * to series over steps or time, this chart shows a range the caller chooses, such as [0, 1] for a ROC curve.
 *
 * <pre>{@code
 * new XyChart("ROC curve", "false positive rate", "true positive rate", 0, 1, 0, 1)
 *         .line("model", Svg.colour(0), fpr, tpr, false).diagonal("chance").render(html);
 * }</pre>
 *
 * <p>Part of the chart kit of this package; rendered into an {@link Html} document. Not thread-safe: one instance
 * draws one chart.
 */
public final class XyChart {

    private static final int WIDTH = 460;
    private static final int HEIGHT = 340;
    private static final int LEFT = 58;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 46;
    private static final String REFERENCE_GREY = "#999999";

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final List<Consumer<Html>> marks = new ArrayList<>();
    private final List<String[]> legend = new ArrayList<>();

    /**
     * @param title  the chart's title, drawn above it
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param xMin   the smallest x shown
     * @param xMax   the largest x shown; an empty range is widened by one
     * @param yMin   the smallest y shown
     * @param yMax   the largest y shown; an empty range is widened by one
     */
    public XyChart(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xMin = xMin;
        this.xMax = xMax > xMin ? xMax : xMin + 1;
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
    }

    /**
     * @param values numbers, some perhaps not finite
     * @return the smallest and largest finite number, padded by 4% of their range (or widened around a single
     *         value); {0, 1} when there is none
     */
    public static double[] range(double[]... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] array : values) {
            for (double v : array) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        double pad = max > min ? (max - min) * 0.04 : Math.max(1, Math.abs(min) * 0.1);
        return new double[] {min - pad, max + pad};
    }

    /**
     * Adds a line through points in the order given.
     *
     * @param name   its legend entry, or {@code null} for none
     * @param colour the line's colour
     * @param xs     x values
     * @param ys     y values, as many as x values
     * @param dashed whether the line is thin and dashed, as for a reference
     * @return this chart
     */
    public XyChart line(String name, String colour, double[] xs, double[] ys, boolean dashed) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                points.append(Svg.px(x(xs[i]))).append(',').append(Svg.px(y(ys[i]))).append(' ');
            }
        }
        String coordinates = points.toString().trim();
        marks.add(html -> {
            if (!coordinates.isEmpty()) {
                html.empty("polyline", "points", coordinates, "fill", "none", "stroke", colour, "stroke-width",
                        dashed ? "1" : "2", "stroke-dasharray", dashed ? "5,4" : "none");
            }
        });
        addLegend(name, colour);
        return this;
    }

    /**
     * Adds the line y = x across the part of both ranges it crosses, dashed grey: the reference of a chance ROC
     * curve, a perfect calibration or exact predictions.
     *
     * @param name its legend entry, or {@code null} for none
     * @return this chart
     */
    public XyChart diagonal(String name) {
        double low = Math.max(xMin, yMin);
        double high = Math.min(xMax, yMax);
        return line(name, REFERENCE_GREY, new double[] {low, high}, new double[] {low, high}, true);
    }

    /**
     * Adds a half-transparent circle per point.
     *
     * @param name     its legend entry, or {@code null} for none
     * @param colour   the circles' colour
     * @param xs       x values
     * @param ys       y values, as many as x values
     * @param radius   the circles' radius in pixels
     * @param tooltips one tooltip per point, or an empty list for none
     * @return this chart
     */
    public XyChart points(String name, String colour, double[] xs, double[] ys, double radius,
                          List<String> tooltips) {
        List<String> tips = List.copyOf(tooltips);
        marks.add(html -> {
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                    continue;
                }
                html.open("circle", "cx", Svg.px(x(xs[i])), "cy", Svg.px(y(ys[i])), "r", Svg.px(radius), "fill",
                        colour, "fill-opacity", "0.6");
                if (!tips.isEmpty()) {
                    html.element("title", tips.get(i));
                }
                html.close("circle");
            }
        });
        addLegend(name, colour);
        return this;
    }

    /**
     * Adds a vertical bar over the x interval [from, to], from y = 0 (or the lowest y shown, if above 0) to a value.
     *
     * @param colour  the bar's colour
     * @param from    the bar's left x
     * @param to      the bar's right x
     * @param value   its height in y units
     * @param tooltip its tooltip
     * @return this chart
     */
    public XyChart bar(String colour, double from, double to, double value, String tooltip) {
        marks.add(html -> {
            double base = y(Math.max(yMin, 0));
            double top = y(value);
            html.open("rect", "x", Svg.px(x(from)), "y", Svg.px(Math.min(top, base)), "width",
                    Svg.px(Math.max(0.5, x(to) - x(from))), "height", Svg.px(Math.abs(base - top)), "fill", colour,
                    "fill-opacity", "0.75").element("title", tooltip).close("rect");
        });
        return this;
    }

    /**
     * Adds a legend entry for marks added without one, such as a series of bars.
     *
     * @param name   the entry
     * @param colour its colour
     * @return this chart
     */
    public XyChart legendEntry(String name, String colour) {
        addLegend(name, colour);
        return this;
    }

    /**
     * Draws the chart with its marks in the order they were added, the legend over them.
     *
     * @param html where to write the {@code svg} element
     */
    public void render(Html html) {
        String width = Integer.toString(WIDTH);
        String height = Integer.toString(HEIGHT);
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", width, "height", height, "viewBox",
                "0 0 " + width + " " + height, "role", "img", "aria-label", title, "class", "chart");
        html.element("title", title);
        html.element("text", title, "x", Integer.toString(WIDTH / 2), "y", "18", "text-anchor", "middle", "class",
                "chart-title");
        html.empty("rect", "x", Integer.toString(LEFT), "y", Integer.toString(TOP), "width",
                Integer.toString(WIDTH - LEFT - RIGHT), "height", Integer.toString(HEIGHT - TOP - BOTTOM), "fill",
                "#ffffff", "stroke", "#cccccc");
        axes(html);
        marks.forEach(mark -> mark.accept(html));
        legend(html);
        html.close("svg");
    }

    private void axes(Html html) {
        String base = Integer.toString(HEIGHT - BOTTOM);
        for (double xv : AxisTicks.within(xMin, xMax)) {
            String x = Svg.px(x(xv));
            html.empty("line", "x1", x, "y1", base, "x2", x, "y2", Integer.toString(HEIGHT - BOTTOM + 4), "stroke",
                    "#666666");
            html.element("text", ValueFormats.tick(xv), "x", x, "y", Integer.toString(HEIGHT - BOTTOM + 16), "text-anchor",
                    "middle", "class", "tick");
        }
        for (double yv : AxisTicks.within(yMin, yMax)) {
            String y = Svg.px(y(yv));
            html.empty("line", "x1", Integer.toString(LEFT - 4), "y1", y, "x2", Integer.toString(LEFT), "y2", y,
                    "stroke", "#666666");
            html.element("text", ValueFormats.tick(yv), "x", Integer.toString(LEFT - 6), "y", Svg.px(y(yv) + 4), "text-anchor",
                    "end", "class", "tick");
        }
        String middle = Integer.toString((TOP + HEIGHT - BOTTOM) / 2);
        html.element("text", xLabel, "x", Integer.toString((LEFT + WIDTH - RIGHT) / 2), "y",
                Integer.toString(HEIGHT - 10), "text-anchor", "middle", "class", "axis-label");
        html.element("text", yLabel, "x", "14", "y", middle, "text-anchor", "middle", "class", "axis-label",
                "transform", "rotate(-90 14 " + middle + ")");
    }

    private void legend(Html html) {
        if (legend.isEmpty()) {
            return;
        }
        int longest = legend.stream().mapToInt(entry -> entry[0].length()).max().orElse(0);
        // a backdrop, so that the legend stays readable over bars and lines
        html.empty("rect", "x", Integer.toString(LEFT + 5), "y", Integer.toString(TOP + 2), "width",
                Integer.toString(30 + 6 * longest), "height", Integer.toString(6 + 16 * legend.size()), "fill",
                "#ffffff", "fill-opacity", "0.85", "stroke", "#dddddd");
        for (int i = 0; i < legend.size(); i++) {
            int y = TOP + 14 + 16 * i;
            html.empty("rect", "x", Integer.toString(LEFT + 10), "y", Integer.toString(y - 9), "width", "10",
                    "height", "10", "fill", legend.get(i)[1]);
            html.element("text", legend.get(i)[0], "x", Integer.toString(LEFT + 24), "y", Integer.toString(y),
                    "class", "legend");
        }
    }

    private void addLegend(String name, String colour) {
        if (name != null) {
            legend.add(new String[] {name, colour});
        }
    }

    private double x(double v) {
        return LEFT + (v - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
    }

    private double y(double v) {
        return HEIGHT - BOTTOM - (v - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
    }
}

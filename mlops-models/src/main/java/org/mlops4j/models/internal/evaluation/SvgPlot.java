package org.mlops4j.models.internal.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>One chart drawn as inline SVG: a rectangle of data coordinates mapped onto a fixed-size plot area, with axes,
 * round ticks (about five per axis), axis labels, a title, a legend, and marks added in data coordinates (lines,
 * points, bars, the diagonal). Non-finite coordinates are skipped. Not thread-safe: one instance draws one chart.
 */
public final class SvgPlot {

    /** Colours for successive series. */
    public static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private static final int WIDTH = 460;
    private static final int HEIGHT = 340;
    private static final int LEFT = 58;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 46;
    private static final int TICKS = 5;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final List<Consumer<Markup>> marks = new ArrayList<>();
    private final List<String[]> legend = new ArrayList<>();

    /**
     * @param title  the chart's title
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param xMin   the smallest x shown
     * @param xMax   the largest x shown
     * @param yMin   the smallest y shown
     * @param yMax   the largest y shown
     */
    public SvgPlot(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax) {
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
     * @return the smallest and largest finite number, widened to a non-empty range; {0, 1} when there is none
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
     * @param name   the legend entry, or {@code null} for none
     * @param colour the line colour
     * @param xs     x values
     * @param ys     y values
     * @param dashed whether the line is dashed
     * @return this
     */
    public SvgPlot line(String name, String colour, double[] xs, double[] ys, boolean dashed) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                points.append(fmt(x(xs[i]))).append(',').append(fmt(y(ys[i]))).append(' ');
            }
        }
        String coordinates = points.toString().trim();
        marks.add(m -> {
            if (!coordinates.isEmpty()) {
                m.empty("polyline", "points", coordinates, "fill", "none", "stroke", colour, "stroke-width",
                        dashed ? "1" : "2", "stroke-dasharray", dashed ? "5,4" : "none");
            }
        });
        addLegend(name, colour);
        return this;
    }

    /**
     * Adds the line y = x across the shown range, dashed grey.
     *
     * @param name its legend entry, or {@code null}
     * @return this
     */
    public SvgPlot diagonal(String name) {
        double lo = Math.max(xMin, yMin);
        double hi = Math.min(xMax, yMax);
        return line(name, "#999999", new double[] {lo, hi}, new double[] {lo, hi}, true);
    }

    /**
     * @param name    the legend entry, or {@code null}
     * @param colour  the fill colour
     * @param xs      x values
     * @param ys      y values
     * @param radius  the circles' radius in pixels
     * @param tooltip a tooltip per point, or {@code null}
     * @return this
     */
    public SvgPlot points(String name, String colour, double[] xs, double[] ys, double radius, List<String> tooltip) {
        marks.add(m -> {
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                    continue;
                }
                if (tooltip == null) {
                    m.empty("circle", "cx", fmt(x(xs[i])), "cy", fmt(y(ys[i])), "r", fmt(radius), "fill", colour,
                            "fill-opacity", "0.6");
                } else {
                    m.open("circle", "cx", fmt(x(xs[i])), "cy", fmt(y(ys[i])), "r", fmt(radius), "fill", colour,
                            "fill-opacity", "0.6").element("title", tooltip.get(i)).close("circle");
                }
            }
        });
        addLegend(name, colour);
        return this;
    }

    /**
     * A vertical bar from y = 0 (or the lowest y shown) up to a value.
     *
     * @param colour  the fill colour
     * @param from    the bar's left x
     * @param to      the bar's right x
     * @param value   its height
     * @param tooltip its tooltip
     * @return this
     */
    public SvgPlot bar(String colour, double from, double to, double value, String tooltip) {
        marks.add(m -> {
            double base = y(Math.max(yMin, 0));
            double top = y(value);
            m.open("rect", "x", fmt(x(from)), "y", fmt(Math.min(top, base)), "width",
                    fmt(Math.max(0.5, x(to) - x(from))), "height", fmt(Math.abs(base - top)), "fill", colour,
                    "fill-opacity", "0.75").element("title", tooltip).close("rect");
        });
        return this;
    }

    /**
     * @param name   a legend entry for marks added without one (bars)
     * @param colour its colour
     * @return this
     */
    public SvgPlot legendEntry(String name, String colour) {
        addLegend(name, colour);
        return this;
    }

    /**
     * Draws the chart.
     *
     * @param m where to write the {@code svg} element
     */
    public void render(Markup m) {
        m.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", WIDTH, "height", HEIGHT, "viewBox",
                "0 0 " + WIDTH + " " + HEIGHT, "role", "img", "class", "chart");
        m.element("title", title);
        m.element("text", title, "x", WIDTH / 2, "y", 18, "text-anchor", "middle", "class", "chart-title");
        m.empty("rect", "x", LEFT, "y", TOP, "width", WIDTH - LEFT - RIGHT, "height", HEIGHT - TOP - BOTTOM,
                "fill", "#ffffff", "stroke", "#cccccc");
        for (double xv : ticks(xMin, xMax)) {
            m.empty("line", "x1", fmt(x(xv)), "y1", HEIGHT - BOTTOM, "x2", fmt(x(xv)), "y2", HEIGHT - BOTTOM + 4,
                    "stroke", "#666666");
            m.element("text", tick(xv), "x", fmt(x(xv)), "y", HEIGHT - BOTTOM + 16, "text-anchor", "middle",
                    "class", "tick");
        }
        for (double yv : ticks(yMin, yMax)) {
            m.empty("line", "x1", LEFT - 4, "y1", fmt(y(yv)), "x2", LEFT, "y2", fmt(y(yv)), "stroke", "#666666");
            m.element("text", tick(yv), "x", LEFT - 6, "y", fmt(y(yv) + 4), "text-anchor", "end", "class", "tick");
        }
        m.element("text", xLabel, "x", (LEFT + WIDTH - RIGHT) / 2, "y", HEIGHT - 10, "text-anchor", "middle",
                "class", "axis-label");
        m.element("text", yLabel, "x", 14, "y", (TOP + HEIGHT - BOTTOM) / 2, "text-anchor", "middle", "class",
                "axis-label", "transform", "rotate(-90 14 " + (TOP + HEIGHT - BOTTOM) / 2 + ")");
        marks.forEach(mark -> mark.accept(m));
        if (!legend.isEmpty()) { // a backdrop so that the legend stays readable over bars and lines
            int longest = legend.stream().mapToInt(entry -> entry[0].length()).max().orElse(0);
            m.empty("rect", "x", LEFT + 5, "y", TOP + 2, "width", 30 + 6 * longest, "height", 6 + 16 * legend.size(),
                    "fill", "#ffffff", "fill-opacity", "0.85", "stroke", "#dddddd");
        }
        for (int i = 0; i < legend.size(); i++) {
            int ly = TOP + 14 + 16 * i;
            m.empty("rect", "x", LEFT + 10, "y", ly - 9, "width", 10, "height", 10, "fill", legend.get(i)[1]);
            m.element("text", legend.get(i)[0], "x", LEFT + 24, "y", ly, "class", "legend");
        }
        m.close("svg");
    }

    /**
     * @param min the lowest value shown
     * @param max the highest value shown
     * @return round tick values within the range: multiples of 1, 2, 2.5 or 5 times a power of ten, about
     *         {@value #TICKS} intervals apart
     */
    static double[] ticks(double min, double max) {
        double raw = (max - min) / TICKS;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power * 10;
        for (double factor : new double[] {1, 2, 2.5, 5}) {
            if (factor * power >= raw) {
                step = factor * power;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
            out.add(Math.abs(k * step) < step * 1e-9 ? 0.0 : k * step);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
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

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * @param v a number
     * @return it with about three significant digits, for ticks and tooltips
     */
    public static String tick(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return Double.isFinite(v) ? "0" : String.valueOf(v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e5 || abs < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        String s = String.format(Locale.ROOT, abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f",
                v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}

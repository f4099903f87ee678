package org.mlops4j.core.spi.support.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart drawn as inline SVG: one or more series of (x, y) points over a shared pair of axes with rounded tick
 * values, a legend when there are several series and a tooltip on each point. Points whose x or y is not finite are
 * left out; a series with more than {@value #MAX_POINTS} points is thinned evenly (its first and last points kept).
 *
 * <p>Part of the chart kit of this package (with {@link BarChart} and {@link HorizontalBarChart}); rendered into an
 * {@link Html} document. Immutable.
 *
 * @param title    the chart's title, drawn above it
 * @param xLabel   the x axis label, such as {@code step} or {@code time (UTC)}
 * @param timeAxis whether x values are epoch milliseconds, labelled as times
 * @param series   the lines
 * @param yMin     the least y the axis shows, or NaN to fit the data (a share: 0)
 * @param yMax     the greatest y the axis shows, or NaN to fit the data (a share: 1); values outside widen the axis
 */
public record LineChart(String title, String xLabel, boolean timeAxis, List<Series> series, double yMin,
        double yMax) {

    /** The most points drawn per series. */
    public static final int MAX_POINTS = 2000;

    private static final int WIDTH = 640;
    private static final int PLOT_HEIGHT = 220;
    private static final int LEFT = 64;
    private static final int RIGHT = 40;
    private static final int TOP = 30;
    private static final int BOTTOM = 44;
    private static final int LEGEND_ROW = 18;
    private static final int LEGEND_PER_ROW = 3;
    private static final long DAY = 86_400_000L;

    /**
     * One line of a chart.
     *
     * @param name the series name, shown in the legend and the tooltips
     * @param xs   the x values
     * @param ys   the y values, as many as x values
     */
    public record Series(String name, double[] xs, double[] ys) {
        /** Copies the arrays and checks their lengths match. */
        public Series {
            Objects.requireNonNull(name, "name");
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("A series needs as many x as y values: " + xs.length + " vs "
                        + ys.length);
            }
            xs = xs.clone();
            ys = ys.clone();
        }
    }

    /** Copies the series. */
    public LineChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        series = List.copyOf(series);
    }

    /**
     * A chart whose y axis fits the data.
     *
     * @param title    the chart's title
     * @param xLabel   the x axis label
     * @param timeAxis whether x values are epoch milliseconds
     * @param series   the lines
     */
    public LineChart(String title, String xLabel, boolean timeAxis, List<Series> series) {
        this(title, xLabel, timeAxis, series, Double.NaN, Double.NaN);
    }

    /**
     * @param min the least y shown
     * @param max the greatest y shown
     * @return this chart with a fixed y range (such as 0 to 1 for a share), widened only by values outside it
     */
    public LineChart yRange(double min, double max) {
        return new LineChart(title, xLabel, timeAxis, series, min, max);
    }

    /**
     * Draws the chart.
     *
     * @param html where to write the {@code svg} element
     */
    public void render(Html html) {
        List<double[][]> points = new ArrayList<>();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[][] finite = thin(finitePoints(s));
            points.add(finite);
            for (double[] p : finite) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        int legendRows = series.size() > 1 ? (series.size() + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW : 0;
        int height = TOP + PLOT_HEIGHT + BOTTOM + legendRows * LEGEND_ROW + (legendRows > 0 ? 6 : 0);
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart", "width", String.valueOf(WIDTH),
                "height", String.valueOf(height), "viewBox", "0 0 " + WIDTH + " " + height, "role", "img",
                "aria-label", title);
        html.element("text", title, "x", String.valueOf(LEFT), "y", "18", "class", "chart-title");
        if (minX > maxX) {
            html.element("text", "no finite values to draw", "x", String.valueOf(LEFT), "y",
                    String.valueOf(TOP + PLOT_HEIGHT / 2), "class", "chart-empty");
            html.close("svg");
            return;
        }
        double[] xTicks = timeAxis ? AxisTicks.times(minX, maxX) : AxisTicks.covering(minX, maxX);
        boolean daily = timeAxis && xTicks.length > 1 && xTicks[1] - xTicks[0] >= DAY;
        boolean seconds = timeAxis && xTicks.length > 1 && xTicks[1] - xTicks[0] < 60_000;
        double[] yTicks = AxisTicks.covering(Double.isNaN(yMin) ? minY : Math.min(yMin, minY),
                Double.isNaN(yMax) ? maxY : Math.max(yMax, maxY));
        double x0 = xTicks[0];
        double x1 = xTicks[xTicks.length - 1];
        double y0 = yTicks[0];
        double y1 = yTicks[yTicks.length - 1];
        int plotWidth = WIDTH - LEFT - RIGHT;
        Scale sx = new Scale(x0, x1, LEFT, LEFT + plotWidth);
        Scale sy = new Scale(y0, y1, TOP + PLOT_HEIGHT, TOP);

        html.empty("rect", "x", String.valueOf(LEFT), "y", String.valueOf(TOP), "width", String.valueOf(plotWidth),
                "height", String.valueOf(PLOT_HEIGHT), "class", "chart-frame", "fill", "none", "stroke", "#ccc");
        for (double t : yTicks) {
            String y = Svg.px(sy.map(t));
            html.empty("line", "x1", String.valueOf(LEFT), "x2", String.valueOf(LEFT + plotWidth), "y1", y, "y2", y,
                    "stroke", "#eee");
            html.element("text", ValueFormats.number(t), "x", String.valueOf(LEFT - 6), "y", y, "text-anchor", "end",
                    "dominant-baseline", "middle", "class", "tick");
        }
        for (double t : xTicks) {
            String x = Svg.px(sx.map(t));
            html.empty("line", "x1", x, "x2", x, "y1", String.valueOf(TOP + PLOT_HEIGHT), "y2",
                    String.valueOf(TOP + PLOT_HEIGHT + 4), "stroke", "#999");
            html.element("text", daily ? ValueFormats.day((long) t)
                    : seconds ? ValueFormats.secondsTime((long) t) : xTickLabel(t), "x", x, "y", String.valueOf(TOP + PLOT_HEIGHT + 16),
                    "text-anchor", "middle", "class", "tick");
        }
        html.element("text", xLabel, "x", String.valueOf(LEFT + plotWidth / 2), "y",
                String.valueOf(TOP + PLOT_HEIGHT + 34), "text-anchor", "middle", "class", "axis-label");

        for (int i = 0; i < series.size(); i++) {
            String colour = Svg.colour(i);
            double[][] line = points.get(i);
            StringBuilder coordinates = new StringBuilder(line.length * 16);
            for (double[] p : line) {
                coordinates.append(Svg.px(sx.map(p[0]))).append(',').append(Svg.px(sy.map(p[1]))).append(' ');
            }
            html.open("g", "class", "series", "data-series", series.get(i).name());
            if (line.length > 1) {
                html.empty("polyline", "points", coordinates.toString().trim(), "fill", "none", "stroke", colour,
                        "stroke-width", "2");
            }
            if (line.length <= 200) {
                for (double[] p : line) {
                    html.open("circle", "cx", Svg.px(sx.map(p[0])), "cy", Svg.px(sy.map(p[1])), "r", "3",
                            "fill", colour);
                    html.element("title", series.get(i).name() + ": " + xLabel + " " + xTickLabel(p[0]) + ", "
                            + ValueFormats.number(p[1]));
                    html.close("circle");
                }
            }
            html.close("g");
        }
        if (legendRows > 0) {
            int legendTop = TOP + PLOT_HEIGHT + BOTTOM;
            int columnWidth = plotWidth / LEGEND_PER_ROW;
            for (int i = 0; i < series.size(); i++) {
                int x = LEFT + (i % LEGEND_PER_ROW) * columnWidth;
                int y = legendTop + 8 + (i / LEGEND_PER_ROW) * LEGEND_ROW;
                html.empty("rect", "x", String.valueOf(x), "y", String.valueOf(y - 9), "width", "12", "height", "4",
                        "fill", Svg.colour(i));
                html.element("text", Svg.shorten(series.get(i).name(), 28), "x", String.valueOf(x + 16), "y",
                        String.valueOf(y - 5), "dominant-baseline", "middle", "class", "legend");
            }
        }
        html.close("svg");
    }

    private String xTickLabel(double x) {
        return timeAxis ? ValueFormats.shortTime((long) x) : ValueFormats.number(x);
    }

    private static double[][] finitePoints(Series s) {
        List<double[]> kept = new ArrayList<>(s.xs().length);
        for (int i = 0; i < s.xs().length; i++) {
            if (Double.isFinite(s.xs()[i]) && Double.isFinite(s.ys()[i])) {
                kept.add(new double[] {s.xs()[i], s.ys()[i]});
            }
        }
        return kept.toArray(new double[0][]);
    }

    private static double[][] thin(double[][] points) {
        if (points.length <= MAX_POINTS) {
            return points;
        }
        double[][] kept = new double[MAX_POINTS][];
        for (int i = 0; i < MAX_POINTS; i++) {
            kept[i] = points[(int) Math.round((double) i * (points.length - 1) / (MAX_POINTS - 1))];
        }
        return kept;
    }

    private record Scale(double from, double to, double outFrom, double outTo) {
        double map(double v) {
            return outFrom + (v - from) / (to - from) * (outTo - outFrom);
        }
    }
}

package org.mlops4j.core.spi.support.html;

import java.util.Locale;

/**
 * What the charts of this package share: the {@code svg} element they open, their colours and how they write
 * coordinates and shorten labels.
 */
public final class Svg {

    /** The colours of series, in order (the "tab10" palette). */
    static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private Svg() {
    }

    /**
     * @param index a series' position
     * @return its colour from the palette, repeating after ten
     */
    public static String colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /**
     * Opens an inline {@code svg} element that screen readers announce as an image with a description; the caller
     * closes it with {@code html.close("svg")}.
     *
     * @param html        where to write
     * @param width       its width in pixels
     * @param height      its height in pixels
     * @param description what the chart shows, for screen readers
     */
    public static void open(Html html, int width, int height, String description) {
        html.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Integer.toString(width), "height",
                Integer.toString(height), "role", "img", "aria-label", description);
    }

    /**
     * @param value a coordinate or length in pixels
     * @return it with one decimal, as every chart writes them
     */
    public static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * @param text a label
     * @param max  the most characters to keep
     * @return the label, cut with an ellipsis when longer
     */
    public static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}

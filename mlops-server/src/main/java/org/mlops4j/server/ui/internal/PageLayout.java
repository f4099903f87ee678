package org.mlops4j.server.ui.internal;

import org.mlops4j.core.spi.support.html.Html;

/**
 * The frame every page shares: the document head (with the stylesheet, no inline styles or scripts), the top bar with
 * the three sections, and the page's own content.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class PageLayout {

    /** The section a page belongs to, highlighted in the top bar. */
    public enum Section {
        /** Experiments and runs. */
        EXPERIMENTS,
        /** The model registry. */
        MODELS,
        /** Monitored models. */
        MONITORING,
        /** None of them (error pages). */
        NONE
    }

    private PageLayout() {
    }

    /**
     * @param title   the page title (escaped)
     * @param section the section to highlight
     * @param content the page's content, every element closed
     * @return the complete document
     */
    public static String page(String title, Section section, Html content) {
        Html html = new Html();
        html.constant("<!DOCTYPE html>\n");
        html.open("html", "lang", "en");
        html.open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", title + " \u00b7 mlops4j");
        html.empty("link", "rel", "stylesheet", "href", "/static/ui.css");
        html.close("head");
        html.open("body");
        html.open("header", "class", "top");
        html.element("a", "mlops4j", "class", "brand", "href", "/");
        html.open("nav");
        navLink(html, "Experiments", "/", section == Section.EXPERIMENTS);
        navLink(html, "Models", "/models", section == Section.MODELS);
        navLink(html, "Monitoring", "/monitoring", section == Section.MONITORING);
        html.close("nav");
        html.close("header");
        html.open("main");
        html.append(content);
        html.close("main");
        html.close("body");
        html.close("html");
        return html.toString();
    }

    private static void navLink(Html html, String label, String href, boolean active) {
        html.element("a", label, "href", href, "class", active ? "active" : null);
    }
}

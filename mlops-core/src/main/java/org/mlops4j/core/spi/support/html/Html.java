package org.mlops4j.core.spi.support.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Builds HTML (and inline SVG) in which every piece of text and every attribute value is escaped: text goes in only
 * through {@link #text(Object)} and attribute values only through the name/value pairs of {@link #open} and
 * {@link #empty}; tag and attribute names must be plain lower-case words, so they cannot carry markup either. Closing
 * tags are checked against the open ones.
 *
 * <pre>{@code
 * Html html = new Html();
 * html.open("td", "class", "name").text(run.info().runName()).close("td");
 * }</pre>
 *
 * <p>The one HTML escaper and builder of mlops4j: the web UI's pages, the drift and profile reports and the charts of
 * this package write through it. Not thread-safe: one instance builds one document.
 */
public final class Html {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*|[a-z][a-zA-Z0-9-]*");

    private final StringBuilder out = new StringBuilder(16_384);
    private final Deque<String> openTags = new ArrayDeque<>();

    /**
     * Escapes text for use between tags or inside a quoted attribute value: {@code & < > " '} become entities and
     * control characters other than tab, line feed and carriage return (allowed in neither HTML nor XML) a space.
     *
     * @param text any text; {@code null} gives the empty string
     * @return the escaped text
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? " " : null;
            };
            if (entity != null) {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                escaped.append(entity);
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /**
     * Opens an element.
     *
     * @param tag        the tag name, a plain word such as {@code td}
     * @param attributes name/value pairs; values are escaped, a {@code null} value leaves the attribute out and an
     *                   empty value writes it bare ({@code selected})
     * @return this builder
     */
    public Html open(String tag, String... attributes) {
        startTag(tag, attributes);
        openTags.push(tag);
        return this;
    }

    /**
     * Writes an element that has no content or end tag, such as {@code input} or {@code circle/}.
     *
     * @param tag        the tag name
     * @param attributes name/value pairs, as for {@link #open}
     * @return this builder
     */
    public Html empty(String tag, String... attributes) {
        startTag(tag, attributes);
        if (!isHtmlVoidElement(tag)) {
            out.append("</").append(tag).append('>');
        }
        return this;
    }

    /**
     * Writes an element holding only text.
     *
     * @param tag        the tag name
     * @param text       the content, escaped
     * @param attributes name/value pairs, as for {@link #open}
     * @return this builder
     */
    public Html element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /**
     * Writes escaped text.
     *
     * @param text anything; {@code null} writes nothing
     * @return this builder
     */
    public Html text(Object text) {
        if (text != null) {
            out.append(escape(text.toString()));
        }
        return this;
    }

    /**
     * Closes the innermost open element.
     *
     * @param tag its tag name, which must match
     * @return this builder
     * @throws IllegalStateException when it does not match
     */
    public Html close(String tag) {
        String open = openTags.poll();
        if (!tag.equals(open)) {
            throw new IllegalStateException("Closing <" + tag + "> but the innermost open element is <" + open + ">");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /**
     * Writes markup that is a constant of the program (a doctype, an entity), never text from a store or a request.
     *
     * @param markup constant markup
     * @return this builder
     */
    public Html constant(String markup) {
        out.append(markup);
        return this;
    }

    /**
     * Appends another builder's output, whose elements must all be closed.
     *
     * @param fragment a finished fragment
     * @return this builder
     */
    public Html append(Html fragment) {
        if (!fragment.openTags.isEmpty()) {
            throw new IllegalStateException("The fragment still has open elements: " + fragment.openTags);
        }
        out.append(fragment.out);
        return this;
    }

    /** @return the document so far; every element must be closed */
    @Override
    public String toString() {
        if (!openTags.isEmpty()) {
            throw new IllegalStateException("Elements left open: " + openTags);
        }
        return out.toString();
    }

    private void startTag(String tag, String[] attributes) {
        checkName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come in name/value pairs; found " + attributes.length
                    + " strings for <" + tag + ">");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            String value = attributes[i + 1];
            checkName(name);
            if (value == null) {
                continue;
            }
            out.append(' ').append(name);
            if (!value.isEmpty()) {
                out.append("=\"").append(escape(value)).append('"');
            }
        }
        out.append('>');
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("on")) {
            throw new IllegalArgumentException("Not an allowed tag or attribute name: '" + name + "'");
        }
    }

    private static boolean isHtmlVoidElement(String tag) {
        return switch (tag) {
            case "br", "hr", "img", "input", "meta", "link", "col", "wbr" -> true;
            default -> false;
        };
    }
}

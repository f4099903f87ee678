package org.mlops4j.models.internal.evaluation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Builds well-formed HTML with inline SVG in which all text and every attribute value is escaped: text goes in
 * only through {@link #text(Object)}, attribute values only as the name/value pairs of {@link #open} and
 * {@link #empty}; tag and attribute names must be plain words. Closing tags are checked against the open ones, and
 * empty elements are written as {@code <tag/>}, so the output also parses as XML. Not thread-safe: one instance builds
 * one document.
 */
public final class Markup {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");

    private final StringBuilder out = new StringBuilder(32_768);
    private final Deque<String> openTags = new ArrayDeque<>();

    /**
     * @param text any text; {@code null} gives the empty string
     * @return the text with {@code & < > " '} replaced by entities
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        escaped.append(' ');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /**
     * Writes raw markup that is a constant of the calling code (a doctype, a style sheet), never data.
     *
     * @param constant markup written as is
     * @return this
     */
    public Markup raw(String constant) {
        out.append(constant);
        return this;
    }

    /**
     * @param tag        the element
     * @param attributes attribute names and values, alternating; values are escaped
     * @return this
     */
    public Markup open(String tag, Object... attributes) {
        start(tag, attributes);
        out.append('>');
        openTags.push(tag);
        return this;
    }

    /**
     * @param tag        an element without content
     * @param attributes attribute names and values, alternating; values are escaped
     * @return this
     */
    public Markup empty(String tag, Object... attributes) {
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    /**
     * @param text text content, escaped
     * @return this
     */
    public Markup text(Object text) {
        out.append(escape(text == null ? "" : text.toString()));
        return this;
    }

    /**
     * @param tag        an element with only text
     * @param text       its text, escaped
     * @param attributes attribute names and values, alternating
     * @return this
     */
    public Markup element(String tag, Object text, Object... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /**
     * @param tag the innermost open element
     * @return this
     * @throws IllegalStateException when it is not the innermost open element
     */
    public Markup close(String tag) {
        String open = openTags.poll();
        if (!tag.equals(open)) {
            throw new IllegalStateException("Closing <" + tag + "> but the innermost open element is <" + open + ">");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /**
     * @return the document
     * @throws IllegalStateException when an element is still open
     */
    public String build() {
        if (!openTags.isEmpty()) {
            throw new IllegalStateException("Elements left open: " + openTags);
        }
        return out.toString();
    }

    private void start(String tag, Object[] attributes) {
        checkName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come in name/value pairs; found " + attributes.length
                    + " items");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String name = String.valueOf(attributes[i]);
            checkName(name);
            out.append(' ').append(name).append("=\"").append(escape(String.valueOf(attributes[i + 1])))
                    .append('"');
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain element or attribute name: " + name);
        }
    }
}

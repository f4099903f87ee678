package org.mlops4j.core.spi.support;

import java.util.regex.Pattern;

/**
 * SQL LIKE patterns ({@code %} any text, {@code _} one character, no escape character) as regular expressions that
 * must match the whole value. Run search and model search use it, so that every store matches {@code LIKE} alike.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /**
     * @param like       a pattern such as {@code lead-%}
     * @param ignoreCase {@code true} for {@code ILIKE}
     * @return a regular expression to match whole values with
     */
    public static Pattern compile(String like, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : like.toCharArray()) {
            if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}

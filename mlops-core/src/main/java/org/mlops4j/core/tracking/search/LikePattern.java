package org.mlops4j.core.tracking.search;

import java.util.regex.Pattern;

/**
 * SQL LIKE patterns ({@code %} any text, {@code _} one character, no escape character) as regular expressions that
 * must match the whole value.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
final class LikePattern {

    private LikePattern() {
    }

    static Pattern compile(String like, boolean ignoreCase) {
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

package org.mlops4j.tracking.registry.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An SQL {@code LIKE} pattern over model names, matched the same way by every store: {@code %} matches any run of
 * characters, {@code _} exactly one, everything else itself, case-sensitively.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class NamePattern {

    private final Pattern regex;

    private NamePattern(Pattern regex) {
        this.regex = regex;
    }

    /**
     * @param like a {@code LIKE} pattern such as {@code lead-%}
     * @return the pattern
     */
    public static NamePattern of(String like) {
        Objects.requireNonNull(like, "like");
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
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
        return new NamePattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /**
     * @param name a model's name
     * @return whether the whole name matches
     */
    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}

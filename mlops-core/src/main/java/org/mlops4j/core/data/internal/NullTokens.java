package org.mlops4j.core.data.internal;

import java.util.Collection;
import java.util.Set;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Tells whether the text of a field stands for a missing value, such as an empty field or {@code NA}.
 *
 * <p>Matching is exact and case-sensitive. Most fields are rejected by their length and first character alone, without
 * hashing them. Instances are immutable and thread-safe.
 */
public final class NullTokens {

    private final Set<String> tokens;
    private final int maxLength;
    private final boolean emptyIsNull;
    /** For each length, which first characters (below 128) some token of that length has; others are all allowed. */
    private final boolean[][] firstCharsByLength;

    /** @param tokens the texts that mean "missing"; may be empty */
    public NullTokens(Collection<String> tokens) {
        this.tokens = Set.copyOf(tokens);
        this.maxLength = this.tokens.stream().mapToInt(String::length).max().orElse(-1);
        this.emptyIsNull = this.tokens.contains("");
        this.firstCharsByLength = new boolean[Math.max(0, maxLength) + 1][128];
        for (String token : this.tokens) {
            if (!token.isEmpty()) {
                char first = token.charAt(0);
                if (first < 128) {
                    firstCharsByLength[token.length()][first] = true;
                } else {
                    java.util.Arrays.fill(firstCharsByLength[token.length()], true);
                }
            }
        }
    }

    /**
     * @param text the text of one field
     * @return whether it is one of the tokens
     */
    public boolean isNull(String text) {
        int length = text.length();
        if (length == 0) {
            return emptyIsNull;
        }
        if (length > maxLength) {
            return false;
        }
        char first = text.charAt(0);
        return (first >= 128 || firstCharsByLength[length][first]) && tokens.contains(text);
    }

    /** @return the tokens */
    public Set<String> tokens() {
        return tokens;
    }
}

package org.mlops4j.core.data.internal;

import java.util.Collection;
import java.util.Set;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Tells whether the text of a field stands for a missing value, such as an empty field or {@code NA}.
 *
 * <p>Matching is exact and case-sensitive. Fields longer than the longest token are rejected by their length alone,
 * so long values cost nothing. Instances are immutable and thread-safe.
 */
public final class NullTokens {

    private final Set<String> tokens;
    private final int maxLength;
    private final boolean emptyIsNull;

    /** @param tokens the texts that mean "missing"; may be empty */
    public NullTokens(Collection<String> tokens) {
        this.tokens = Set.copyOf(tokens);
        this.maxLength = this.tokens.stream().mapToInt(String::length).max().orElse(-1);
        this.emptyIsNull = this.tokens.contains("");
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
        return length <= maxLength && tokens.contains(text);
    }

    /** @return the tokens */
    public Set<String> tokens() {
        return tokens;
    }
}

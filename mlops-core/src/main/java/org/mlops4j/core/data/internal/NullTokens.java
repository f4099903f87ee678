package org.mlops4j.core.data.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Tells whether the text of a field stands for a missing value, such as an empty field or {@code NA}.
 *
 * <p>Matching is exact and case-sensitive. Most fields are rejected by their length and first character alone; the rest
 * are compared with the few tokens of their length, character by character, so that a field need not become a
 * {@code String} first. Instances are immutable and thread-safe.
 */
public final class NullTokens {

    private final Set<String> tokens;
    /** The tokens in a fixed order, for {@link #indexOf}. */
    private final List<String> ordered;
    /** The index in {@link #ordered} of each token of {@link #tokensByLength}. */
    private final int[][] indexByLength;
    private final int maxLength;
    private final boolean emptyIsNull;
    private final boolean hasNumberToken;
    /** For each length, which first characters (below 128) some token of that length has; others are all allowed. */
    private final boolean[][] firstCharsByLength;
    /**
     * As {@link #firstCharsByLength} for the last character: numbers end in a digit and no default token does, so that
     * most numbers are told from tokens by two look-ups.
     */
    private final boolean[][] lastCharsByLength;
    /** The tokens of each length, as characters. */
    private final char[][][] tokensByLength;

    /** @param tokens the texts that mean "missing"; may be empty */
    public NullTokens(Collection<String> tokens) {
        this.tokens = Set.copyOf(tokens);
        this.ordered = this.tokens.stream().sorted().toList();
        this.maxLength = this.tokens.stream().mapToInt(String::length).max().orElse(-1);
        this.emptyIsNull = this.tokens.contains("");
        DecimalText decimal = new DecimalText();
        this.hasNumberToken = this.tokens.stream().anyMatch(t -> decimal.parse(t) && !Double.isNaN(decimal.value()));
        this.firstCharsByLength = new boolean[Math.max(0, maxLength) + 1][128];
        this.lastCharsByLength = new boolean[Math.max(0, maxLength) + 1][128];
        this.tokensByLength = new char[Math.max(0, maxLength) + 1][][];
        this.indexByLength = new int[tokensByLength.length][];
        for (int length = 0; length < tokensByLength.length; length++) {
            int size = length;
            List<String> ofLength = ordered.stream().filter(token -> token.length() == size).toList();
            tokensByLength[length] = ofLength.stream().map(String::toCharArray).toArray(char[][]::new);
            indexByLength[length] = ofLength.stream().mapToInt(ordered::indexOf).toArray();
        }
        for (String token : this.tokens) {
            if (!token.isEmpty()) {
                allow(firstCharsByLength[token.length()], token.charAt(0));
                allow(lastCharsByLength[token.length()], token.charAt(token.length() - 1));
            }
        }
    }

    private static void allow(boolean[] table, char c) {
        if (c < 128) {
            table[c] = true;
        } else {
            Arrays.fill(table, true);
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

    /**
     * @param chars characters holding the text of one field
     * @param start where the text starts
     * @param end   where it ends (exclusive)
     * @return whether the text is one of the tokens
     */
    public boolean isNull(char[] chars, int start, int end) {
        return indexOf(chars, start, end) >= 0;
    }

    /**
     * @param chars characters holding the text of one field
     * @param start where the text starts
     * @param end   where it ends (exclusive)
     * @return the index in {@link #ordered()} of the token the text is, or -1 when it is none
     */
    public int indexOf(char[] chars, int start, int end) {
        int length = end - start;
        if (length > maxLength) {
            return -1;
        }
        if (length > 0) {
            char first = chars[start];
            char last = chars[end - 1];
            if (first < 128 && !firstCharsByLength[length][first]
                    || last < 128 && !lastCharsByLength[length][last]) {
                return -1;
            }
        }
        char[][] candidates = tokensByLength[length];
        for (int i = 0; i < candidates.length; i++) {
            if (Arrays.equals(chars, start, end, candidates[i], 0, length)) {
                return indexByLength[length][i];
            }
        }
        return -1;
    }

    /**
     * @param text the text of one field
     * @return the index in {@link #ordered()} of the token the text is, or -1 when it is none
     */
    public int indexOf(String text) {
        return isNull(text) ? ordered.indexOf(text) : -1;
    }

    /** @return the tokens in the order {@link #indexOf} numbers them */
    public List<String> ordered() {
        return ordered;
    }

    /**
     * @return whether a token is a number other than NaN (such as {@code -999} or {@code inf}), so that a field that
     *         is such a number must still be checked against the tokens
     */
    public boolean hasNumberToken() {
        return hasNumberToken;
    }

    /** @return the tokens */
    public Set<String> tokens() {
        return tokens;
    }
}

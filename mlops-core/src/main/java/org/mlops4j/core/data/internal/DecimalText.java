package org.mlops4j.core.data.internal;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Recognises and parses numbers in CSV text without throwing for text that is not a number.
 *
 * <p>Accepted forms: an optional sign, then digits with an optional fraction ({@code 12}, {@code 1.5}, {@code .5},
 * {@code 5.}) and an optional exponent ({@code -3e5}, {@code 1.2E-7}); or, in any letter case and with an optional
 * sign, {@code inf}, {@code infinity} and {@code nan}. Whitespace, thousands separators, hexadecimal and Java's
 * {@code d}/{@code f} suffixes are not numbers. The result always equals what {@link Double#parseDouble(String)}
 * returns for the same text: plain decimals with at most 15 significant digits and a small exponent are computed
 * exactly in a fast path (both operands are exact doubles, so one correctly rounded multiplication or division gives
 * the correctly rounded result); everything else that matches the grammar is handed to {@code Double.parseDouble}.
 *
 * <p>An instance keeps the last parsed value, so it is not thread-safe; use one per thread or per column.
 */
public final class DecimalText {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final int MAX_MANTISSA_DIGITS = 18;

    private double value;

    /** Creates a parser. */
    public DecimalText() {
    }

    /**
     * @param text the text of one field
     * @return whether the text is a number; if so, {@link #value()} holds it
     */
    public boolean parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /**
     * @param chars characters holding the text of one field
     * @param start where the text starts
     * @param end   where it ends (exclusive)
     * @return whether the text is a number; if so, {@link #value()} holds it
     */
    public boolean parse(char[] chars, int start, int end) {
        if (start >= end) {
            return false;
        }
        int i = start;
        boolean negative = false;
        char c = chars[start];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i = start + 1;
            if (i == end) {
                return false;
            }
            c = chars[i];
        }
        if (c > '9') {
            return parseWord(chars, i, end, negative);
        }
        long mantissa = 0;
        int mantissaDigits = 0;
        int exponent = 0;
        boolean exact = true;
        boolean sawDigit = false;
        while (i < end && (c = chars[i]) >= '0' && c <= '9') {
            sawDigit = true;
            if (mantissaDigits < MAX_MANTISSA_DIGITS) {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    mantissaDigits++;
                }
            } else {
                exact = false;
            }
            i++;
        }
        if (i < end && chars[i] == '.') {
            i++;
            while (i < end && (c = chars[i]) >= '0' && c <= '9') {
                sawDigit = true;
                if (mantissaDigits < MAX_MANTISSA_DIGITS) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        mantissaDigits++;
                    }
                    exponent--;
                } else {
                    exact = false;
                }
                i++;
            }
        }
        if (!sawDigit) {
            return false;
        }
        if (i < end && ((c = chars[i]) == 'e' || c == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && ((c = chars[i]) == '-' || c == '+')) {
                negativeExponent = c == '-';
                i++;
            }
            int explicit = 0;
            boolean sawExponentDigit = false;
            while (i < end && (c = chars[i]) >= '0' && c <= '9') {
                sawExponentDigit = true;
                if (explicit < 100_000) {
                    explicit = explicit * 10 + (c - '0');
                }
                i++;
            }
            if (!sawExponentDigit) {
                return false;
            }
            exponent += negativeExponent ? -explicit : explicit;
        }
        if (i != end) {
            return false;
        }
        double result;
        if (mantissa == 0 && exact) {
            result = 0.0;
        } else if (exact && mantissa < MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            result = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        } else {
            value = Double.parseDouble(new String(chars, start, end - start));
            return true;
        }
        value = negative ? -result : result;
        return true;
    }

    /** @return the value of the last text for which {@link #parse(String)} returned {@code true} */
    public double value() {
        return value;
    }

    private boolean parseWord(char[] chars, int start, int end, boolean negative) {
        int length = end - start;
        if ((length == 3 || length == 8) && matchesIgnoringCase(chars, start, "infinity", length)) {
            value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            return true;
        }
        if (length == 3 && matchesIgnoringCase(chars, start, "nan", 3)) {
            value = Double.NaN;
            return true;
        }
        return false;
    }

    /**
     * Compares as {@link String#regionMatches(boolean, int, String, int, int)} does when it ignores case.
     *
     * @param chars  characters holding a text
     * @param start  where the text starts
     * @param word   the word to compare with
     * @param length how many characters to compare; the text and the word must have at least as many
     * @return whether they match
     */
    public static boolean matchesIgnoringCase(char[] chars, int start, String word, int length) {
        for (int k = 0; k < length; k++) {
            char c = chars[start + k];
            char w = word.charAt(k);
            char upper = Character.toUpperCase(c);
            if (c != w && upper != Character.toUpperCase(w)
                    && Character.toLowerCase(upper) != Character.toLowerCase(Character.toUpperCase(w))) {
                return false;
            }
        }
        return true;
    }
}

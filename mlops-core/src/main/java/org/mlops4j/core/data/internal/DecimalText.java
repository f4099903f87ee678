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
 * returns for the same text: decimals of at most 18 digits whose digits make an integer below 2^53, with a
 * power of ten up to 22, are computed
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

    private final boolean nanWords;
    private double value;

    /** Creates a parser that reads {@code nan} in any case as NaN. */
    public DecimalText() {
        this(true);
    }

    /**
     * @param nanWords whether {@code nan} in any case is a number (NaN); pandas' {@code read_csv} reads only its
     *                 null tokens {@code nan}, {@code NaN}, {@code -nan} and {@code -NaN} as missing and any other
     *                 spelling as text, which a CSV reader gets with {@code false}
     */
    public DecimalText(boolean nanWords) {
        this.nanWords = nanWords;
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
        // digits accumulate without checks; beyond MAX_MANTISSA_DIGITS the long may overflow, and the text then
        // takes the slow path below, which does not use it
        long mantissa = 0;
        int digitsStart = i;
        while (i < end && (c = chars[i]) >= '0' && c <= '9') {
            mantissa = mantissa * 10 + (c - '0');
            i++;
        }
        int digits = i - digitsStart;
        int exponent = 0;
        if (i < end && chars[i] == '.') {
            int fractionStart = ++i;
            while (i < end && (c = chars[i]) >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                i++;
            }
            exponent = fractionStart - i;
            digits -= exponent;
        }
        if (digits == 0) {
            return false;
        }
        if (i < end) {
            c = chars[i];
            if (c != 'e' && c != 'E') {
                return false;
            }
            i = parseExponent(chars, i + 1, end);
            if (i < 0) {
                return false;
            }
            exponent += explicitExponent;
        }
        if (digits > MAX_MANTISSA_DIGITS || mantissa >= MAX_EXACT_MANTISSA || exponent < -22 || exponent > 22) {
            if (mantissa == 0 && digits <= MAX_MANTISSA_DIGITS) {
                value = negative ? -0.0 : 0.0;
                return true;
            }
            value = Double.parseDouble(new String(chars, start, end - start));
            return true;
        }
        // both operands are exact doubles, so one correctly rounded operation gives the correctly rounded result
        double result = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        value = negative ? -result : result;
        return true;
    }

    /** The exponent {@link #parseExponent} read last. */
    private int explicitExponent;

    /**
     * Reads an exponent's optional sign and digits into {@link #explicitExponent}, capped in size (a larger one
     * overflows or underflows a double whatever the mantissa, and {@code Double.parseDouble} then decides).
     *
     * @return {@code end} when the rest of the text is a valid exponent, else -1
     */
    private int parseExponent(char[] chars, int from, int end) {
        int i = from;
        boolean negative = false;
        char c;
        if (i < end && ((c = chars[i]) == '-' || c == '+')) {
            negative = c == '-';
            i++;
        }
        int digitsStart = i;
        int explicit = 0;
        while (i < end && (c = chars[i]) >= '0' && c <= '9') {
            if (explicit < 100_000) {
                explicit = explicit * 10 + (c - '0');
            }
            i++;
        }
        if (i == digitsStart || i != end) {
            return -1;
        }
        explicitExponent = negative ? -explicit : explicit;
        return end;
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
        if (nanWords && length == 3 && matchesIgnoringCase(chars, start, "nan", 3)) {
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

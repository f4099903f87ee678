package org.mlops4j.core;

import java.util.Locale;

/**
 * The one way a value read from input is shown inside a message: every character a terminal or log would not show
 * as itself is escaped, and a long value is shortened, so that a message is always one readable line whatever the
 * data holds.
 *
 * <p>Escaped as {@code \}{@code uXXXX}: NUL and the other ISO control characters (C0, DEL and C1, line breaks and tabs
 * included), the Unicode line and paragraph separators, invisible format characters (such as the bidirectional
 * overrides that reorder what a terminal shows) and unpaired surrogates. Everything else, backslashes included, is
 * shown as it is. A value longer than {@value #MAX_CODE_POINTS} code points is cut there and ends in
 * {@code ...[N chars]}, N being its full length in chars.
 *
 * <pre>{@code
 * PrintableValue.of("1\u00000")         // 1\u00000  (the NUL shown as six visible characters)
 * PrintableValue.quoted("12abc")        // '12abc'
 * }</pre>
 *
 * <p>Stateless and thread-safe. Data exceptions, validation messages and the tracking stores' input checks use it,
 * so that a value looks the same in every message.
 */
public final class PrintableValue {

    /** How many code points of a value a message shows before cutting it. */
    public static final int MAX_CODE_POINTS = 200;

    private PrintableValue() {
    }

    /**
     * @param value a value as it was read; {@code null} is shown as {@code null}
     * @return the value with invisible characters escaped and, when long, shortened
     */
    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_CODE_POINTS) + 8);
        int shown = 0;
        for (int i = 0; i < value.length() && shown < MAX_CODE_POINTS; shown++) {
            int c = value.codePointAt(i);
            if (visible(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            }
            i += Character.charCount(c);
            if (shown + 1 == MAX_CODE_POINTS && i < value.length()) {
                out.append("...[").append(value.length()).append(" chars]");
            }
        }
        return out.toString();
    }

    /**
     * @param value a value as it was read; {@code null} is shown as {@code null}, without quotes
     * @return {@link #of(String)} in single quotes
     */
    public static String quoted(String value) {
        return value == null ? "null" : "'" + of(value) + "'";
    }

    private static boolean visible(int c) {
        int type = Character.getType(c);
        return !Character.isISOControl(c) && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}

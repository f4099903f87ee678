package org.mlops4j.core.data.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Timestamps as text, the way they are stored in SQLite: {@code 2021-11-19 15:25:38} in UTC, with {@code .SSS}
 * milliseconds when there are any. That form sorts as text in time order and SQLite's date functions understand it.
 */
public final class SqlTimestamps {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private SqlTimestamps() {
    }

    /**
     * @param epochMillis a point in time
     * @return its text form in UTC
     */
    public static String format(long epochMillis) {
        LocalDateTime time = toUtc(epochMillis);
        return (time.getNano() == 0 ? SECONDS : MILLIS).format(time);
    }

    /**
     * @param epochMillis a point in time
     * @return the date and time it is in UTC
     */
    public static LocalDateTime toUtc(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    /**
     * Parses an ISO-8601 date or date-time: {@code 2021-11-19}, {@code 2021-11-19 15:25[:38[.123456]]} with a space
     * or {@code T}, optionally followed by {@code Z} or an offset such as {@code +02:00}. Without an offset the time
     * is read as UTC.
     *
     * @param text the text
     * @return epoch milliseconds (finer digits are cut off)
     * @throws DateTimeParseException when the text is not such a timestamp
     */
    public static long parse(String text) {
        if ((text.length() == 19 || text.length() == 23) && text.charAt(10) == ' ') {
            long fast = parseOwnForm(text);
            if (fast != Long.MIN_VALUE) {
                return fast;
            }
        }
        String trimmed = text.trim();
        if (trimmed.length() == 10) {
            return LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        String iso = trimmed.length() > 10 && trimmed.charAt(10) == ' '
                ? trimmed.substring(0, 10) + 'T' + trimmed.substring(11) : trimmed;
        if (hasOffset(iso)) {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        }
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /**
     * Reads exactly the form {@link #format} writes, {@code uuuu-MM-dd HH:mm:ss[.SSS]}, without the general parser's
     * cost; most timestamps read from SQLite have it.
     *
     * @return epoch milliseconds, or {@link Long#MIN_VALUE} when the text has another form
     */
    private static long parseOwnForm(String text) {
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int millis = text.length() == 23 ? digits(text, 20, 3) : 0;
        boolean separators = text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && (text.length() == 19 || text.charAt(19) == '.');
        if (!separators || year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0) {
            return Long.MIN_VALUE; // days 29 to 31 and anything odd go through the general parser, which checks them
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean hasOffset(String iso) {
        for (int i = 11; i < iso.length(); i++) {
            char c = iso.charAt(i);
            if (c == 'Z' || c == '+' || c == '-') {
                return true;
            }
        }
        return false;
    }
}

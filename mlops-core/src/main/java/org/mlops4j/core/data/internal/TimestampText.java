package org.mlops4j.core.data.internal;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Recognises and parses ISO-8601 dates and date-times in CSV text without throwing for text that is not one.
 *
 * <p>Accepted forms: {@code yyyy-MM-dd}; {@code yyyy-MM-dd HH:mm}, {@code yyyy-MM-dd HH:mm:ss} and
 * {@code yyyy-MM-dd HH:mm:ss.f} with 1 to 9 fraction digits, where a {@code T} may stand for the space; each
 * date-time optionally followed by a zone offset {@code Z}, {@code +hh}, {@code +hhmm} or {@code +hh:mm}. A value
 * without an offset is read as UTC; a date alone is midnight UTC. Digits beyond milliseconds are truncated. Field
 * ranges are checked (month 1-12, day within the month, leap years, hour 0-23, minute and second 0-59).
 */
public final class TimestampText {

    /** Returned by {@link #parseEpochMillis(String)} for text that is not a timestamp. */
    public static final long NOT_A_TIMESTAMP = Long.MIN_VALUE;

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private TimestampText() {
    }

    /**
     * @param text the text of one field
     * @return milliseconds since the epoch (UTC), or {@link #NOT_A_TIMESTAMP} when the text is not a timestamp
     */
    public static long parseEpochMillis(String text) {
        return parseEpochMillis(text.toCharArray(), 0, text.length());
    }

    /**
     * @param chars characters holding the text of one field
     * @param start where the text starts
     * @param end   where it ends (exclusive)
     * @return milliseconds since the epoch (UTC), or {@link #NOT_A_TIMESTAMP} when the text is not a timestamp
     */
    public static long parseEpochMillis(char[] chars, int start, int end) {
        int length = end - start;
        if (length < 10 || chars[start + 4] != '-' || chars[start + 7] != '-') {
            return NOT_A_TIMESTAMP;
        }
        int year = digits(chars, start, length, 0, 4);
        int month = digits(chars, start, length, 5, 2);
        int day = digits(chars, start, length, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return NOT_A_TIMESTAMP;
        }
        long millis = daysFromCivil(year, month, day) * 86_400_000L;
        if (length == 10) {
            return millis;
        }
        char separator = chars[start + 10];
        if ((separator != ' ' && separator != 'T') || length < 16 || chars[start + 13] != ':') {
            return NOT_A_TIMESTAMP;
        }
        int hour = digits(chars, start, length, 11, 2);
        int minute = digits(chars, start, length, 14, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return NOT_A_TIMESTAMP;
        }
        millis += hour * 3_600_000L + minute * 60_000L;
        int i = 16;
        if (i < length && chars[start + i] == ':') {
            int second = digits(chars, start, length, 17, 2);
            if (second < 0 || second > 59) {
                return NOT_A_TIMESTAMP;
            }
            millis += second * 1000L;
            i = 19;
            if (i < length && chars[start + i] == '.') {
                i++;
                int first = i;
                int fraction = 0;
                char c;
                while (i < length && (c = chars[start + i]) >= '0' && c <= '9') {
                    if (i - first < 3) {
                        fraction = fraction * 10 + (c - '0');
                    }
                    i++;
                }
                int count = i - first;
                if (count == 0 || count > 9) {
                    return NOT_A_TIMESTAMP;
                }
                for (int k = count; k < 3; k++) {
                    fraction *= 10;
                }
                millis += fraction;
            }
        }
        if (i == length) {
            return millis;
        }
        return applyOffset(chars, start, length, i, millis);
    }

    private static long applyOffset(char[] chars, int start, int length, int i, long localMillis) {
        char sign = chars[start + i];
        if (sign == 'Z' || sign == 'z') {
            return i + 1 == length ? localMillis : NOT_A_TIMESTAMP;
        }
        if (sign != '+' && sign != '-') {
            return NOT_A_TIMESTAMP;
        }
        int rest = length - i - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = digits(chars, start, length, i + 1, 2);
        } else if (rest == 4) {
            hours = digits(chars, start, length, i + 1, 2);
            minutes = digits(chars, start, length, i + 3, 2);
        } else if (rest == 5 && chars[start + i + 3] == ':') {
            hours = digits(chars, start, length, i + 1, 2);
            minutes = digits(chars, start, length, i + 4, 2);
        } else {
            return NOT_A_TIMESTAMP;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return NOT_A_TIMESTAMP;
        }
        long offsetMillis = (hours * 60L + minutes) * 60_000L;
        return sign == '+' ? localMillis - offsetMillis : localMillis + offsetMillis;
    }

    /** @return the number, or -1 when a character is not a digit */
    private static int digits(char[] chars, int offset, int length, int start, int count) {
        if (start + count > length) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = chars[offset + i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
            return 29;
        }
        return DAYS_IN_MONTH[month - 1];
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}

package org.mlops4j.core.pipeline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.ConfigurationException;

/**
 * A standard five-field cron expression: {@code minute hour day-of-month month day-of-week}.
 *
 * <p>Each field accepts {@code *}, a value, a range {@code a-b}, a step <code>&#42;/n</code>, {@code a-b/n} or {@code a/n}, and
 * comma-separated lists of those. Months are 1-12 or {@code JAN}-{@code DEC}; days of the week are 0-7 (0 and 7 are
 * Sunday) or {@code SUN}-{@code SAT}; names are case-insensitive. The macros {@code @yearly} ({@code @annually}),
 * {@code @monthly}, {@code @weekly}, {@code @daily} ({@code @midnight}) and {@code @hourly} are accepted. As in Vixie
 * cron, when both day fields are restricted (neither starts with {@code *}) a day matches if either matches;
 * otherwise both must.
 *
 * <p>{@link #next(ZonedDateTime)} works in local time of the given zone: a time skipped by a daylight-saving gap fires
 * just after the gap, and a time repeated by an overlap fires once. Immutable and thread-safe.
 */
public final class CronExpression {

    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int YEARS_SEARCHED = 30;

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private CronExpression(String expression, String[] fields) {
        this.expression = expression;
        this.minutes = parseField(fields[0], "minute", 0, 59, List.of(), 0);
        this.hours = parseField(fields[1], "hour", 0, 23, List.of(), 0);
        this.daysOfMonth = parseField(fields[2], "day-of-month", 1, 31, List.of(), 0);
        this.months = parseField(fields[3], "month", 1, 12, MONTHS, 1);
        BitSet dow = parseField(fields[4], "day-of-week", 0, 7, DAYS, 0);
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        this.daysOfWeek = dow;
        this.dayOfMonthRestricted = !fields[2].startsWith("*") && !fields[2].equals("?");
        this.dayOfWeekRestricted = !fields[4].startsWith("*") && !fields[4].equals("?");
    }

    /**
     * @param expression five fields separated by spaces, or a macro such as {@code @daily}
     * @return the parsed expression
     * @throws ConfigurationException naming the field and value when the expression is invalid
     */
    public static CronExpression parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String trimmed = expression.trim();
        String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new ConfigurationException("Cron expression '" + expression + "' has " + fields.length
                    + " fields; expected 5 (minute hour day-of-month month day-of-week), such as '0 3 * * MON-FRI'");
        }
        try {
            return new CronExpression(trimmed, fields);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Cron expression '" + expression + "': " + e.getMessage(), e);
        }
    }

    /** @return the expression as written */
    public String expression() {
        return expression;
    }

    /**
     * @param time a time, seconds ignored
     * @return whether the expression fires at that minute (in the time's own zone)
     */
    public boolean matches(ZonedDateTime time) {
        LocalDateTime local = time.toLocalDateTime();
        return minutes.get(local.getMinute()) && hours.get(local.getHour()) && months.get(local.getMonthValue())
                && dayMatches(local.toLocalDate());
    }

    /**
     * @param after a time
     * @return the first firing time strictly after it, in its zone; empty when none comes within 30 years (such as
     *         {@code 0 0 30 2 *})
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        LocalDateTime t = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        int lastYear = t.getYear() + YEARS_SEARCHED;
        while (t.getYear() <= lastYear) {
            if (!months.get(t.getMonthValue())) {
                t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
            } else if (!dayMatches(t.toLocalDate())) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                int nextMinute = minutes.nextSetBit(t.getMinute());
                t = nextMinute < 0 ? t.truncatedTo(ChronoUnit.HOURS).plusHours(1) : t.withMinute(nextMinute);
            } else {
                ZonedDateTime candidate = ZonedDateTime.ofLocal(t, after.getZone(), null);
                if (candidate.isAfter(after)) {
                    return Optional.of(candidate);
                }
                t = t.plusMinutes(1);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate date) {
        boolean dom = daysOfMonth.get(date.getDayOfMonth());
        boolean dow = daysOfWeek.get(date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : date.getDayOfWeek().getValue());
        return dayOfMonthRestricted && dayOfWeekRestricted ? dom || dow : dom && dow;
    }

    private static BitSet parseField(String field, String name, int min, int max, List<String> names, int base) {
        BitSet bits = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("the " + name + " field '" + field + "' has an empty list item");
            }
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), name, part, 1, max - min + 1, List.of(), 0);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-');
                if (dash > 0) {
                    from = number(range.substring(0, dash), name, part, min, max, names, base);
                    to = number(range.substring(dash + 1), name, part, min, max, names, base);
                    if (to < from) {
                        throw new IllegalArgumentException("the " + name + " range '" + part
                                + "' ends before it starts");
                    }
                } else {
                    from = number(range, name, part, min, max, names, base);
                    to = slash >= 0 ? max : from;
                }
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String text, String name, String part, int min, int max, List<String> names,
                              int base) {
        int index = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return index + base;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + name + " field has '" + text + "' in '" + part
                    + "'; expected a number from " + min + " to " + max
                    + (names.isEmpty() ? "" : " or one of " + names));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("the " + name + " value " + value + " in '" + part
                    + "' is out of range; expected " + min + " to " + max);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression other && expression.equals(other.expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }
}

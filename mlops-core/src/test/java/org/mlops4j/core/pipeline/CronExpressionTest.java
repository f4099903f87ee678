package org.mlops4j.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;

class CronExpressionTest {

    private static ZonedDateTime utc(String text) {
        return Instant.parse(text).atZone(ZoneOffset.UTC);
    }

    /** Reference next-fire times from src/test/resources/cron/make_next_fire.py, an independent brute force. */
    @Test
    void computesTheSameNextFireTimesAsTheReferenceAcrossMonthAndYearEnds() throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/cron/next-fire.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
        assertTrue(lines.size() >= 20);
        for (String line : lines) {
            String[] cells = line.split(",(?=\\d{4}-)");
            CronExpression cron = CronExpression.parse(cells[0]);
            ZonedDateTime after = utc(cells[1].replace("Z", ":00Z"));
            ZonedDateTime expected = utc(cells[2].replace("Z", ":00Z"));
            assertEquals(expected, cron.next(after).orElseThrow(), line);
            assertTrue(cron.matches(expected), line);
        }
    }

    @Test
    void agreesWithAMinuteByMinuteScanOnRandomExpressions() {
        Random random = new Random(11);
        String[] minutes = {"*", "0", "*/7", "5-50/15", "0,30", "59"};
        String[] hours = {"*", "0", "9-17", "*/5", "23"};
        String[] days = {"*", "1", "15,31", "28-31", "*/10"};
        String[] months = {"*", "FEB", "jan,apr,jul,oct", "2-3", "12"};
        String[] weekdays = {"*", "MON-FRI", "0", "7", "SAT,SUN", "*/2"};
        for (int i = 0; i < 60; i++) {
            String expression = minutes[random.nextInt(minutes.length)] + " " + hours[random.nextInt(hours.length)]
                    + " " + days[random.nextInt(days.length)] + " " + months[random.nextInt(months.length)] + " "
                    + weekdays[random.nextInt(weekdays.length)];
            CronExpression cron = CronExpression.parse(expression);
            ZonedDateTime after = utc("2025-01-01T00:00:00Z").plusMinutes(random.nextInt(2 * 365 * 24 * 60));
            ZonedDateTime next = cron.next(after).orElseThrow();
            ZonedDateTime scan = after.withSecond(0).plusMinutes(1);
            while (!cron.matches(scan)) {
                scan = scan.plusMinutes(1);
            }
            assertEquals(scan, next, expression + " after " + after);
        }
    }

    @Test
    void firesOnceInADaylightSavingOverlapAndJustAfterAGap() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        CronExpression halfPastTwo = CronExpression.parse("30 2 * * *");
        ZonedDateTime beforeGap = ZonedDateTime.of(2025, 3, 30, 1, 0, 0, 0, berlin);
        ZonedDateTime inGap = halfPastTwo.next(beforeGap).orElseThrow();
        assertEquals(ZonedDateTime.of(2025, 3, 30, 3, 30, 0, 0, berlin), inGap, "02:30 does not exist that day");
        ZonedDateTime firstInOverlap = halfPastTwo.next(ZonedDateTime.of(2025, 10, 26, 1, 0, 0, 0, berlin))
                .orElseThrow();
        ZonedDateTime afterThat = halfPastTwo.next(firstInOverlap).orElseThrow();
        assertEquals(27, afterThat.getDayOfMonth(), "02:30 repeats on 26 October but fires once");
    }

    @Test
    void findsNoFireTimeForADayThatNeverComes() {
        assertTrue(CronExpression.parse("0 0 30 2 *").next(utc("2025-01-01T00:00:00Z")).isEmpty());
    }

    @Test
    void namesTheFieldAndValueOfAnInvalidExpression() {
        ConfigurationException fields = assertThrows(ConfigurationException.class,
                () -> CronExpression.parse("0 3 * *"));
        assertTrue(fields.getMessage().contains("has 4 fields; expected 5"), fields.getMessage());
        ConfigurationException range = assertThrows(ConfigurationException.class,
                () -> CronExpression.parse("0 24 * * *"));
        assertTrue(range.getMessage().contains("the hour value 24 in '24' is out of range; expected 0 to 23"),
                range.getMessage());
        ConfigurationException name = assertThrows(ConfigurationException.class,
                () -> CronExpression.parse("0 0 * FOO *"));
        assertTrue(name.getMessage().contains("the month field has 'FOO'"), name.getMessage());
        assertThrows(ConfigurationException.class, () -> CronExpression.parse("0 0 5-1 * *"));
        assertThrows(ConfigurationException.class, () -> CronExpression.parse("*/0 * * * *"));
    }

    @Test
    void firesAFixedRateOnWholeMultiplesOfItsPeriod() {
        Schedule every15 = Schedule.fixedRate(java.time.Duration.ofMinutes(15));
        assertEquals(Instant.parse("2025-01-31T10:15:00Z"),
                every15.nextAfter(Instant.parse("2025-01-31T10:07:12Z")).orElseThrow());
        assertEquals(Instant.parse("2025-01-31T10:30:00Z"),
                every15.nextAfter(Instant.parse("2025-01-31T10:15:00Z")).orElseThrow());
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"),
                every15.nextAfter(Instant.parse("2025-01-31T23:59:59.999Z")).orElseThrow());
    }
}

package org.mlops4j.core.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampTextTest {

    @Test
    void readsLocalDateTimesAsUtcLikeJavaTime() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong() % (400L * 365 * 86_400) + 1_000_000_000L;
            LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            String text = String.format("%04d-%02d-%02d %02d:%02d:%02d", time.getYear(), time.getMonthValue(),
                    time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
            assertEquals(seconds * 1000, TimestampText.parseEpochMillis(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-11-19T15:25:38Z", "2021-11-19T15:25:38+05:30", "2021-11-19T15:25:38-0800",
        "2021-11-19T15:25:38.123+01:00", "2000-02-29T00:00:00.5Z", "1969-12-31T23:59:59.999Z",
        "1600-03-01T12:00:00Z", "2021-11-19T15:25:38.123456789Z"})
    void readsOffsetDateTimesLikeJavaTime(String text) {
        long expected = OffsetDateTime.parse(text.replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant()
                .toEpochMilli();
        assertEquals(expected, TimestampText.parseEpochMillis(text));
    }

    @Test
    void readsDatesAsMidnightUtcAndMinutesWithoutSeconds() {
        assertEquals(LocalDate.of(2021, 7, 1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(),
                TimestampText.parseEpochMillis("2021-07-01"));
        assertEquals(Instant.parse("2022-02-14T08:05:00Z").toEpochMilli(),
                TimestampText.parseEpochMillis("2022-02-14 08:05"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2021", "2021-13-01", "2021-02-29", "2021-04-31", "2021-00-10", "2021-11-19 24:00:00",
        "2021-11-19 12:60:00", "2021-11-19 12:00:60", "2021-11-19X12:00:00", "2021-11-19 12:00:00.",
        "2021-11-19 12:00:00.1234567890", "2021-11-19 12:00:00+5", "2021-11-19 12:00:00 ", "21-11-19", "ghazipur",
        "2021/11/19", "2021-11-19 12", "2021-11-19 12:00:00+19:00"})
    void rejectsTextThatIsNotATimestamp(String text) {
        assertEquals(TimestampText.NOT_A_TIMESTAMP, TimestampText.parseEpochMillis(text), text);
    }
}

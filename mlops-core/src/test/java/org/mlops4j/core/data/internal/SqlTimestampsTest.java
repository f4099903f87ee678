package org.mlops4j.core.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class SqlTimestampsTest {

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void formatsUtcWithMillisecondsOnlyWhenThereAreAny() {
        assertEquals("2021-11-19 15:25:38", SqlTimestamps.format(millis("2021-11-19T15:25:38Z")));
        assertEquals("2021-11-19 15:25:38.050", SqlTimestamps.format(millis("2021-11-19T15:25:38.050Z")));
        assertEquals("1969-12-30 23:59:59.877", SqlTimestamps.format(-86_400_123L));
    }

    @Test
    void parsesTheFormsThatDatabasesAndToolsWrite() {
        long expected = millis("2021-11-19T15:25:38Z");
        assertEquals(expected, SqlTimestamps.parse("2021-11-19 15:25:38"));
        assertEquals(expected, SqlTimestamps.parse("2021-11-19T15:25:38"));
        assertEquals(expected, SqlTimestamps.parse("2021-11-19T15:25:38Z"));
        assertEquals(expected, SqlTimestamps.parse(" 2021-11-19 17:25:38+02:00 "));
        assertEquals(expected, SqlTimestamps.parse("2021-11-19 10:25:38-05:00"));
        assertEquals(expected + 123, SqlTimestamps.parse("2021-11-19 15:25:38.123456"));
        assertEquals(millis("2021-11-19T15:25:00Z"), SqlTimestamps.parse("2021-11-19 15:25"));
        assertEquals(millis("2021-11-19T00:00:00Z"), SqlTimestamps.parse("2021-11-19"));
        assertEquals(millis("2024-02-29T12:00:00.007Z"), SqlTimestamps.parse("2024-02-29 12:00:00.007"));
        assertEquals(millis("2021-12-31T23:59:59Z"), SqlTimestamps.parse("2021-12-31 23:59:59"));
    }

    @Test
    void formattedTextParsesBackToTheSameInstant() {
        for (long value : new long[] {0L, -1L, 1_637_335_538_123L, -86_400_123L, 7_258_118_400_999L}) {
            assertEquals(value, SqlTimestamps.parse(SqlTimestamps.format(value)));
        }
    }

    @Test
    void refusesTextThatIsNoTimestamp() {
        assertThrows(DateTimeParseException.class, () -> SqlTimestamps.parse("19/11/2021"));
        assertThrows(DateTimeParseException.class, () -> SqlTimestamps.parse("2021-13-01 00:00:00"));
        assertThrows(DateTimeParseException.class, () -> SqlTimestamps.parse("yesterday"));
        assertThrows(DateTimeParseException.class, () -> SqlTimestamps.parse("2021-02-29 00:00:00"));
        assertThrows(DateTimeParseException.class, () -> SqlTimestamps.parse("2021-11-19 24:00:00"));
        assertThrows(DateTimeParseException.class, () -> SqlTimestamps.parse("2021-11-19 15:25:38.12x"));
    }
}

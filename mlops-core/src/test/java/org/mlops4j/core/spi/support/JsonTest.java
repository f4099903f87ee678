package org.mlops4j.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;

class JsonTest {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Reading(String sensorName, double value, List<Double> history, Instant takenAt, int count) {
    }

    record Pair(String first, Reading second) {
    }

    @Test
    void writesRecordsInComponentOrderWithIsoTimesAndNonFiniteNumbersAsNull() {
        Reading r = new Reading("t1", Double.NaN, List.of(1.5, Double.POSITIVE_INFINITY),
                Instant.parse("2024-05-01T10:15:30.123Z"), 3);

        assertEquals("{\"sensor_name\":\"t1\",\"value\":null,\"history\":[1.5,null],"
                + "\"taken_at\":\"2024-05-01T10:15:30.123Z\",\"count\":3}", Json.write(r));
    }

    @Test
    void readsBackWhatItWroteWithNullAsNaN() {
        Reading r = new Reading("t1", Double.NaN, List.of(1.5), Instant.parse("2024-05-01T10:15:30Z"), 3);

        assertEquals(r, Json.read(Json.write(r), Reading.class, "test"));
        assertEquals(r, Json.read(Json.writePretty(r), Reading.class, "test"));
    }

    @Test
    void namesTheMissingKeyWithItsPathAndTheSource() {
        String json = "{\"first\":\"a\",\"second\":{\"sensor_name\":\"t1\",\"value\":1,\"history\":[],"
                + "\"taken_at\":\"2024-05-01T10:15:30Z\"}}";

        DataException e = assertThrows(DataException.class, () -> Json.read(json, Pair.class, "pairs.json"));

        assertTrue(e.getMessage().contains("second.count") && e.getMessage().contains("pairs.json"), e.getMessage());
    }

    @Test
    void aLenientReadFillsAbsentKeysAndIgnoresUnknownOnes() {
        Reading r = Json.readLenient("{\"sensor_name\":\"t1\",\"added_later\":true}", Reading.class, "test");

        assertEquals(new Reading("t1", Double.NaN, null, null, 0), r);
    }

    @Test
    void rejectsTextThatIsNotJsonAndDuplicateKeys() {
        assertThrows(DataException.class, () -> Json.read("{not json", Pair.class, "test"));
        assertThrows(DataException.class, () -> Json.read("{\"first\":\"a\",\"first\":\"b\"}", Pair.class,
                "test"));
    }
}

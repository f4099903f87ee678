package org.mlops4j.serving.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON scoring formats read from bodies as a client sends them; {@code dataframe_split}, read as it streams,
 * gives the same values a tree of the body holds, in either field order, and the same errors.
 */
class JsonScoringInputTest {

    private static final List<String> MODEL = List.of("a", "b", "c");

    private static RequestTable read(String body) {
        return JsonScoringInput.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), MODEL);
    }

    private static String refused(String body) {
        BadScoringRequest e = assertThrows(BadScoringRequest.class, () -> read(body));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    private static JsonNode tree(String json) throws Exception {
        return JsonScoringInput.JSON.readTree(json);
    }

    @Test
    void splitRowsHoldTheNodesATreeOfTheBodyHolds() throws Exception {
        String row = "[1, -2.5e3, \"x\", null, true, false, 12345678901, 123456789012345678901234567890, [1, 2], "
                + "{\"k\": 1}]";
        RequestTable table = read("{\"dataframe_split\": {\"columns\": [\"c0\", \"c1\", \"c2\", \"c3\", \"c4\", "
                + "\"c5\", \"c6\", \"c7\", \"c8\", \"c9\"], \"data\": [" + row + "]}}");
        assertEquals(List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"), table.columns());
        JsonNode expected = tree(row);
        JsonNode[] values = table.rows().get(0).values();
        assertEquals(expected.size(), values.length);
        for (int c = 0; c < values.length; c++) {
            assertEquals(expected.get(c), values[c], "column " + c);
            assertEquals(expected.get(c).getNodeType(), values[c].getNodeType(), "column " + c);
            assertEquals(expected.get(c).numberType(), values[c].numberType(), "column " + c);
        }
    }

    @Test
    void columnsMayFollowDataAndIndexAndParamsAreIgnored() {
        RequestTable before = read("{\"dataframe_split\": {\"columns\": [\"a\", \"b\"], \"index\": [7, 8], "
                + "\"data\": [[1, \"p\"], [2, \"q\"]]}, \"params\": {\"k\": [1]}}");
        RequestTable after = read("{\"params\": null, \"dataframe_split\": {\"index\": [7, 8], "
                + "\"data\": [[1, \"p\"], [2, \"q\"]], \"columns\": [\"a\", \"b\"]}}");
        assertEquals(before.columns(), after.columns());
        assertEquals(2, after.rows().size());
        for (int r = 0; r < 2; r++) {
            assertEquals(Arrays.asList(before.rows().get(r).values()), Arrays.asList(after.rows().get(r).values()));
        }
        assertEquals("q", after.rows().get(1).values()[1].asText());
    }

    @Test
    void aRowThatIsNotAnArrayOrHasTooFewValuesIsThatRowsErrorAndTheOthersAreRows() {
        RequestTable table = read("{\"dataframe_split\": {\"data\": [[1, 2], {\"a\": 1}, [3], [4, 5], 6], "
                + "\"columns\": [\"a\", \"b\"]}}");
        assertEquals(5, table.rows().size());
        assertTrue(table.rows().get(0).error().isEmpty());
        RowError notArray = table.rows().get(1).error().orElseThrow();
        assertEquals(1, notArray.row());
        assertEquals("an array of 2 values", notArray.expected());
        RowError short1 = table.rows().get(2).error().orElseThrow();
        assertEquals("2 values, one per column", short1.expected());
        assertEquals("1 values", short1.found());
        assertEquals(5, table.rows().get(3).values()[1].asInt());
        assertEquals("an array of 2 values", table.rows().get(4).error().orElseThrow().expected());
    }

    @Test
    void anEmptyDataArrayIsATableWithoutRows() {
        RequestTable table = read("{\"dataframe_split\": {\"columns\": [\"a\"], \"data\": []}}");
        assertEquals(List.of("a"), table.columns());
        assertEquals(0, table.rows().size());
    }

    @Test
    void malformedSplitsAreRefusedSayingWhatIsExpectedAndFound() {
        assertTrue(refused("{\"dataframe_split\": {\"columns\": [\"a\"]}}")
                .contains("found an object with the fields [columns]"));
        assertTrue(refused("{\"dataframe_split\": {\"columns\": [\"a\"], \"data\": 5}}")
                .contains("found an object with the fields [columns, data]"));
        assertTrue(refused("{\"dataframe_split\": [[1]]}").contains("found an array."));
        assertTrue(refused("{\"dataframe_split\": {\"columns\": [1], \"data\": []}}")
                .contains("must hold column names as strings; found 1"));
        assertTrue(refused("{\"dataframe_split\": {\"columns\": [\"a\", \"a\"], \"data\": []}}")
                .contains("names column 'a' twice"));
    }

    @Test
    void bodiesThatAreNotOneInputObjectAreRefused() {
        assertTrue(refused("").contains("The body is empty."));
        assertTrue(refused("[1, 2]").contains("Received an array."));
        assertTrue(refused("{\"dataframe_split\": ").contains("not valid JSON"));
        assertTrue(refused("{\"dataframe_split\": {\"columns\": [], \"data\": []}} {}")
                .contains("more content follows the top-level value"));
        assertTrue(refused("{\"dataframe_split\": {\"columns\": [], \"data\": []}, \"instances\": []}")
                .contains("Received an object with the fields [dataframe_split, instances]"));
        assertTrue(refused("{\"instances\": [], \"instances\": []}").contains("names the field \"instances\" twice"));
        assertTrue(refused("{\"params\": {}}").contains("Received an object with the fields [params]"));
    }

    @Test
    void theOtherFormatsStillReadThroughTheTree() {
        RequestTable records = read("{\"dataframe_records\": [{\"a\": 1, \"b\": \"x\"}, {\"b\": \"y\"}]}");
        assertEquals(List.of("a", "b"), records.columns());
        assertTrue(records.rows().get(1).values()[0].isNull());
        RequestTable instances = read("{\"instances\": [[1, 2, 3]]}");
        assertEquals(MODEL, instances.columns());
        RequestTable inputs = read("{\"inputs\": {\"a\": [1, 2], \"b\": [3, 4]}}");
        assertEquals(2, inputs.rows().size());
        assertEquals(4, inputs.rows().get(1).values()[1].asInt());
    }
}

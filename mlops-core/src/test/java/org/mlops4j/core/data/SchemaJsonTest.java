package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema fullSchema() {
        return Schema.builder()
                .column(ColumnSpec.builder("city_tier").type(ColumnType.NUMERIC).nullable(false).range(1, 3).build())
                .column(ColumnSpec.builder("score").type(ColumnType.NUMERIC).min(-0.5).build())
                .column(ColumnSpec.builder("leads").type(ColumnType.NUMERIC).max(89.25).build())
                .column(ColumnSpec.builder("platform").type(ColumnType.CATEGORICAL)
                        .allowedValues("Level0", "Level3", "others").build())
                .column(ColumnSpec.builder("note").type(ColumnType.TEXT).allowedValues("ünïcode \"quoted\"").build())
                .column(ColumnSpec.builder("referred").type(ColumnType.BOOLEAN).nullable(false).build())
                .column(ColumnSpec.of("created", ColumnType.TIMESTAMP))
                .column(ColumnSpec.named("anything"))
                .missingColumns(MissingColumnPolicy.ADD_NULL)
                .extraColumns(ExtraColumnPolicy.DROP)
                .strictOrder(true)
                .build();
    }

    static Path resource(String name) {
        try {
            return Path.of(SchemaJsonTest.class.getResource("/leadscoring/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void roundTripKeepsEveryFieldOfEveryColumn() {
        Schema schema = fullSchema();

        Schema back = Schema.fromJson(schema.toJson());

        assertEquals(schema, back);
        assertEquals(schema.toJson(), back.toJson(), "writing is stable");
    }

    @Test
    void roundTripOfEachPolicy() {
        for (MissingColumnPolicy missing : MissingColumnPolicy.values()) {
            for (ExtraColumnPolicy extra : ExtraColumnPolicy.values()) {
                Schema schema = Schema.ofNames("a").toBuilder().missingColumns(missing).extraColumns(extra).build();
                assertEquals(schema, Schema.fromJson(schema.toJson()), missing + "/" + extra);
            }
        }
    }

    @Test
    void writesTheDocumentedKeys() throws Exception {
        JsonNode root = JSON.readTree(fullSchema().toJson());

        assertEquals(List.of("format", "version", "missingColumns", "extraColumns", "strictOrder", "columns"),
                iterable(root.fieldNames()));
        assertEquals("mlops4j-schema", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
        assertEquals("add_null", root.get("missingColumns").asText());
        assertEquals("drop", root.get("extraColumns").asText());
        JsonNode tier = root.get("columns").get(0);
        assertEquals(List.of("name", "type", "nullable", "min", "max"), iterable(tier.fieldNames()));
        assertEquals("numeric", tier.get("type").asText());
        assertTrue(tier.get("min").isIntegralNumber(), "whole bounds are written as integers");
        assertEquals(-0.5, root.get("columns").get(1).get("min").asDouble());
        JsonNode anything = root.get("columns").get(7);
        assertFalse(anything.has("type"), "an untyped column has no type key");
        assertEquals(List.of("Level0", "Level3", "others"),
                iterable(root.get("columns").get(3).get("allowedValues").elements()).stream()
                        .map(JsonNode::asText).toList());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void readsAMinimalDocumentWithDefaults() {
        Schema schema = Schema.fromJson("{\"columns\": [{\"name\": \"a\"}, {\"name\": \"b\", \"type\": \"TEXT\"}]}");

        assertEquals(List.of("a", "b"), schema.columnNames());
        assertEquals(MissingColumnPolicy.FAIL, schema.missingColumns());
        assertEquals(ExtraColumnPolicy.FAIL, schema.extraColumns());
        assertFalse(schema.strictOrder());
        assertTrue(schema.column("a").orElseThrow().type().isEmpty());
        assertTrue(schema.column("a").orElseThrow().nullable());
        assertEquals(ColumnType.TEXT, schema.column("b").orElseThrow().type().orElseThrow());
    }

    @Test
    void writesAndReadsAFile(@TempDir Path dir) {
        Path file = dir.resolve("schemas/leads.schema.json");

        fullSchema().writeJson(file);

        assertEquals(fullSchema(), Schema.fromJson(file));
    }

    @Test
    void readsTheTypedLeadScoringSchemas() {
        Schema raw = Schema.fromJson(resource("raw-data.schema.json"));
        Schema modelInput = Schema.fromJson(resource("model-input.schema.json"));

        assertEquals(45, raw.columns().size());
        assertEquals(7, modelInput.columns().size());
        assertEquals(List.of("Level0", "Level3", "Level7", "Level1", "Level2", "Level8", "others"),
                modelInput.column("first_platform_c").orElseThrow().allowedValues());
        assertEquals(raw, Schema.fromJson(raw.toJson()));
        assertEquals(modelInput, Schema.fromJson(modelInput.toJson()));
    }

    // ---- bad documents ------------------------------------------------------------------------------------------

    private static String invalid(String json) {
        return assertThrows(SchemaException.class, () -> Schema.fromJson(json)).getMessage();
    }

    @Test
    void unknownTypeNamesTheColumnTheTypeAndTheAcceptedTypes() {
        String message = invalid("{\"columns\": [{\"name\": \"a\"}, {\"name\": \"age\", \"type\": \"integer\"}]}");

        assertTrue(message.contains("column 'age' (columns[1])"), message);
        assertTrue(message.contains("'integer'"), message);
        assertTrue(message.contains("numeric, categorical, boolean, timestamp, text"), message);
    }

    @Test
    void duplicateColumnNamesAreNamed() {
        String message = invalid("{\"columns\": [{\"name\": \"age\"}, {\"name\": \"city\"}, {\"name\": \"age\"}]}");

        assertTrue(message.contains("Column 'age' appears twice"), message);
    }

    @Test
    void minAboveMaxNamesTheColumn() {
        String message = invalid("{\"columns\": [{\"name\": \"tier\", \"type\": \"numeric\", \"min\": 3, \"max\": 1}]}");

        assertTrue(message.contains("Column 'tier': min 3 is greater than max 1"), message);
    }

    @Test
    void unknownColumnKeyNamesTheColumnAndTheKnownKeys() {
        String message = invalid("{\"columns\": [{\"name\": \"tier\", \"nulable\": false}]}");

        assertTrue(message.contains("column 'tier' (columns[0]) has unknown key 'nulable'"), message);
        assertTrue(message.contains("name, type, nullable, allowedValues, min, max"), message);
    }

    @Test
    void unknownTopLevelKeyIsNamed() {
        String message = invalid("{\"columns\": [{\"name\": \"a\"}], \"strict\": true}");

        assertTrue(message.contains("unknown key 'strict'"), message);
    }

    @Test
    void wrongJsonTypesAreNamed() {
        assertTrue(invalid("{\"columns\": [{\"name\": \"a\", \"nullable\": \"no\"}]}")
                .contains("column 'a' (columns[0]): key 'nullable' must be true or false, found \"no\""));
        assertTrue(invalid("{\"columns\": [{\"name\": \"a\", \"type\": \"numeric\", \"min\": \"0\"}]}")
                .contains("key 'min' must be a number"));
        assertTrue(invalid("{\"columns\": [{\"name\": \"a\", \"allowedValues\": [\"x\", 1]}]}")
                .contains("allowed value 1 is not a string"));
        assertTrue(invalid("{\"columns\": [{\"name\": 7}]}").contains("key 'name' must be a string"));
        assertTrue(invalid("{\"columns\": [\"a\"]}").contains("columns[0] is string; expected an object"));
    }

    @Test
    void missingOrMalformedColumnsAreReported() {
        assertTrue(invalid("{\"strictOrder\": true}").contains("expected key 'columns'"));
        assertTrue(invalid("{\"columns\": [{\"type\": \"text\"}]}").contains("columns[0] has no 'name'"));
        assertTrue(invalid("[\"a\", \"b\"]").contains("expected a JSON object"));
        assertTrue(invalid("{\"columns\": []}").contains("at least one column"));
    }

    @Test
    void unknownPolicyAndVersionAreReported() {
        assertTrue(invalid("{\"extraColumns\": \"keep\", \"columns\": [{\"name\": \"a\"}]}")
                .contains("Unknown extra-column policy 'keep'; expected fail, ignore or drop"));
        assertTrue(invalid("{\"missingColumns\": \"skip\", \"columns\": [{\"name\": \"a\"}]}")
                .contains("expected fail or add_null"));
        assertTrue(invalid("{\"version\": 2, \"columns\": [{\"name\": \"a\"}]}")
                .contains("this library reads version 1"));
        assertTrue(invalid("{\"format\": \"other\", \"columns\": [{\"name\": \"a\"}]}")
                .contains("expected 'mlops4j-schema'"));
    }

    @Test
    void malformedJsonGivesTheLineAndARepeatedKeyIsAnError() {
        String broken = invalid("{\"columns\": [\n{\"name\": \"a\",}\n]}");
        String repeated = invalid("{\"columns\": [{\"name\": \"a\", \"name\": \"b\"}]}");

        assertTrue(broken.contains("not well-formed JSON") && broken.contains("line 2"), broken);
        assertTrue(repeated.contains("Duplicate field 'name'"), repeated);
    }

    @Test
    void anErrorInAFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.schema.json");
        Files.writeString(file, "{\"columns\": [{\"name\": \"tier\", \"type\": \"numeric\", \"min\": 3, \"max\": 1}]}");

        SchemaException e = assertThrows(SchemaException.class, () -> Schema.fromJson(file));

        assertTrue(e.getMessage().startsWith("Invalid schema in " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("'tier'"), e.getMessage());
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir Path dir) {
        assertThrows(java.io.UncheckedIOException.class, () -> Schema.fromJson(dir.resolve("nope.json")));
    }
}

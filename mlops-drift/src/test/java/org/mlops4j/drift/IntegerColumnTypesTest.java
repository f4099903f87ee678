package org.mlops4j.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

/**
 * Integer-valued numeric columns against {@code reference/integer_columns.json}, which
 * {@code make_integer_reference.py} computed with Evidently's formulas: such columns are numeric, the number of
 * distinct values (1-5, 6-10, 11+) and the reference size (either side of 1000) choose the default test, every
 * numeric test can be forced on them, and typing them {@code cat} gives Evidently's categorical results.
 */
class IntegerColumnTypesTest {

    private static JsonNode cases;

    static synchronized JsonNode cases() {
        if (cases == null) {
            try (InputStream in = IntegerColumnTypesTest.class.getResourceAsStream(
                    "/reference/integer_columns.json")) {
                cases = new ObjectMapper().readTree(in).get("cases");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cases;
    }

    static Stream<JsonNode> integerCases() {
        List<JsonNode> out = new ArrayList<>();
        cases().forEach(out::add);
        return out.stream();
    }

    static Stream<Arguments> forcedTests() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : cases()) {
            for (String type : List.of("num", "cat")) {
                c.get("expected_" + type).fields().forEachRemaining(e -> {
                    if (e.getValue().has("score")) {
                        out.add(Arguments.of(c.get("name").asText(), type, e.getKey()));
                    }
                });
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerCases")
    void integerColumnsAreNumericAndGetEvidentlysDefaultTest(JsonNode c) {
        ColumnDrift result = DataDrift.builder().build().run(table(c, "reference"), table(c, "current"))
                .columns().get(0);

        assertEquals(ColumnType.NUMERIC, result.columnType());
        assertEquals(c.get("default_num").asText(), result.stattest(), "distinct values "
                + c.get("distinct_values") + ", reference size " + c.get("reference").size());
        JsonNode expected = expected(c, result.stattest());
        assertEquals(expected.get("score").asDouble(), result.score(), 1e-6);
        assertEquals(expected.get("drifted").asBoolean(), result.drifted());
    }

    @ParameterizedTest(name = "{0} typed cat")
    @MethodSource("integerCases")
    void integerColumnsTypedCatGetEvidentlysCategoricalDefault(JsonNode c) {
        ColumnDrift result = DataDrift.builder().columnType("x", ColumnType.CATEGORICAL).build()
                .run(table(c, "reference"), table(c, "current")).columns().get(0);

        assertEquals(ColumnType.CATEGORICAL, result.columnType());
        assertEquals(c.get("default_cat").asText(), result.stattest());
        assertEquals(c.get("expected_cat").get(result.stattest()).get("score").asDouble(), result.score(), 1e-6);
    }

    @ParameterizedTest(name = "{2} forced on {0} typed {1}")
    @MethodSource("forcedTests")
    void aForcedTestComputesOnIntegerColumnsAsEvidentlyDoes(String name, String type, String test) {
        JsonNode c = byName(name);
        DataDrift.Builder builder = DataDrift.builder().stattest(test);
        if (type.equals("cat")) {
            builder.columnType("x", ColumnType.CATEGORICAL);
        }

        ColumnDrift result = builder.build().run(table(c, "reference"), table(c, "current")).columns().get(0);

        JsonNode expected = c.get("expected_" + type).get(test);
        assertEquals(expected.get("score").asDouble(), result.score(), 1e-6);
        assertEquals(expected.get("drifted").asBoolean(), result.drifted());
    }

    @Test
    void mannWhitneyOnAPairOfColumnsOfOneToSixIsComputed() {
        JsonNode c = byName("mannw_pair_1_to_6");

        ColumnDrift result = DataDrift.builder().stattest("mannw").build()
                .run(table(c, "reference"), table(c, "current")).columns().get(0);

        assertEquals(6, c.get("distinct_values").asInt());
        assertEquals(0.48143, result.score(), 5e-6);
    }

    /** The default test's expected score: chisquare and z are categorical tests Evidently also runs on numbers. */
    private static JsonNode expected(JsonNode c, String test) {
        JsonNode num = c.get("expected_num").get(test);
        return num != null ? num : c.get("expected_cat").get(test);
    }

    private static JsonNode byName(String name) {
        for (JsonNode c : cases()) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("No reference case " + name);
    }

    private static Table table(JsonNode c, String side) {
        JsonNode values = c.get(side);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble();
        }
        return Table.of(NumericColumn.of("x", out));
    }
}

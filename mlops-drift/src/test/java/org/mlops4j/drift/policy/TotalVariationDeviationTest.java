package org.mlops4j.drift.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftSamples;

class TotalVariationDeviationTest {

    private final TotalVariationDeviation tvd = new TotalVariationDeviation();

    static Stream<JsonNode> referenceCases() throws Exception {
        try (InputStream in = TotalVariationDeviationTest.class.getResourceAsStream("/reference/policy/tvd.json")) {
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).get("cases").forEach(out::add);
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void matchesTheNumpyReference(JsonNode c) {
        DriftSamples samples;
        if (c.get("column_type").asText().equals("num")) {
            double[] ref = numbers(c.get("reference"));
            samples = DriftSamples.numeric("x", ColumnType.NUMERIC, ref, numbers(c.get("current")), 0);
            double[] sorted = ref.clone();
            java.util.Arrays.sort(sorted);
            assertArrayEquals(numbers(c.get("edges")), TotalVariationDeviation.decileEdges(sorted), 0.0);
        } else {
            samples = DriftSamples.categorical("x", texts(c.get("reference")), texts(c.get("current")), 0);
        }
        assertEquals(c.get("tvd_pp").asDouble(), tvd.deviation(samples), 1e-9);
    }

    @Test
    void categoriesMovedAreThePercentagePointsOfMassThatMoved() {
        List<String> ref = repeat("a", 88, "others", 12);
        List<String> cur = repeat("a", 65, "others", 35);
        assertEquals(23.0, tvd.deviation(DriftSamples.categorical("c", ref, cur, 0)), 1e-9);
        assertEquals(100.0, tvd.deviation(DriftSamples.categorical("c", repeat("a", 5, "b", 0),
                repeat("b", 7, "a", 0), 0)), 1e-9);
    }

    @Test
    void integerCodesTreatedAsCategoriesUseTheirValues() {
        double[] ref = {1, 1, 1, 2, 3, 3, 3, 3, 3, 3};
        double[] cur = {1, 2, 2, 2, 3, 3, 3, 3, 3, 3};
        // shares 0.3/0.1/0.6 against 0.1/0.3/0.6: 20 points moved from 1 to 2
        assertEquals(20.0, tvd.deviation(DriftSamples.numeric("tier", ColumnType.CATEGORICAL, ref, cur, 0)), 1e-9);
    }

    @Test
    void aNumericShiftBeyondEveryDecileMovesAllMass() {
        double[] ref = new double[1000];
        double[] cur = new double[1000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = i;
            cur[i] = 5000 + i;
        }
        // every current value lies above the last decile: 90 % of the reference mass sits in lower bins
        assertEquals(90.0, tvd.deviation(DriftSamples.numeric("x", ColumnType.NUMERIC, ref, cur, 0)), 1e-9);
    }

    private static List<String> repeat(String a, int na, String b, int nb) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < na; i++) {
            out.add(a);
        }
        for (int i = 0; i < nb; i++) {
            out.add(b);
        }
        return out;
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

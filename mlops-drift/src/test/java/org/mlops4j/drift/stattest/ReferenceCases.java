package org.mlops4j.drift.stattest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftSamples;

/** The samples and expected scores of {@code reference/stattests.json}, made by {@code make_reference.py}. */
final class ReferenceCases {

    private static JsonNode root;

    private ReferenceCases() {
    }

    static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = ReferenceCases.class.getResourceAsStream("/reference/stattests.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static List<JsonNode> cases() {
        List<JsonNode> out = new ArrayList<>();
        root().get("cases").forEach(out::add);
        return out;
    }

    static JsonNode byName(String name) {
        return cases().stream().filter(c -> c.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    static DriftSamples samples(JsonNode c, long seed) {
        String name = c.get("name").asText();
        if (c.get("column_type").asText().equals("num")) {
            return DriftSamples.numeric(name, ColumnType.NUMERIC, doubles(c.get("reference")),
                    doubles(c.get("current")), seed);
        }
        return DriftSamples.categorical(name, strings(c.get("reference")), strings(c.get("current")), seed);
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}

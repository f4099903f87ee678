package org.mlops4j.drift.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;

/** Reads the reference data and numbers made by {@code src/test/resources/profile/make_reference.py}. */
final class ReferenceData {

    private ReferenceData() {
    }

    static JsonNode read(String name) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/profile/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NumericColumn numeric(String name, JsonNode cells) {
        NumericColumn.Builder builder = NumericColumn.builder(name, cells.size());
        for (JsonNode cell : cells) {
            if (cell.isNull()) {
                builder.addNull();
            } else if (cell.isTextual()) {
                builder.add(Double.parseDouble(cell.asText()));
            } else {
                builder.add(cell.doubleValue());
            }
        }
        return builder.build();
    }

    static double[] doubles(JsonNode cells) {
        double[] out = new double[cells.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cells.get(i).doubleValue();
        }
        return out;
    }

    static CategoricalColumn categorical(String name, JsonNode cells) {
        CategoricalColumn.Builder builder = CategoricalColumn.builder(name, cells.size());
        for (JsonNode cell : cells) {
            builder.add(cell.isNull() ? null : cell.asText());
        }
        return builder.build();
    }
}

package org.mlops4j.tracking.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.tracking.InvalidRegistryValueException;

/**
 * A model version's input schema carried as version tags, since MLflow's registry API has no field for it: the
 * schema's JSON ({@link Schema#toJson()}) cut into pieces of at most {@value #PIECE} characters (the longest tag
 * value MLflow takes) under {@code mlops4j.input_schema.0}, {@code .1}, ... Other MLflow clients see them as tags;
 * the {@code http:} registry reads them back into {@code inputSchema} and hides them from {@code tags}.
 */
final class InputSchemaTags {

    /** The prefix of the tags' keys. */
    static final String PREFIX = "mlops4j.input_schema.";
    private static final int PIECE = 5000;

    private InputSchemaTags() {
    }

    /**
     * @param schema a schema
     * @return the tags that carry it
     */
    static Map<String, String> of(Schema schema) {
        String json = schema.toJson();
        Map<String, String> tags = new LinkedHashMap<>();
        for (int start = 0, piece = 0; start < json.length(); start += PIECE, piece++) {
            tags.put(PREFIX + piece, json.substring(start, Math.min(json.length(), start + PIECE)));
        }
        return tags;
    }

    /**
     * @param tags a version's tags
     * @return the schema they carry, if any
     * @throws InvalidRegistryValueException when the pieces do not make a schema
     */
    static Optional<Schema> read(Map<String, String> tags) {
        StringBuilder json = new StringBuilder();
        for (int piece = 0; tags.containsKey(PREFIX + piece); piece++) {
            json.append(tags.get(PREFIX + piece));
        }
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Schema.fromJson(json.toString()));
        } catch (RuntimeException e) {
            throw new InvalidRegistryValueException("The input schema in the tags " + PREFIX + "* of a model version "
                    + "is not a schema: " + e.getMessage() + " Set those tags only through the mlops4j registry.");
        }
    }

    /**
     * @param tags a version's tags
     * @return the tags without those that carry the schema
     */
    static Map<String, String> without(Map<String, String> tags) {
        Map<String, String> rest = new LinkedHashMap<>(tags);
        rest.keySet().removeIf(key -> key.startsWith(PREFIX));
        return rest;
    }
}

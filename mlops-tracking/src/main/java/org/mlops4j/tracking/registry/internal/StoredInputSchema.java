package org.mlops4j.tracking.registry.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How both registries store a version's input schema: as the compact text of the schema's JSON form
 * ({@link Schema#toJson()}), in the file store's model document and in the JDBC stores' {@code input_schema} column.
 * Versions registered before the registry took a {@link Schema} hold the same document, so they read back as
 * schemas; a stored text that is not a schema document (a registry written by other code) reads as no schema, with a
 * warning naming the model and version, so that the registry still opens.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class StoredInputSchema {

    private static final Logger LOG = LoggerFactory.getLogger(StoredInputSchema.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredInputSchema() {
    }

    /**
     * @param schema a version's input schema
     * @return its JSON form on one line, as stored
     */
    public static String write(Schema schema) {
        try {
            return JSON.readTree(schema.toJson()).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A schema's own JSON form does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param json    the stored text; {@code null} when the version has no schema
     * @param model   the registered model's name, for the warning
     * @param version the version's number, for the warning
     * @return the schema; empty when none is stored or the stored text is not a schema document
     */
    public static Optional<Schema> read(String json, String model, int version) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Schema.fromJson(json));
        } catch (MlopsException e) {
            LOG.warn("Model '{}' version {} has a stored input schema that is not an mlops4j schema document; it is "
                    + "read as no schema ({}). Register a new version with a Schema to give it one.", model, version,
                    e.getMessage());
            return Optional.empty();
        }
    }
}

package org.mlops4j.serving.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The body of {@code GET /version}: which model version answers, as JSON,
 * {@code {"name": "lead-scoring", "version": 3, "uri": "models:/lead-scoring@champion",
 * "loaded_at": "2026-12-07T20:00:00Z"}}, with {@code "last_failure": {"version": 4, "message": ..., "at": ...}} while
 * a newer version the URI names cannot be served. (MLflow's server answers its own version here; a client that wants
 * to know what scores its requests wants the model's.)
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
final class VersionAnswer {

    private static final JsonFactory JSON = new JsonFactory();

    private VersionAnswer() {
    }

    static byte[] json(LoadedVersion version, Optional<FailedLoad> failure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("name", version.name());
            json.writeNumberField("version", version.version());
            json.writeStringField("uri", version.uri());
            json.writeStringField("loaded_at", version.loadedAt().toString());
            if (failure.isPresent()) {
                json.writeObjectFieldStart("last_failure");
                json.writeNumberField("version", failure.get().version());
                json.writeStringField("message", failure.get().message());
                json.writeStringField("at", failure.get().at().toString());
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }
}

package org.mlops4j.serving;

import java.time.Instant;
import java.util.Objects;
import org.mlops4j.serving.internal.LoadedVersion;

/**
 * The model version a {@link ModelServer} answers with: every answer names it (headers
 * {@value ModelServer#MODEL_HEADER} and {@value ModelServer#VERSION_HEADER}, and {@code GET /version}).
 *
 * @param name     the registered model's name
 * @param version  the version number
 * @param uri      the models URI the server follows, such as {@code models:/lead-scoring@champion}
 * @param loadedAt when the server loaded this version
 */
public record ServedVersion(String name, int version, String uri, Instant loadedAt) {

    /**
     * @param loaded the server's own record of a loaded version
     * @return it, as the API gives it out
     */
    static ServedVersion of(LoadedVersion loaded) {
        return new ServedVersion(loaded.name(), loaded.version(), loaded.uri(), loaded.loadedAt());
    }

    /** Checks the values. */
    public ServedVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(loadedAt, "loadedAt");
        if (version < 1) {
            throw new IllegalArgumentException("Versions are numbered from 1; found " + version);
        }
    }
}

package org.mlops4j.serving.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Which version a {@link ServedModel} is, inside the model server; the API hands it out as
 * {@code org.mlops4j.serving.ServedVersion} (this package does not use the API's types, so that the two
 * packages form no cycle).
 *
 * @param name     the registered model's name
 * @param version  the version number
 * @param uri      the models URI the server follows
 * @param loadedAt when the server loaded this version
 */
public record LoadedVersion(String name, int version, String uri, Instant loadedAt) {

    /** Checks the values. */
    public LoadedVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(loadedAt, "loadedAt");
    }
}

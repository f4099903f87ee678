package org.mlops4j.core.tracking;

import java.util.Objects;

/**
 * An entry in a run's artifact folder, as listed (not recursively) by
 * {@link TrackingStore#listArtifacts(String, String)}.
 *
 * @param path      the path relative to the run's artifact root, with {@code /} separators
 * @param directory whether it is a folder
 * @param size      the size in bytes of a file; 0 for a folder
 */
public record ArtifactInfo(String path, boolean directory, long size) {
    /** Checks the path is present. */
    public ArtifactInfo {
        Objects.requireNonNull(path, "path");
    }
}

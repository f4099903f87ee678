package org.mlops4j.tracking.registry.internal;

import java.util.Map;
import java.util.Optional;

/**
 * A new model version whose parts have been checked and normalised, ready to be stored.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param name        the registered model's name
 * @param source      the artifacts' URI; never a {@code models:/} URI
 * @param runId       the producing run, taken from a {@code runs:/} source when not given
 * @param inputSchema the input schema as compact JSON
 * @param description free text
 * @param tags        the version's tags
 */
public record PreparedVersion(String name, String source, Optional<String> runId, Optional<String> inputSchema,
                              String description, Map<String, String> tags) {

    /** Copies the tags. */
    public PreparedVersion {
        tags = Map.copyOf(tags);
    }
}

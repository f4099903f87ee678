package org.mlops4j.server.ui.internal;

import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * What the pages read from: the tracking client and, if the host gave one, the model registry. Both are only read.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param tracking the tracking client
 * @param registry the model registry, if any
 */
public record UiContext(TrackingClient tracking, Optional<ModelRegistry> registry) {

    /** Checks the parts are present. */
    public UiContext {
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(registry, "registry");
    }
}

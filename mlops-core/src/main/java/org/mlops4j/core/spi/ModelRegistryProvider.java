package org.mlops4j.core.spi;

import java.net.URI;
import java.util.Set;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.ModelRegistry;

/**
 * Opens model registries (registered models, their numbered versions, stages and aliases) for a location URI.
 *
 * <p>Chosen by URI scheme exactly as {@link TrackingStoreProvider} is; a registry usually lives beside the tracking
 * store at the same URI.
 */
public interface ModelRegistryProvider extends NamedProvider {

    /**
     * The URI schemes this provider serves, such as {@code file} or {@code jdbc:postgresql}; lower-case.
     *
     * @return one or more schemes, never empty
     */
    Set<String> uriSchemes();

    /**
     * Opens (creating it if needed) the registry at a location. The registry returned must be safe to use from
     * several threads and, for shared locations, from several processes.
     *
     * @param location the registry URI, whose scheme is one of {@link #uriSchemes()}
     * @param config   the host's configuration, for provider-specific keys under {@code mlops.registry.}
     * @return an open registry; the caller closes it
     * @throws org.mlops4j.core.MlopsException when the location cannot be opened (the message names it)
     */
    ModelRegistry open(URI location, MlopsConfig config);
}

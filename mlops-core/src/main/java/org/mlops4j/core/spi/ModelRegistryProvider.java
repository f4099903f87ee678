package org.mlops4j.core.spi;

import java.net.URI;
import java.util.Set;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.readonly.ReadOnlyModelRegistry;

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
     * Opens the registry at a location to read and write, creating it if it does not exist: the same as
     * {@link #open(URI, MlopsConfig, StoreAccess)} with {@link StoreAccess#READ_WRITE}. The registry returned must be
     * safe to use from several threads and, for shared locations, from several processes.
     *
     * @param location the registry URI, whose scheme is one of {@link #uriSchemes()}
     * @param config   the host's configuration, for provider-specific keys under {@code mlops.registry.}
     * @return an open registry; the caller closes it
     * @throws org.mlops4j.core.MlopsException when the location cannot be opened (the message names it)
     */
    ModelRegistry open(URI location, MlopsConfig config);

    /**
     * Opens the registry at a location to read only, or to read and write (see {@link StoreAccess}). The registry
     * returned must be safe to use from several threads and, for shared locations, from several processes.
     *
     * <p>With {@link StoreAccess#READ_ONLY} a provider must write nothing at the location (no folder, lock file,
     * database file or table), must fail with a {@link org.mlops4j.core.ConfigurationException} naming the location
     * when it does not exist or holds no mlops4j store, and must refuse every write through the registry returned
     * (wrapping it in {@link ReadOnlyModelRegistry} does that). A store that has no registered model yet reads as an
     * empty registry. With {@link StoreAccess#READ_WRITE} it may create the registry at a missing or empty location,
     * and should refuse one that holds something other than a store.
     *
     * <p>The default serves providers written before access modes existed: {@code READ_WRITE} calls
     * {@link #open(URI, MlopsConfig)}; {@code READ_ONLY} calls it too and wraps the registry in a
     * {@link ReadOnlyModelRegistry}, so writes through it are refused, but opening may still create the registry.
     * Providers that can open a location without touching it override this method.
     *
     * @param location the registry URI, whose scheme is one of {@link #uriSchemes()}
     * @param config   the host's configuration, for provider-specific keys under {@code mlops.registry.}
     * @param access   whether the caller only reads
     * @return an open registry; the caller closes it
     * @throws org.mlops4j.core.ConfigurationException when the location does not hold a store that can be opened so
     *                                                 (missing, or holding something else); the message names it
     * @throws org.mlops4j.core.MlopsException         when the location cannot be opened for another reason
     */
    default ModelRegistry open(URI location, MlopsConfig config, StoreAccess access) {
        ModelRegistry registry = open(location, config);
        return access == StoreAccess.READ_ONLY ? ReadOnlyModelRegistry.of(registry) : registry;
    }
}

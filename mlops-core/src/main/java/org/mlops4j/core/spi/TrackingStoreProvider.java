package org.mlops4j.core.spi;

import java.net.URI;
import java.util.Set;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.readonly.ReadOnlyTrackingStore;

/**
 * Opens tracking stores (where experiments, runs, params, metrics and artifacts are kept) for a location URI.
 *
 * <p>A store is chosen by the scheme of the tracking URI: {@code file:./mlruns} goes to the provider whose
 * {@link #uriSchemes()} contain {@code file}; for {@code jdbc:} URIs the sub-protocol counts too, so a provider may
 * claim {@code jdbc:sqlite} alone or {@code jdbc} for every database. The most specific claim wins.
 */
public interface TrackingStoreProvider extends NamedProvider {

    /**
     * The URI schemes this provider serves, such as {@code file} or {@code jdbc:sqlite}; lower-case.
     *
     * @return one or more schemes, never empty
     */
    Set<String> uriSchemes();

    /**
     * Opens the store at a location to read and write, creating it if it does not exist: the same as
     * {@link #open(URI, MlopsConfig, StoreAccess)} with {@link StoreAccess#READ_WRITE}. Called once per store the host
     * asks for, on the host's thread; the store returned must be safe to use from several threads.
     *
     * @param location the tracking URI, whose scheme is one of {@link #uriSchemes()}
     * @param config   the host's configuration, for provider-specific keys under {@code mlops.tracking.}
     * @return an open store; the caller closes it
     * @throws org.mlops4j.core.MlopsException when the location cannot be opened (the message names it)
     */
    TrackingStore open(URI location, MlopsConfig config);

    /**
     * Opens the store at a location to read only, or to read and write (see {@link StoreAccess}). Called once per
     * store the host asks for, on the host's thread; the store returned must be safe to use from several threads.
     *
     * <p>With {@link StoreAccess#READ_ONLY} a provider must write nothing at the location (no folder, lock, meta file,
     * database file or schema), must fail with a {@link org.mlops4j.core.ConfigurationException} naming the location
     * when it does not exist or holds no store, and must refuse every write through the store returned (wrapping it
     * in {@link ReadOnlyTrackingStore} does that). With {@link StoreAccess#READ_WRITE} it may create a store at a
     * missing or empty location, and should refuse one that holds something other than a store.
     *
     * <p>The default serves providers written before access modes existed: {@code READ_WRITE} calls
     * {@link #open(URI, MlopsConfig)}; {@code READ_ONLY} calls it too and wraps the store in a
     * {@link ReadOnlyTrackingStore}, so writes through it are refused, but opening may still create the store.
     * Providers that can open a location without touching it override this method.
     *
     * @param location the tracking URI, whose scheme is one of {@link #uriSchemes()}
     * @param config   the host's configuration, for provider-specific keys under {@code mlops.tracking.}
     * @param access   whether the caller only reads
     * @return an open store; the caller closes it
     * @throws org.mlops4j.core.ConfigurationException when the location does not hold a store that can be opened so
     *                                                 (missing, or holding something else); the message names it
     * @throws org.mlops4j.core.MlopsException         when the location cannot be opened for another reason
     */
    default TrackingStore open(URI location, MlopsConfig config, StoreAccess access) {
        TrackingStore store = open(location, config);
        return access == StoreAccess.READ_ONLY ? ReadOnlyTrackingStore.of(store) : store;
    }
}

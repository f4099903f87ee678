package org.mlops4j.core.tracking;

import java.net.URI;

/**
 * Where {@link TrackingClient#open} finds its store: the configured tracking location, and the store at any location.
 * {@link org.mlops4j.core.runtime.Mlops} implements it with the provider that serves the location's URI scheme; the
 * tracking API declares it so that it does not depend on the entry point, which depends on the tracking API.
 *
 * <p>Implementations are thread-safe.
 */
public interface TrackingStoreOpener {

    /** @return the tracking URI from configuration ({@code file:./mlruns} by default) */
    URI trackingUri();

    /**
     * Opens the store at a location.
     *
     * @param location a tracking URI such as {@code file:./mlruns} or {@code jdbc:sqlite:runs.db}
     * @param access   whether to read and write (creating the store when the location is missing or empty) or to read
     *                 only (nothing is created or changed there)
     * @return an open store; the caller closes it
     * @throws org.mlops4j.core.ConfigurationException when nothing serves the location's scheme, or the location holds
     *                                                 something other than a store (or, to read only, no store)
     */
    TrackingStore openTrackingStore(URI location, StoreAccess access);
}

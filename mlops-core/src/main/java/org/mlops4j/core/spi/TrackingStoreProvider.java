package org.mlops4j.core.spi;

import java.net.URI;
import java.util.Set;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.TrackingStore;

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
     * Opens (creating it if needed) the store at a location. Called once per store the host asks for, on the host's
     * thread; the store returned must be safe to use from several threads.
     *
     * @param location the tracking URI, whose scheme is one of {@link #uriSchemes()}
     * @param config   the host's configuration, for provider-specific keys under {@code mlops.tracking.}
     * @return an open store; the caller closes it
     * @throws org.mlops4j.core.MlopsException when the location cannot be opened (the message names it)
     */
    TrackingStore open(URI location, MlopsConfig config);
}

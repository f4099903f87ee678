package org.mlops4j.core.tracking;

import java.net.URI;

/**
 * Where experiments, runs, params, metrics, tags and artifacts are kept. Opened by a
 * {@link org.mlops4j.core.spi.TrackingStoreProvider} for a tracking URI.
 *
 * <p>Implementations are safe to use from several threads.
 */
public interface TrackingStore extends AutoCloseable {

    /** @return the tracking URI this store was opened at */
    URI location();

    /** Flushes what is buffered and releases files and connections. Calling it twice is harmless. */
    @Override
    void close();
}

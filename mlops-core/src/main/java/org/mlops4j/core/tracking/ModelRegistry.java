package org.mlops4j.core.tracking;

import java.net.URI;

/**
 * Registered models and their numbered versions, stages and aliases. Opened by a
 * {@link org.mlops4j.core.spi.ModelRegistryProvider} for a registry URI.
 *
 * <p>Implementations are safe to use from several threads.
 */
public interface ModelRegistry extends AutoCloseable {

    /** @return the registry URI this registry was opened at */
    URI location();

    /** Releases files and connections. Calling it twice is harmless. */
    @Override
    void close();
}

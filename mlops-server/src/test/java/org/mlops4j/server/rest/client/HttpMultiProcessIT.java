package org.mlops4j.server.rest.client;

import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlops4j.tck.tracking.MultiProcessStoreContractIT;

/**
 * Several JVMs logging through {@code http:} to one {@link org.mlops4j.server.rest.TrackingServer} in this JVM, over
 * a file store in the test's folder: the writers find the {@code http} provider by the URI's scheme, as a training job
 * on another machine would.
 */
class HttpMultiProcessIT extends MultiProcessStoreContractIT {

    @RegisterExtension
    final ServerFixture servers = new ServerFixture();

    @Override
    protected URI storeUri() {
        return servers.startOverFiles(tempDir).url();
    }
}

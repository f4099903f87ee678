package org.mlops4j.server.rest.client;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tck.registry.ModelRegistryContractTest;

/**
 * The model registry contract on the {@code http:} registry, opened through provider discovery at the URL of a real
 * {@link TrackingServer} over a file store and registry in the test's folder.
 */
class HttpModelRegistryContractIT extends ModelRegistryContractTest {

    @RegisterExtension
    final ServerFixture servers = new ServerFixture();

    @TempDir
    Path folder;

    @Override
    protected URI newStoreLocation() {
        return startServer(servers, folder).url();
    }

    /**
     * @param servers starts the server
     * @param folder  the test's folder
     * @return a server with a registry, over stores in the folder
     */
    protected TrackingServer startServer(ServerFixture servers, Path folder) {
        return servers.startOverFiles(folder);
    }
}

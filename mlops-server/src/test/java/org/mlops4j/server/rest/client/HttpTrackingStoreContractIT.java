package org.mlops4j.server.rest.client;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tck.tracking.TrackingStoreContractTest;
import org.mlops4j.tracking.file.FileTrackingStore;

/**
 * The tracking store contract on the {@code http:} store, talking MLflow's REST API to a real {@link TrackingServer}
 * on a free port over a file store in the test's folder.
 */
class HttpTrackingStoreContractIT extends TrackingStoreContractTest {

    @RegisterExtension
    final ServerFixture servers = new ServerFixture();

    private TrackingServer server;

    /**
     * @param folder the test's folder
     * @return the store the server serves
     */
    protected TrackingClient backingStore(Path folder) {
        return TrackingClient.of(FileTrackingStore.open(folder.resolve("served")));
    }

    @Override
    protected TrackingStore openStore() {
        server = servers.start(backingStore(tempDir), Optional.empty(), builder -> { });
        return ServerFixture.httpStore(server.url(), Map.of());
    }

    @Override
    protected TrackingStore reopenStore() {
        return ServerFixture.httpStore(server.url(), Map.of());
    }
}

package org.mlops4j.server.rest.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.http.HttpTrackingStoreProvider;
import org.mlops4j.tracking.registry.FileModelRegistryProvider;

/**
 * Real tracking servers on free ports for one test, over real stores, and {@code http:} stores talking to them. The
 * servers stop after the test's own {@code @AfterEach} methods, which may still send to them (closing an
 * {@code http:} store sends the metrics it buffers).
 */
final class ServerFixture implements AfterEachCallback {

    private final Deque<AutoCloseable> opened = new ConcurrentLinkedDeque<>();

    /**
     * @param tracking the store the server serves (closed after the test)
     * @param registry the registry it serves, if any (closed after the test)
     * @param settings more settings of the server
     * @return the server
     */
    TrackingServer start(TrackingClient tracking, Optional<ModelRegistry> registry,
            Consumer<TrackingServer.Builder> settings) {
        opened.push(tracking);
        registry.ifPresent(opened::push);
        TrackingServer.Builder builder = TrackingServer.builder().trackingClient(tracking).port(0)
                .serverSettings(server -> server.stopTimeout(Duration.ofMillis(200)));
        registry.ifPresent(builder::modelRegistry);
        builder.artifactsDestination(proxied());
        settings.accept(builder);
        TrackingServer server = builder.start();
        opened.push(server);
        return server;
    }

    /**
     * @param folder where the file store and registry are made
     * @return a server over a file store and a file registry in the folder
     */
    TrackingServer startOverFiles(Path folder) {
        return start(TrackingClient.of(FileTrackingStore.open(folder.resolve("mlruns"))),
                Optional.of(FileModelRegistryProvider.open(folder.resolve("mlruns"))), builder -> { });
    }

    /**
     * @param server   the server's address
     * @param settings the client's settings ({@code mlops.tracking.http.*}, {@code mlflow.tracking.token}, ...)
     * @return an {@code http:} store on it, opened through its provider as a host would open it
     */
    static TrackingStore httpStore(URI server, Map<String, String> settings) {
        return new HttpTrackingStoreProvider().open(server, MlopsConfig.ofOnly(settings));
    }

    private Path proxied() {
        try {
            Path folder = Files.createTempDirectory("mlops-proxied-artifacts");
            opened.addLast(() -> delete(folder));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }
}

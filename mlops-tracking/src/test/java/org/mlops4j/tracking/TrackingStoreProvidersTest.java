package org.mlops4j.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.tracking.mlflow.MlflowFileStore;
import org.mlops4j.tracking.file.FileTrackingStoreProvider;
import org.mlops4j.tracking.jdbc.JdbcTrackingStore;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;

/** Stores are found through the SPI and chosen by the scheme of the tracking URI. */
class TrackingStoreProvidersTest {

    @TempDir
    Path tempDir;

    @Test
    void discoversTheFileAndJdbcProvidersByScheme() {
        Mlops mlops = Mlops.create();
        assertInstanceOf(FileTrackingStoreProvider.class, mlops.trackingStoreProvider(URI.create("file:./mlruns")));
        assertInstanceOf(JdbcTrackingStoreProvider.class,
                mlops.trackingStoreProvider(URI.create("jdbc:sqlite:runs.db")));
        assertEquals("http", mlops.trackingStoreProvider(URI.create("http://127.0.0.1:5000")).name());
        assertEquals(java.util.List.of("file", "http", "jdbc"),
                mlops.providers(org.mlops4j.core.spi.TrackingStoreProvider.class).names());
    }

    @Test
    void opensTheConfiguredStore() {
        Path folder = tempDir.resolve("my runs");
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, folder.toString()).build();
        try (TrackingClient tracking = TrackingClient.open(mlops)) {
            assertInstanceOf(MlflowFileStore.class, tracking.store(), "a new file store is in MLflow's layout");
            tracking.createExperiment("configured");
        }
        assertTrue(folder.toFile().isDirectory());
        Mlops sqlite = Mlops.builder().property(MlopsProperties.TRACKING_URI, "jdbc:sqlite:" + tempDir.resolve("t.db"))
                .build();
        try (TrackingClient tracking = TrackingClient.open(sqlite)) {
            JdbcTrackingStore store = (JdbcTrackingStore) tracking.store();
            assertEquals(tempDir.resolve("mlartifacts").toAbsolutePath(), store.artifactRoot());
        }
    }

    @Test
    void namesTheSupportedDatabasesForAnUnknownOne() {
        Mlops mlops = Mlops.create();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TrackingClient.open(mlops, URI.create("jdbc:mysql://localhost/db")));
        assertTrue(e.getMessage().contains("jdbc:sqlite:") && e.getMessage().contains("jdbc:postgresql:"),
                e.getMessage());
    }
}

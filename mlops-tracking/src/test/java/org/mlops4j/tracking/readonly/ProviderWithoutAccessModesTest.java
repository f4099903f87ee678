package org.mlops4j.tracking.readonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.TrackingStoreProvider;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.file.FileTrackingStore;

/**
 * A provider written before access modes existed implements only {@code open(location, config)}: it still compiles
 * and serves read-write opens, and a read-only open through the SPI's default refuses every write.
 */
class ProviderWithoutAccessModesTest {

    @TempDir
    Path folder;

    /** Implements the SPI as it was before {@code StoreAccess}. */
    private static final class LegacyProvider implements TrackingStoreProvider {
        @Override
        public String name() {
            return "legacy";
        }

        @Override
        public Set<String> uriSchemes() {
            return Set.of("file");
        }

        @Override
        public TrackingStore open(URI location, MlopsConfig config) {
            return new FileTrackingStore(location, Path.of(location));
        }
    }

    @Test
    void theDefaultReadOnlyOpenRefusesWritesThroughALegacyProvidersStore() {
        URI location = folder.resolve("mlruns").toUri();
        Mlops mlops = Mlops.builder().discoverProviders(false)
                .register(TrackingStoreProvider.class, new LegacyProvider()).build();
        try (TrackingClient writer = TrackingClient.open(mlops, location)) {
            writer.createExperiment("leads");
        }
        try (TrackingClient reader = TrackingClient.openReadOnly(mlops, location)) {
            assertEquals("leads", reader.getExperimentByName("leads").orElseThrow().name());
            TrackingException refused = assertThrows(TrackingException.class,
                    () -> reader.createExperiment("other"));
            assertTrue(refused.getMessage().contains("opened read-only"), refused.getMessage());
        }
    }
}

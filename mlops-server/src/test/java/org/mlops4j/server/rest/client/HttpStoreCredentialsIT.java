package org.mlops4j.server.rest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.server.rest.TrackingServer;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.http.HttpModelRegistryProvider;
import org.mlops4j.tracking.registry.FileModelRegistryProvider;

/** The {@code http:} store sends MLflow's credentials to a real server that requires a token. */
class HttpStoreCredentialsIT {

    private static final String TOKEN = "a-token-of-at-least-16-chars";

    @RegisterExtension
    final ServerFixture servers = new ServerFixture();

    @TempDir
    Path folder;

    private TrackingClient served;
    private TrackingServer server;

    @BeforeEach
    void startServerWithAToken() {
        served = TrackingClient.of(FileTrackingStore.open(folder.resolve("mlruns")));
        server = servers.start(served, Optional.empty(), builder -> builder.bearerToken(TOKEN));
    }

    @Test
    void sendsTheTrackingTokenAsABearerToken() {
        try (TrackingStore store = ServerFixture.httpStore(server.url(), Map.of(MlopsProperties.TRACKING_TOKEN,
                TOKEN))) {
            store.createExperiment("signed", Map.of());
        }
        assertTrue(served.getExperimentByName("signed").isPresent());
    }

    @Test
    void sendsAUserNameAndPasswordAsBasicCredentials() {
        try (TrackingStore store = ServerFixture.httpStore(server.url(), Map.of(MlopsProperties.TRACKING_USERNAME,
                "ci", MlopsProperties.TRACKING_PASSWORD, TOKEN))) {
            store.createExperiment("basic", Map.of());
        }
        assertTrue(served.getExperimentByName("basic").isPresent());
    }

    @Test
    void aMissingOrWrongTokenIsAConfigurationErrorThatNamesTheSetting() {
        for (Map<String, String> settings : java.util.List.of(Map.<String, String>of(),
                Map.of(MlopsProperties.TRACKING_TOKEN, "wrong-token-wrong-token"))) {
            try (TrackingStore store = ServerFixture.httpStore(server.url(), settings)) {
                ConfigurationException e = assertThrows(ConfigurationException.class,
                        () -> store.listExperiments(ViewType.ALL));
                assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("MLFLOW_TRACKING_TOKEN")
                        && e.getMessage().contains(server.url().toString()), e.getMessage());
            }
        }
        assertEquals(1, served.listExperiments().size(), "only the default experiment");
    }

    @Test
    void theRegistryReadsTheSameCredentials() {
        TrackingServer withRegistry = servers.start(TrackingClient.of(FileTrackingStore.open(folder.resolve("r"))),
                Optional.of(FileModelRegistryProvider.open(folder.resolve("r"))), builder -> builder.bearerToken(TOKEN));
        MlopsConfig signed = MlopsConfig.ofOnly(Map.of(MlopsProperties.TRACKING_TOKEN, TOKEN));
        try (ModelRegistry registry = new HttpModelRegistryProvider().open(withRegistry.url(), signed);
             ModelRegistry anonymous = new HttpModelRegistryProvider().open(withRegistry.url(),
                     MlopsConfig.ofOnly(Map.of()))) {
            registry.createModel("signed-model");
            assertEquals(List.of("signed-model"), registry.listModels().stream().map(m -> m.name()).toList());
            assertThrows(ConfigurationException.class, anonymous::listModels);
        }
    }

    @Test
    void aUserNameWithoutAPasswordIsRefusedWhenOpening() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ServerFixture.httpStore(
                server.url(), Map.of(MlopsProperties.TRACKING_USERNAME, "ci")));
        assertTrue(e.getMessage().contains("MLFLOW_TRACKING_PASSWORD"), e.getMessage());
    }
}

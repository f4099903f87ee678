package org.mlops4j.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingException;

class TrackingUiLauncherTest {

    @TempDir
    Path folder;

    @Test
    void defaultsToTheLoopbackAddressAndPort5000() {
        TrackingUiLauncher.Options options = TrackingUiLauncher.parse(new String[0]);
        assertEquals("127.0.0.1", options.host());
        assertEquals(5000, options.port());
        assertTrue(options.registry());
    }

    @Test
    void readsOptionsWithSpaceOrEqualsSign() {
        TrackingUiLauncher.Options options = TrackingUiLauncher.parse(new String[] {"--port", "0",
            "--tracking-uri=jdbc:sqlite:runs.db", "--host", "0.0.0.0", "--no-registry"});
        assertEquals(0, options.port());
        assertEquals("jdbc:sqlite:runs.db", options.trackingUri());
        assertEquals("0.0.0.0", options.host());
        assertEquals(false, options.registry());
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() {
        assertThrows(IllegalArgumentException.class, () -> TrackingUiLauncher.parse(new String[] {"--prot", "1"}));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TrackingUiLauncher.parse(new String[] {"--port", "http"}));
        assertTrue(bad.getMessage().contains("'http'"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrackingUiLauncher.parse(new String[] {"--port"}));
    }

    @Test
    void launchesAUiOverTheStoreAtTheTrackingUri() {
        String uri = folder.resolve("mlruns").toUri().toString();
        try (TrackingClient writer = TrackingClient.open(Mlops.create(), URI.create(uri))) {
            writer.getOrCreateExperiment("from-the-command-line");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TrackingUiLauncher.Options options = TrackingUiLauncher.parse(new String[] {"--port", "0",
            "--tracking-uri", uri});
        try (TrackingUiLauncher.Launched launched = TrackingUiLauncher.launch(options,
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            UiHttp http = new UiHttp(launched.server().url());
            assertEquals(200, http.get("/health").statusCode());
            assertTrue(http.get("/").body().contains("from-the-command-line"));
            assertTrue(http.get("/models").body().contains("No models are registered"));
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains(launched.server().url().toString()));
            assertThrows(TrackingException.class, () -> launched.tracking().createExperiment("from-the-ui"));
        }
    }

    @Test
    void refusesAMistypedTrackingUriAndCreatesNothing() throws IOException {
        String uri = folder.resolve("mlrnus").toUri().toString();
        TrackingUiLauncher.Options options = TrackingUiLauncher.parse(new String[] {"--port", "0",
            "--tracking-uri", uri});
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TrackingUiLauncher.launch(options, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains(folder.resolve("mlrnus").toString()), e.getMessage());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList());
        }
    }
}

package org.mlops4j.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TrackingUiLauncher.Options options = TrackingUiLauncher.parse(new String[] {"--port", "0",
            "--tracking-uri", uri});
        try (TrackingUiLauncher.Launched launched = TrackingUiLauncher.launch(options,
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            launched.tracking().getOrCreateExperiment("from-the-command-line");
            UiHttp http = new UiHttp(launched.server().url());
            assertEquals(200, http.get("/health").statusCode());
            assertTrue(http.get("/").body().contains("from-the-command-line"));
            assertTrue(http.get("/models").body().contains("No models are registered"));
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains(launched.server().url().toString()));
        }
    }
}

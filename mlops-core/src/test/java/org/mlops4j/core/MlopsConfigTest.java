package org.mlops4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;

class MlopsConfigTest {

    @TempDir
    Path folder;

    @Test
    void explicitValuesWinOverSystemPropertiesWhichWinOverTheResource() throws IOException {
        Files.writeString(folder.resolve("mlops.properties"),
                "mlops.test.a=from-resource\nmlops.test.b=from-resource\nmlops.test.c=from-resource\n");
        ClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, null);
        System.setProperty("mlops.test.b", "from-system");
        System.setProperty("mlops.test.a", "from-system");
        try {
            MlopsConfig config = MlopsConfig.create(Map.of("mlops.test.a", "explicit"), loader);
            assertEquals("explicit", config.get("mlops.test.a").orElseThrow());
            assertEquals("from-system", config.get("mlops.test.b").orElseThrow());
            assertEquals("from-resource", config.get("mlops.test.c").orElseThrow());
            assertEquals("fallback", config.get("mlops.test.d", "fallback"));
        } finally {
            System.clearProperty("mlops.test.a");
            System.clearProperty("mlops.test.b");
        }
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        assertEquals("MLOPS_TRACKING_URI", MlopsConfig.environmentName("mlops.tracking.uri"));
        assertEquals("MLOPS_DRIFT_DRIFT_SHARE", MlopsConfig.environmentName("mlops.drift.drift-share"));
    }

    @Test
    void typedGettersNameThePropertyWhenTheValueIsInvalid() {
        MlopsConfig config = MlopsConfig.ofOnly(Map.of("mlops.x.n", "ten", "mlops.x.flag", "yes",
                "mlops.x.share", "0.5"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> config.getInt("mlops.x.n", 1));
        assertEquals("Invalid value for property mlops.x.n=ten. Must be an integer.", e.getMessage());
        assertThrows(ConfigurationException.class, () -> config.getBoolean("mlops.x.flag", false));
        assertEquals(0.5, config.getDouble("mlops.x.share", 1));
        assertEquals(7, config.getInt("mlops.x.missing", 7));
    }

    @Test
    void trackingUriDefaultsToTheLocalMlrunsFolder() {
        Mlops mlops = Mlops.builder().discoverProviders(false).build();
        assertEquals("file:./mlruns", mlops.trackingUri().toString());
        assertEquals(mlops.trackingUri(), mlops.registryUri());
        Mlops custom = Mlops.builder().discoverProviders(false)
                .property(MlopsProperties.TRACKING_URI, "/data/my runs").build();
        assertEquals("file", custom.trackingUri().getScheme());
        assertTrue(custom.trackingUri().toString().endsWith("/data/my%20runs"));
    }
}

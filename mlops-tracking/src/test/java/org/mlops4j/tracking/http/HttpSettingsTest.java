package org.mlops4j.tracking.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;

/** How an {@code http:} URI and the configuration become the client's settings. */
class HttpSettingsTest {

    private static HttpSettings settings(String uri, Map<String, String> values) {
        return HttpSettings.of(URI.create(uri), MlopsConfig.ofOnly(values));
    }

    @Test
    void resolvesTheApiUnderTheServersPathPrefix() {
        assertEquals(URI.create("http://host:5000/"), settings("http://host:5000", Map.of()).apiBase());
        assertEquals(URI.create("https://host/mlflow/"), settings("https://host/mlflow/", Map.of()).apiBase());
        assertEquals(URI.create("https://host/mlflow/api/2.0/mlflow/runs/get"),
                settings("https://host/mlflow", Map.of()).apiBase().resolve("api/2.0/mlflow/runs/get"));
    }

    @Test
    void refusesAUriWithoutAServer() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings("http:/just/a/path",
                Map.of()));
        assertTrue(e.getMessage().contains("http://host:port"), e.getMessage());
    }

    @Test
    void aTokenWinsOverBasicCredentialsAsInMlflowsClient() {
        assertEquals(Optional.of("Bearer t0ken"), settings("http://h", Map.of(MlopsProperties.TRACKING_TOKEN, "t0ken",
                MlopsProperties.TRACKING_USERNAME, "ann", MlopsProperties.TRACKING_PASSWORD, "pw")).authorization());
        String basic = settings("http://h", Map.of(MlopsProperties.TRACKING_USERNAME, "ann",
                MlopsProperties.TRACKING_PASSWORD, "pâss:word")).authorization().orElseThrow();
        assertEquals("ann:pâss:word", new String(Base64.getDecoder().decode(basic.substring("Basic ".length())),
                StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), settings("http://h", Map.of()).authorization());
    }

    @Test
    void backsOffExponentiallyUpToTheCap() {
        HttpSettings settings = settings("http://h", Map.of(MlopsProperties.TRACKING_HTTP_BACKOFF_MILLIS, "500"));
        assertEquals(Duration.ofMillis(500), settings.backoff(0));
        assertEquals(Duration.ofMillis(1000), settings.backoff(1));
        assertEquals(Duration.ofMillis(8000), settings.backoff(4));
        assertEquals(HttpSettings.MAX_BACKOFF, settings.backoff(9));
        assertEquals(HttpSettings.MAX_BACKOFF, settings.backoff(63));
    }

    @Test
    void refusesSettingsOutOfRangeNamingTheKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings("http://h",
                Map.of(MlopsProperties.TRACKING_HTTP_MAX_RETRIES, "-1")));
        assertTrue(e.getMessage().contains(MlopsProperties.TRACKING_HTTP_MAX_RETRIES), e.getMessage());
    }
}

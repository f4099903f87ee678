package org.mlops4j.tracking.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;

/**
 * How the {@code http:} store and registry reach a tracking server: its address, the credentials sent with every
 * call, the retry schedule, the time-out of a call and how long logged metrics may wait to be sent in a batch.
 *
 * @param server        the server's address as configured, such as {@code http://host:5000}
 * @param apiBase       the address the API paths are resolved against (the server's, with a path prefix kept)
 * @param authorization the {@code Authorization} header's value, if credentials are configured
 * @param maxRetries    how many times a call is sent again after a transient failure
 * @param firstBackoff  the wait before the first retry; each further wait doubles, up to {@link #MAX_BACKOFF}
 * @param timeout       how long one attempt may take, connecting included
 * @param flushInterval how long logged metrics may wait before they are sent
 */
record HttpSettings(URI server, URI apiBase, Optional<String> authorization, int maxRetries, Duration firstBackoff,
                    Duration timeout, Duration flushInterval) {

    /** The longest wait between two attempts. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /**
     * @param location an {@code http:} or {@code https:} URI
     * @param config   the host's configuration (see {@link MlopsProperties} for the keys)
     * @return the settings
     * @throws ConfigurationException when the URI has no host, a number is out of range, or a user name comes without
     *                                a password
     */
    static HttpSettings of(URI location, MlopsConfig config) {
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || location.getHost() == null) {
            throw new ConfigurationException("The tracking URI '" + location + "' names no server; expected "
                    + "http://host:port or https://host[:port][/prefix], such as http://127.0.0.1:5000.");
        }
        String path = location.getRawPath() == null ? "" : location.getRawPath().replaceAll("/+$", "");
        URI apiBase = URI.create(scheme + "://" + location.getRawAuthority() + path + "/");
        int retries = config.getInt(MlopsProperties.TRACKING_HTTP_MAX_RETRIES, 5);
        int backoffMillis = config.getInt(MlopsProperties.TRACKING_HTTP_BACKOFF_MILLIS, 500);
        int timeoutSeconds = config.getInt(MlopsProperties.TRACKING_HTTP_TIMEOUT_SECONDS, 120);
        int flushMillis = config.getInt(MlopsProperties.TRACKING_HTTP_FLUSH_MILLIS, 1000);
        requireAtLeast(MlopsProperties.TRACKING_HTTP_MAX_RETRIES, retries, 0);
        requireAtLeast(MlopsProperties.TRACKING_HTTP_BACKOFF_MILLIS, backoffMillis, 1);
        requireAtLeast(MlopsProperties.TRACKING_HTTP_TIMEOUT_SECONDS, timeoutSeconds, 1);
        requireAtLeast(MlopsProperties.TRACKING_HTTP_FLUSH_MILLIS, flushMillis, 1);
        return new HttpSettings(location, apiBase, authorization(config), retries, Duration.ofMillis(backoffMillis),
                Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(flushMillis));
    }

    /**
     * @param attempt the number of the attempt that failed, from 0
     * @return how long to wait before the next one
     */
    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt, 20);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /** A bearer token wins over a user name and password, as in MLflow's client. */
    private static Optional<String> authorization(MlopsConfig config) {
        Optional<String> token = config.get(MlopsProperties.TRACKING_TOKEN).filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            return Optional.of("Bearer " + token.get());
        }
        Optional<String> user = config.get(MlopsProperties.TRACKING_USERNAME).filter(u -> !u.isEmpty());
        Optional<String> password = config.get(MlopsProperties.TRACKING_PASSWORD);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (password.isEmpty()) {
            throw new ConfigurationException("A user name for the tracking server is set (MLFLOW_TRACKING_USERNAME) "
                    + "but no password; set MLFLOW_TRACKING_PASSWORD too, or unset the user name.");
        }
        String pair = user.get() + ":" + password.get();
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private static void requireAtLeast(String key, int value, int least) {
        if (value < least) {
            throw new ConfigurationException("Invalid value for property " + key + "=" + value + ". Must be at least "
                    + least + ".");
        }
    }
}

package org.mlops4j.server.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.MlopsHttpServer;
import org.mlops4j.server.ServerSettings;
import org.mlops4j.server.ui.internal.UiContext;
import org.mlops4j.server.ui.internal.UiHandler;
import org.mlops4j.server.ui.internal.UiRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking web UI, served from the JVM by mlops4j's hardened HTTP server ({@link MlopsHttpServer}, on Jetty):
 * experiments and their runs (sortable, filterable, paged by the store), run pages with metric charts and artifacts,
 * run comparison, the model registry and drift monitoring over time. Pages are HTML rendered on the server with inline SVG charts and no scripts.
 *
 * <pre>{@code
 * try (TrackingUiServer ui = TrackingUi.builder()
 *         .trackingClient(tracking)
 *         .modelRegistry(registry)                      // optional
 *         .port(5000)                                   // 0 picks a free port
 *         .build()
 *         .start()) {
 *     System.out.println("Open " + ui.url());
 *     ...
 * }
 * }</pre>
 *
 * <p>Safe by default: it listens on {@value #DEFAULT_BIND_ADDRESS} only, and then answers only requests addressed to
 * a loopback name ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}); it is read-only (GET and HEAD; anything else
 * is answered 405); every name and value from the store is escaped; pages carry a Content-Security-Policy that allows
 * no script; artifacts are read through the tracking API, with paths that cannot leave the run's artifact folder (nor
 * follow a symbolic link out of the store), and HTML artifacts are served sandboxed. Slow or stalled clients are
 * dropped after the server's timeouts and cannot keep others waiting; a busy UI answers 503 with {@code Retry-After}
 * (see {@link ServerSettings}). Binding to another address needs a bearer token ({@link Builder#bearerToken}), which a
 * browser gives as the password of the login dialog it shows.
 *
 * <p>Instances are immutable; {@link #start()} may be called more than once, each call starting another server. The
 * UI does not close the tracking client or the registry: their owner does, after stopping the server.
 */
public final class TrackingUi {

    /** The address the UI listens on unless told otherwise: {@value}. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** The port the UI listens on unless told otherwise: {@value} (MLflow's). */
    public static final int DEFAULT_PORT = 5000;
    /** The number of threads answering requests unless told otherwise: {@value}. */
    public static final int DEFAULT_THREADS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(TrackingUi.class);

    private final TrackingClient tracking;
    private final Optional<ModelRegistry> registry;
    private final ServerSettings settings;

    private TrackingUi(Builder builder) {
        this.tracking = Objects.requireNonNull(builder.tracking, "A tracking UI needs a tracking client: call "
                + "trackingClient(...) on the builder.");
        this.registry = builder.registry;
        this.settings = builder.server.build();
    }

    /** @return a builder with the defaults: {@value #DEFAULT_BIND_ADDRESS}, port {@value #DEFAULT_PORT} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a server that answers until it is closed.
     *
     * @return the running server
     * @throws ConfigurationException when the address cannot be resolved, the port cannot be bound (in use, or
     *                                not allowed), or the address is beyond the loopback address and no bearer token
     *                                is set
     */
    public TrackingUiServer start() {
        MlopsHttpServer server = MlopsHttpServer.start(settings,
                new UiHandler(new UiRouter(new UiContext(tracking, registry))));
        TrackingUiServer running = new TrackingUiServer(server);
        LOG.info("Tracking UI for {} at {}", tracking.location(), running.url());
        Thread warmUp = new Thread(this::warmUp, "mlops-ui-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return running;
    }

    /**
     * Loads what the first pages need (experiment list, each experiment's run index) on a worker thread right after
     * start, so that the first visitor does not wait for a store's cold start. A failure here is only logged: the
     * pages report store errors themselves.
     */
    private void warmUp() {
        try {
            for (var experiment : tracking.listExperiments()) {
                tracking.searchRuns(SearchRequest.builder(experiment.experimentId())
                        .maxResults(1).build());
            }
        } catch (RuntimeException e) {
            LOG.debug("Warming up the tracking UI failed: {}", e.toString());
        }
    }

    /** Collects the settings of a {@link TrackingUi}; not thread-safe. */
    public static final class Builder {
        private TrackingClient tracking;
        private Optional<ModelRegistry> registry = Optional.empty();
        private final ServerSettings.Builder server = ServerSettings.builder().port(DEFAULT_PORT)
                .threads(DEFAULT_THREADS);

        private Builder() {
        }

        /**
         * @param client the tracking client the UI reads experiments, runs and artifacts from (required)
         * @return this builder
         */
        public Builder trackingClient(TrackingClient client) {
            this.tracking = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param modelRegistry the registry the model pages read from; without one they say none is configured
         * @return this builder
         */
        public Builder modelRegistry(ModelRegistry modelRegistry) {
            this.registry = Optional.of(Objects.requireNonNull(modelRegistry, "modelRegistry"));
            return this;
        }

        /**
         * @param address the IP address or host name to listen on; {@value #DEFAULT_BIND_ADDRESS} by default,
         *                {@code 0.0.0.0} for every interface (then a {@link #bearerToken bearer token} is required)
         * @return this builder
         */
        public Builder bindAddress(String address) {
            server.bindAddress(address);
            return this;
        }

        /**
         * @param number the port, 0 to 65535; 0 picks a free port (see {@link TrackingUiServer#url()})
         * @return this builder
         * @throws IllegalArgumentException when the number is out of range
         */
        public Builder port(int number) {
            if (number < 0 || number > 65_535) {
                throw new IllegalArgumentException("A port is between 0 and 65535; found " + number);
            }
            server.port(number);
            return this;
        }

        /**
         * @param count how many requests are answered at once, at least 1
         * @return this builder
         * @throws IllegalArgumentException when the count is below 1
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("The UI needs at least one thread; found " + count);
            }
            server.threads(count);
            return this;
        }

        /**
         * Sets the host names that requests may address in their {@code Host} header. By default, a UI bound to a
         * loopback address accepts {@code localhost}, {@code 127.0.0.1} and {@code [::1]}, and a UI bound elsewhere
         * accepts any host. Checking the host stops web pages from reaching a local UI by DNS rebinding.
         *
         * @param hosts host names without port, such as {@code mlops.example.org}; none to accept any host
         * @return this builder
         */
        public Builder allowedHosts(String... hosts) {
            server.allowedHosts(hosts);
            return this;
        }

        /**
         * @param token the token every request must carry, at least 16 characters: {@code Authorization: Bearer
         *              <token>}, or the password (any user name) in the browser's login dialog
         * @return this builder
         */
        public Builder bearerToken(String token) {
            server.bearerToken(token);
            return this;
        }

        /**
         * Changes the server's other limits (timeouts, queue, sizes), which start from {@link ServerSettings}'
         * defaults.
         *
         * @param change what to set on the server's settings
         * @return this builder
         */
        public Builder serverSettings(Consumer<ServerSettings.Builder> change) {
            change.accept(server);
            return this;
        }

        /**
         * @return the UI, ready to {@link TrackingUi#start()}
         * @throws IllegalArgumentException when a server setting is out of range
         */
        public TrackingUi build() {
            return new TrackingUi(this);
        }
    }
}

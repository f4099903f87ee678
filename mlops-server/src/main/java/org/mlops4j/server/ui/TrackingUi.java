package org.mlops4j.server.ui;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.ui.internal.UiContext;
import org.mlops4j.server.ui.internal.UiRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking web UI, served from the JVM by the JDK's own HTTP server: experiments and their runs (sortable,
 * filterable, paged by the store), run pages with metric charts and artifacts, run comparison, the model registry and
 * drift monitoring over time. Pages are HTML rendered on the server with inline SVG charts and no scripts.
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
 * no script; artifacts are read through the tracking API, with paths that cannot leave the run's artifact folder, and
 * HTML artifacts are served sandboxed. Binding to another address exposes every experiment to whoever can reach it:
 * there is no authentication.
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
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final TrackingClient tracking;
    private final Optional<ModelRegistry> registry;
    private final String bindAddress;
    private final int port;
    private final int threads;
    private final Optional<Set<String>> allowedHosts;

    private TrackingUi(Builder builder) {
        this.tracking = Objects.requireNonNull(builder.tracking, "A tracking UI needs a tracking client: call "
                + "trackingClient(...) on the builder.");
        this.registry = builder.registry;
        this.bindAddress = builder.bindAddress;
        this.port = builder.port;
        this.threads = builder.threads;
        this.allowedHosts = builder.allowedHosts;
    }

    /** @return a builder with the defaults: {@value #DEFAULT_BIND_ADDRESS}, port {@value #DEFAULT_PORT} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a server that answers until it is closed.
     *
     * @return the running server
     * @throws ConfigurationException when the address cannot be resolved or the port cannot be bound (in use, or
     *                                not allowed)
     */
    public TrackingUiServer start() {
        InetAddress address;
        try {
            address = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new ConfigurationException("Cannot resolve the UI's bind address '" + bindAddress + "'. Give an IP "
                    + "address such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).", e);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot listen on " + bindAddress + ":" + port + " for the tracking UI: "
                    + e.getMessage() + ". Choose another port (0 picks a free one) or stop what uses this one.", e);
        }
        Set<String> hosts = allowedHosts.orElseGet(() -> address.isLoopbackAddress() ? LOOPBACK_HOSTS : Set.of());
        server.createContext("/", new UiRouter(new UiContext(tracking, registry), hosts));
        ExecutorService executor = Executors.newFixedThreadPool(threads, daemonThreads());
        server.setExecutor(executor);
        server.start();
        TrackingUiServer running = new TrackingUiServer(server, executor);
        if (!address.isLoopbackAddress()) {
            LOG.warn("The tracking UI listens on {}, reachable from other machines, with no authentication",
                    running.url());
        }
        LOG.info("Tracking UI for {} at {}", tracking.location(), running.url());
        executor.execute(this::warmUp);
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
                tracking.searchRuns(org.mlops4j.core.tracking.SearchRequest.builder(experiment.experimentId())
                        .maxResults(1).build());
            }
        } catch (RuntimeException e) {
            LOG.debug("Warming up the tracking UI failed: {}", e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "mlops-ui-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Collects the settings of a {@link TrackingUi}; not thread-safe. */
    public static final class Builder {
        private TrackingClient tracking;
        private Optional<ModelRegistry> registry = Optional.empty();
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int port = DEFAULT_PORT;
        private int threads = DEFAULT_THREADS;
        private Optional<Set<String>> allowedHosts = Optional.empty();

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
         *                {@code 0.0.0.0} for every interface (no authentication: think before doing that)
         * @return this builder
         */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address").trim();
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
            this.port = number;
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
            this.threads = count;
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
            Set<String> set = new LinkedHashSet<>();
            for (String host : hosts) {
                set.add(host.trim().toLowerCase(Locale.ROOT));
            }
            this.allowedHosts = Optional.of(set);
            return this;
        }

        /** @return the UI, ready to {@link TrackingUi#start()} */
        public TrackingUi build() {
            return new TrackingUi(this);
        }
    }
}

package org.mlops4j.serving;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelUri;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.MlopsHttpServer;
import org.mlops4j.server.ServerSettings;
import org.mlops4j.serving.internal.ModelFollower;
import org.mlops4j.serving.internal.ModelLoader;
import org.mlops4j.serving.internal.ScoringHandler;
import org.mlops4j.serving.internal.ScoringObserver;
import org.mlops4j.serving.internal.ServedModel;
import org.mlops4j.serving.internal.ServingLogCapture;
import org.mlops4j.serving.internal.ServingMetrics;
import org.mlops4j.serving.internal.ServingStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a registered model over HTTP with MLflow's scoring protocol, on mlops4j's hardened server
 * ({@link MlopsHttpServer}: timeouts, bounded threads and queue with 503, body limits, loopback by default, optional
 * bearer token), so that callers of {@code mlflow models serve} work unchanged.
 *
 * <pre>{@code
 * try (ModelServer server = ModelServer.builder("models:/lead-scoring@champion")
 *         .mlops(mlops)                                  // or trackingUri(...) / registryUri(...), or stores(...)
 *         .serverSettings(s -> s.port(5001))
 *         .start()) {
 *     System.out.println("Scoring at " + server.url() + "invocations with " + server.servedVersion());
 *     ...
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code POST /invocations}: {@code application/json} as {@code {"dataframe_split": {"columns": [...],
 *       "data": [[...]]}}}, {@code {"dataframe_records": [{...}]}}, {@code {"instances": [...]}} or
 *       {@code {"inputs": ...}}, or {@code text/csv} with a header; UTF-8. The answer is
 *       {@code {"predictions": [...]}}, one entry per row in order: the label and the class probabilities,
 *       or the row's error (row, column, expected, found) when its values do not fit the model's input
 *       schema; the other rows are scored. Beside it: the model's name and version, the row and failed-row counts, and
 *       per input column the values the model imputed ({@code missing_values}) and the levels it had not seen
 *       ({@code unseen_levels}). A request that cannot be read as a whole gets 400 with MLflow's error shape,
 *       {@code {"error_code": "BAD_REQUEST", "message": ...}}; an unsupported content type or charset 415.</li>
 *   <li>{@code GET /ping}, {@code GET /health}: 200 while a model is loaded.</li>
 *   <li>{@code GET /version}: the model's name, version and URI, as JSON.</li>
 *   <li>{@code GET /metrics}: requests, rows, errors by kind, imputed values, a latency histogram, the model
 *       version, swaps and serving-log drops, in Prometheus' text format (through Micrometer).</li>
 * </ul>
 * Every answer names the model and version that produced it in the headers {@value #MODEL_HEADER} and
 * {@value #VERSION_HEADER}.
 *
 * <p>The URI is {@code models:/name/N}, {@code models:/name/Stage}, {@code models:/name/latest} or
 * {@code models:/name@alias}; it is resolved at start and that version is loaded. A stage or alias is then followed
 * ({@link Builder#pollInterval}): when it moves, the new version is loaded in the background, probed and swapped in
 * atomically. A sample of the scored requests can be captured in a serving log ({@link Builder#servingLog}).
 * Thread-safe; closing stops the server (requests in progress finish, up to the server's stop timeout), writes the
 * serving log's queue and closes the stores it opened.
 */
public final class ModelServer implements AutoCloseable {

    /** The header that names the registered model an answer comes from. */
    public static final String MODEL_HEADER = ScoringHandler.MODEL_HEADER;
    /** The header that names the model version an answer comes from. */
    public static final String VERSION_HEADER = ScoringHandler.VERSION_HEADER;
    /** How often the server resolves its alias or stage again unless told otherwise: 10 seconds. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
    /** The port a model server listens on unless told otherwise: {@value} (as MLflow's examples). */
    public static final int DEFAULT_PORT = 5001;

    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

    private final MlopsHttpServer server;
    private final AtomicReference<ServedModel> serving;
    private final ServingStores stores;
    private final Optional<ServingLogCapture> capture;
    private final Optional<ModelFollower> follower;
    private boolean closed;

    private ModelServer(MlopsHttpServer server, AtomicReference<ServedModel> serving, ServingStores stores,
            Optional<ServingLogCapture> capture, Optional<ModelFollower> follower) {
        this.server = server;
        this.serving = serving;
        this.stores = stores;
        this.capture = capture;
        this.follower = follower;
    }

    /**
     * @param modelUri the model to serve: {@code models:/name/N}, {@code models:/name/Stage},
     *                 {@code models:/name@alias}
     * @return a builder with the defaults: port {@value #DEFAULT_PORT} on 127.0.0.1, stores from
     *         {@link Mlops#create()}
     * @throws org.mlops4j.core.tracking.InvalidRegistryValueException when the text is not a models URI
     */
    public static Builder builder(String modelUri) {
        return new Builder(ModelUri.parse(Objects.requireNonNull(modelUri, "modelUri")));
    }

    /** @return the server's address, such as {@code http://127.0.0.1:5001/} (the actual port when 0 was asked) */
    public URI url() {
        return server.url();
    }

    /** @return the port the server listens on */
    public int port() {
        return server.port();
    }

    /** @return the model version answering now */
    public ServedVersion servedVersion() {
        return ServedVersion.of(serving.get().version());
    }

    /**
     * Stops following the registry, stops the server (requests in progress finish), closes the model (when it holds
     * native memory, as an ONNX model does), writes the serving log's queued requests, then closes the stores it
     * opened; calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        follower.ifPresent(ModelFollower::close);
        server.close();
        serving.get().retire();
        capture.ifPresent(ServingLogCapture::close);
        stores.close();
    }

    @Override
    public String toString() {
        ServedVersion version = servedVersion();
        return "ModelServer[" + server.url() + ", " + version.name() + " version " + version.version() + "]";
    }

    /** Collects the settings of a {@link ModelServer}; not thread-safe. */
    public static final class Builder {
        private final ModelUri uri;
        private Optional<Mlops> mlops = Optional.empty();
        private TrackingClient tracking;
        private ModelRegistry registry;
        private final ServerSettings.Builder server = ServerSettings.builder().port(DEFAULT_PORT);
        private Optional<ServingLog> servingLog = Optional.empty();
        private double sampleRate = 1.0;
        private Optional<String> servingLogBatch = Optional.empty();
        private int servingLogQueue = ServingLogCapture.DEFAULT_QUEUE_CAPACITY;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;

        private Builder(ModelUri uri) {
            this.uri = uri;
        }

        /**
         * @param settings where the tracking store and registry are ({@link Mlops#trackingUri()},
         *                 {@link Mlops#registryUri()}); the server opens them read-only and closes them when it stops
         * @return this builder
         */
        public Builder mlops(Mlops settings) {
            this.mlops = Optional.of(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /**
         * @param trackingUri where runs and model artifacts are, such as {@code file:./mlruns}
         * @param registryUri where the model registry is; {@code null} for the tracking URI
         * @return this builder, with an {@link Mlops} made from the two
         */
        public Builder locations(String trackingUri, String registryUri) {
            Mlops.Builder settings = Mlops.builder();
            if (trackingUri != null) {
                settings.property(MlopsProperties.TRACKING_URI, trackingUri);
            }
            if (registryUri != null) {
                settings.property(MlopsProperties.REGISTRY_URI, registryUri);
            }
            return mlops(settings.build());
        }

        /**
         * @param trackingClient where model artifacts are; stays open when the server stops (its owner closes it)
         * @param modelRegistry  where the model is registered; stays open when the server stops
         * @return this builder
         */
        public Builder stores(TrackingClient trackingClient, ModelRegistry modelRegistry) {
            this.tracking = Objects.requireNonNull(trackingClient, "trackingClient");
            this.registry = Objects.requireNonNull(modelRegistry, "modelRegistry");
            return this;
        }

        /**
         * Changes the server's settings, which start from {@link ServerSettings}' defaults with port
         * {@value #DEFAULT_PORT}.
         *
         * @param change what to set: port, bind address, token, threads, queue, timeouts, body limit
         * @return this builder
         */
        public Builder serverSettings(Consumer<ServerSettings.Builder> change) {
            change.accept(server);
            return this;
        }

        /**
         * Captures a sample of the scored requests in a serving log, in the format the monitoring pipeline reads
         * ({@link ServingLog}), off the request path: a request is captured whole with probability
         * {@code sampleRate}, and when the writer falls behind by more than the queue holds
         * ({@link #servingLogQueue(int)}), sampled requests are dropped and counted rather than delaying answers.
         *
         * @param file       the JSON-lines file, such as {@code serving/serving_log.jsonl} (created with its folder)
         * @param sampleRate the share of requests captured, in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException when the rate is not in [0, 1]
         */
        public Builder servingLog(Path file, double sampleRate) {
            if (!(sampleRate >= 0 && sampleRate <= 1)) {
                throw new IllegalArgumentException("The serving log's sample rate must be in [0, 1], was "
                        + sampleRate);
            }
            this.servingLog = Optional.of(new ServingLog(file));
            this.sampleRate = sampleRate;
            return this;
        }

        /**
         * @param batchId the batch id the serving log gives every captured request (the monitoring pipeline's
         *                window); by default the UTC day it was scored, such as {@code 2026-12-07}
         * @return this builder
         */
        public Builder servingLogBatch(String batchId) {
            this.servingLogBatch = Optional.of(Objects.requireNonNull(batchId, "batchId"));
            return this;
        }

        /**
         * @param capacity how many sampled requests may wait for the serving log's writer, at least 1 (default
         *                 {@value ServingLogCapture#DEFAULT_QUEUE_CAPACITY}); beyond that they are dropped and counted
         * @return this builder
         */
        public Builder servingLogQueue(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("The serving log's queue needs room for at least 1 request, was "
                        + capacity);
            }
            this.servingLogQueue = capacity;
            return this;
        }

        /**
         * Sets how often the server resolves a {@code models:/name/Stage} or {@code models:/name@alias} URI again. When
         * it names another version (a promotion, {@code mlops models transition}, another process), that version is
         * loaded in the background, must score a probe row, and is swapped in atomically: no request fails or waits
         * on the load, and {@code /version} shows the switch. A version that fails to load leaves the old one serving,
         * is logged, counted ({@code mlops_serving_model_load_failures_total}) and shown by {@code /version}.
         *
         * @param interval how often to look, default {@link #DEFAULT_POLL_INTERVAL}; zero to never look again
         * @return this builder
         * @throws IllegalArgumentException when the interval is negative
         */
        public Builder pollInterval(Duration interval) {
            if (Objects.requireNonNull(interval, "interval").isNegative()) {
                throw new IllegalArgumentException("The poll interval must not be negative, was " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * Loads the version the URI names now and starts answering.
         *
         * @return the running server
         * @throws MlopsException         when the model, version, stage or alias does not exist, or its artifacts
         *                                are not a model
         * @throws ConfigurationException when a store cannot be opened, the port cannot be bound, or the address is
         *                                beyond the loopback address without a bearer token
         */
        public ModelServer start() {
            ServerSettings settings = server.build();
            ServingStores stores = tracking != null ? ServingStores.lent(tracking, registry)
                    : ServingStores.open(mlops.orElseGet(Mlops::create));
            Optional<ServingLogCapture> capture = Optional.empty();
            Optional<ModelFollower> follower = Optional.empty();
            AtomicReference<ServedModel> serving = new AtomicReference<>();
            try {
                ModelLoader loader = new ModelLoader(uri, stores.registry(), stores.tracking(), Clock.systemUTC());
                serving.set(loader.load(loader.resolve()));
                capture = servingLog.map(log -> new ServingLogCapture(log, sampleRate, servingLogQueue,
                        servingLogBatch, Clock.systemUTC()));
                ServingMetrics metrics = new ServingMetrics(uri.name(), serving::get);
                capture.ifPresent(metrics::servingLog);
                if (!pollInterval.isZero() && !(uri instanceof ModelUri.ByVersion)) {
                    follower = Optional.of(new ModelFollower(loader, serving, pollInterval, metrics,
                            Clock.systemUTC()));
                }
                Optional<ModelFollower> following = follower;
                MlopsHttpServer http = MlopsHttpServer.start(settings, new ScoringHandler(serving::get, metrics,
                        capture.<ScoringObserver>map(c -> c).orElse(ScoringObserver.NONE),
                        () -> following.flatMap(ModelFollower::lastFailure)));
                LOG.info("Serving {} (version {}) at {}", uri, serving.get().version().version(), http.url());
                return new ModelServer(http, serving, stores, capture, follower);
            } catch (RuntimeException e) {
                follower.ifPresent(ModelFollower::close);
                if (serving.get() != null) {
                    serving.get().retire();
                }
                capture.ifPresent(ServingLogCapture::close);
                stores.close();
                throw e;
            }
        }
    }
}

package org.mlops4j.server.rest;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.AccessCredentials;
import org.mlops4j.server.MlopsHttpServer;
import org.mlops4j.server.ServerSettings;
import org.mlops4j.server.rest.internal.ArtifactLocations;
import org.mlops4j.server.rest.internal.ArtifactProxyHandler;
import org.mlops4j.server.rest.internal.ExperimentEndpoints;
import org.mlops4j.server.rest.internal.HealthHandler;
import org.mlops4j.server.rest.internal.LogInputsEndpoint;
import org.mlops4j.server.rest.internal.LogModelEndpoint;
import org.mlops4j.server.rest.internal.ModelEndpoints;
import org.mlops4j.server.rest.internal.ProxiedArtifactFolder;
import org.mlops4j.server.rest.internal.RestHandler;
import org.mlops4j.server.rest.internal.RestRoutes;
import org.mlops4j.server.rest.internal.RunEndpoints;
import org.mlops4j.server.rest.internal.VersionEndpoints;
import org.mlops4j.server.ui.internal.UiContext;
import org.mlops4j.server.ui.internal.UiHandler;
import org.mlops4j.server.ui.internal.UiRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracking server that speaks MLflow's REST API 2.0 over any mlops4j store (file, SQLite, PostgreSQL, MLflow's
 * formats), and serves the tracking UI beside it, on mlops4j's hardened server ({@link MlopsHttpServer}). MLflow's
 * clients (Python, R, Java, JavaScript) log to it with {@code MLFLOW_TRACKING_URI=http://host:5000}.
 *
 * <pre>{@code
 * try (TrackingServer server = TrackingServer.builder()
 *         .trackingClient(tracking)
 *         .modelRegistry(registry)                      // optional: without one the registry calls answer 404
 *         .port(5000)                                   // 0 picks a free port
 *         .start()) {
 *     System.out.println("MLFLOW_TRACKING_URI=" + server.url());
 *     ...
 * }
 * }</pre>
 *
 * <p>Calls under {@code /api/2.0/mlflow/} (and {@code /ajax-api/2.0/mlflow/}): experiments ({@code create},
 * {@code get}, {@code get-by-name}, {@code search}, {@code update}, {@code delete}, {@code restore},
 * {@code set-experiment-tag}), runs ({@code create}, {@code get}, {@code update}, {@code delete}, {@code restore},
 * {@code search}, {@code log-metric}, {@code log-parameter}, {@code set-tag}, {@code delete-tag}, {@code log-batch},
 * {@code log-model}, and {@code log-inputs}, which answers {@code NOT_IMPLEMENTED} for datasets: no store records them yet),
 * {@code metrics/get-history}, {@code artifacts/list}; with a registry, registered models ({@code create}, {@code get}, {@code rename},
 * {@code update}, {@code delete}, {@code search}, {@code get-latest-versions}, {@code set-tag}, {@code delete-tag},
 * {@code alias} to set, get and delete) and model versions ({@code create}, {@code get}, {@code update},
 * {@code delete}, {@code search}, {@code transition-stage}, {@code set-tag}, {@code delete-tag},
 * {@code get-download-uri}). Bodies are the JSON of
 * MLflow's protobuf messages; errors are {@code {"error_code": ..., "message": ...}} with MLflow's HTTP status
 * ({@code RESOURCE_DOES_NOT_EXIST} 404, {@code INVALID_PARAMETER_VALUE} and {@code RESOURCE_ALREADY_EXISTS} 400,
 * {@code PERMISSION_DENIED} 403 for a write to a store or registry that takes no changes).
 * Every other path is the UI.
 *
 * <p>With {@link Builder#artifactsDestination an artifact destination}, the server proxies artifacts as MLflow's
 * {@code --serve-artifacts} does: {@code PUT}, {@code GET} and {@code DELETE /api/2.0/mlflow-artifacts/artifacts/<path>}
 * and {@code GET /api/2.0/mlflow-artifacts/artifacts?path=<folder>}, and runs report
 * {@code mlflow-artifacts:/<experiment id>/<run id>/artifacts}; a run's artifacts land in the store, other paths below
 * the destination, uploads up to {@link Builder#maxArtifactBytes}.
 *
 * <p>Safe by default: it listens on {@value ServerSettings#DEFAULT_BIND_ADDRESS} only and then answers only requests
 * addressed to a loopback name; beyond the loopback address {@link Builder#credentials credentials} are required for
 * every call, {@code GET /health} included: a bearer token ({@code Authorization: Bearer <token>}, which MLflow's
 * clients send from {@code MLFLOW_TRACKING_TOKEN}) or a user's password (HTTP basic authentication, as MLflow's
 * basic-auth app: {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD}); read-only ones may call only
 * the reading endpoints and get {@code PERMISSION_DENIED} (403) for any other. JSON bodies are limited in size
 * ({@link ServerSettings#maxBodyBytes()}) and a {@code POST} must be {@code application/json}, so that a web page
 * cannot post to a local server without the browser asking first. Names, keys and values are checked by the stores,
 * and their refusals are answered {@code INVALID_PARAMETER_VALUE}.
 *
 * <p>Thread-safe. Closing stops the server (requests in progress finish); the tracking client and the registry stay
 * open: their owner closes them.
 */
public final class TrackingServer implements AutoCloseable {

    /** The port a tracking server listens on unless told otherwise: {@value} (MLflow's). */
    public static final int DEFAULT_PORT = 5000;
    /** The largest artifact upload through the proxy unless told otherwise: {@value} bytes (1 GiB). */
    public static final long DEFAULT_MAX_ARTIFACT_BYTES = 1L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(TrackingServer.class);

    private final MlopsHttpServer server;

    private TrackingServer(MlopsHttpServer server) {
        this.server = server;
    }

    /** @return a builder with the defaults: 127.0.0.1, port {@value #DEFAULT_PORT} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the server's address, such as {@code http://127.0.0.1:5000/} (the actual port when 0 was asked) */
    public URI url() {
        return server.url();
    }

    /** @return the port the server listens on */
    public int port() {
        return server.port();
    }

    /** Stops the server; requests in progress finish, up to the server's stop timeout. Calling it again does nothing. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "TrackingServer[" + server.url() + "]";
    }

    /** Collects the settings of a {@link TrackingServer}; not thread-safe. */
    public static final class Builder {
        private TrackingClient tracking;
        private Optional<ModelRegistry> registry = Optional.empty();
        private final ServerSettings.Builder server = ServerSettings.builder().port(DEFAULT_PORT);
        private Optional<Path> artifactsDestination = Optional.empty();
        private long maxArtifactBytes = DEFAULT_MAX_ARTIFACT_BYTES;

        private Builder() {
        }

        /**
         * @param client the tracking client whose store the calls read and write (required)
         * @return this builder
         */
        public Builder trackingClient(TrackingClient client) {
            this.tracking = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param modelRegistry the registry of the registered-model and model-version calls
         * @return this builder
         */
        public Builder modelRegistry(ModelRegistry modelRegistry) {
            this.registry = Optional.of(Objects.requireNonNull(modelRegistry, "modelRegistry"));
            return this;
        }

        /**
         * @param address the IP address or host name to listen on; {@code 0.0.0.0} for every interface (then a
         *                {@link #bearerToken bearer token} is required)
         * @return this builder
         */
        public Builder bindAddress(String address) {
            server.bindAddress(address);
            return this;
        }

        /**
         * @param number the port, 0 to 65535; 0 picks a free port (see {@link TrackingServer#url()})
         * @return this builder
         */
        public Builder port(int number) {
            server.port(number);
            return this;
        }

        /**
         * @param token the token every request must carry, at least 16 characters: {@code Authorization: Bearer
         *              <token>} (MLflow's clients send {@code MLFLOW_TRACKING_TOKEN} so)
         * @return this builder
         */
        public Builder bearerToken(String token) {
            server.bearerToken(token);
            return this;
        }

        /**
         * @param credentials more tokens and users (HTTP basic authentication, as MLflow's basic-auth app), each
         *                    read-write or read-only (which may call only the reading endpoints: {@code GET}s and the
         *                    searches; anything else answers 403 {@code PERMISSION_DENIED}); see
         *                    {@link AccessCredentials} for the files that hold them
         * @return this builder
         */
        public Builder credentials(AccessCredentials credentials) {
            server.credentials(credentials);
            return this;
        }

        /**
         * Turns on MLflow's artifact proxy ({@code mlflow server --serve-artifacts --artifacts-destination DIR}): the
         * {@code /api/2.0/mlflow-artifacts/} calls upload, download, list and delete artifacts through the server,
         * and experiments and runs report {@code mlflow-artifacts:/<experiment id>/<run id>/artifacts} as their
         * artifact location, so that MLflow's clients send artifacts to the server instead of writing a path of the
         * server's machine. A run's artifacts go to the store (where the Java API, the UI and {@code runs:/} URIs
         * find them); any other path goes below {@code folder}. Nothing is read or written outside either: paths
         * with {@code ..}, absolute paths and symbolic links are refused.
         *
         * @param folder the folder of proxied artifacts that belong to no run; created when missing
         * @return this builder
         */
        public Builder artifactsDestination(Path folder) {
            this.artifactsDestination = Optional.of(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * @param bytes the largest artifact upload through the proxy (default {@value #DEFAULT_MAX_ARTIFACT_BYTES});
         *              JSON bodies keep the server's {@link ServerSettings#maxBodyBytes() body limit}
         * @return this builder
         */
        public Builder maxArtifactBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxArtifactBytes must be at least 1; found " + bytes);
            }
            this.maxArtifactBytes = bytes;
            return this;
        }

        /**
         * Changes the server's other settings (threads, queue, timeouts, body and head limits, allowed hosts), which
         * start from {@link ServerSettings}' defaults with port {@value #DEFAULT_PORT}.
         *
         * @param change what to set
         * @return this builder
         */
        public Builder serverSettings(Consumer<ServerSettings.Builder> change) {
            change.accept(server);
            return this;
        }

        /**
         * @return the running server
         * @throws NullPointerException   when no tracking client was given
         * @throws ConfigurationException when the address cannot be resolved, the port cannot be bound, or the
         *                                address is beyond the loopback address and no bearer token is set
         */
        public TrackingServer start() {
            Objects.requireNonNull(tracking, "A tracking server needs a tracking client: call trackingClient(...) "
                    + "on the builder.");
            long maxJsonBytes = server.build().maxBodyBytes();
            Optional<ProxiedArtifactFolder> proxied = artifactsDestination.map(ProxiedArtifactFolder::new);
            ServerSettings settings = server.maxBodyBytes(proxied.isPresent()
                    ? Math.max(maxJsonBytes, maxArtifactBytes) : maxJsonBytes).build();
            server.maxBodyBytes(maxJsonBytes);
            ArtifactLocations locations = new ArtifactLocations(proxied.isPresent());
            RestRoutes routes = new RestRoutes();
            new ExperimentEndpoints(tracking.store(), locations).addTo(routes);
            new RunEndpoints(tracking.store(), locations).addTo(routes);
            new LogModelEndpoint(tracking.store()).addTo(routes);
            new LogInputsEndpoint(tracking.store()).addTo(routes);
            registry.ifPresent(models -> {
                new ModelEndpoints(models).addTo(routes);
                new VersionEndpoints(models, tracking.store(), locations).addTo(routes);
            });
            UiHandler ui = new UiHandler(new UiRouter(new UiContext(tracking, registry)));
            RestHandler api = new RestHandler(routes, ui, maxJsonBytes);
            MlopsHttpServer http = MlopsHttpServer.start(settings, new HealthHandler(new ArtifactProxyHandler(
                    tracking.store(), proxied, maxArtifactBytes, api)), RestHandler::isReading);
            LOG.info("MLflow REST API and tracking UI for {} at {}{}", tracking.location(), http.url(),
                    proxied.map(folder -> "; proxying artifacts to the store and " + folder.root()).orElse(""));
            return new TrackingServer(http);
        }
    }
}

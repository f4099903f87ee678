package org.mlops4j.examples.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.AccessCredentials;
import org.mlops4j.server.ServerSettings;
import org.mlops4j.server.rest.TrackingServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mlops server}: MLflow's REST API 2.0 and the web UI over any mlops4j store, served until the process is
 * stopped, so that MLflow's clients log with {@code MLFLOW_TRACKING_URI=http://host:5000}.
 */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Serve MLflow's REST API 2.0 (experiments, runs, metrics, the model registry) and the web UI "
            + "over a store, read and written: MLflow's clients log to it with MLFLOW_TRACKING_URI=http://host:port. "
            + "Listens on 127.0.0.1 unless --host says otherwise (then --token-file or --password-file is required; "
            + "clients send MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD). "
            + "GET /health answers OK. Stop it with Ctrl-C.")
final class ServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "5000",
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerSettings.DEFAULT_BIND_ADDRESS,
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file of bearer tokens (16+ characters, one a line; 'ro:<token>' for a read-only one), "
                + "sent as 'Authorization: Bearer <token>' (MLFLOW_TRACKING_TOKEN). With --host beyond 127.0.0.1, a "
                + "token file or a password file is required.")
    private Path tokenFile;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file of users for HTTP basic authentication (MLFLOW_TRACKING_USERNAME and "
                + "MLFLOW_TRACKING_PASSWORD), one a line as 'mlops server-password USER' prints it; read-only users "
                + "may only read.")
    private Path passwordFile;

    @Option(names = {"--backend-store-uri", "--tracking-uri"}, paramLabel = "URI",
            description = "Where runs are: file:, jdbc:sqlite:, jdbc:postgresql:, an MLflow store (default: "
                + "mlops.tracking.uri, else file:./mlruns).")
    private String trackingUri;

    @Option(names = "--registry-uri", paramLabel = "URI",
            description = "Where the model registry is (default: the backend store URI).")
    private String registryUri;

    @Option(names = "--no-registry", description = "Serve without the model registry calls and pages.")
    private boolean noRegistry;

    @Option(names = "--artifacts-destination", paramLabel = "DIR",
            description = "Proxy artifacts through the server, as MLflow's --serve-artifacts: clients upload, "
                + "download and list them with the mlflow-artifacts calls, and runs report mlflow-artifacts:/ "
                + "locations. A run's artifacts go to the store; other paths below DIR (created when missing).")
    private Path artifactsDestination;

    @Option(names = "--max-artifact-mb", paramLabel = "MB", defaultValue = "1024",
            description = "The largest artifact upload through the proxy, in MiB (default: ${DEFAULT-VALUE}).")
    private long maxArtifactMb;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        TrackingServer.Builder server = OptionValues.apply(spec, "--port", () -> TrackingServer.builder().port(port));
        Mlops mlops = StoreSettings.of(trackingUri, registryUri);
        URI tracking = mlops.trackingUri();
        try (TrackingClient client = TrackingClient.open(mlops, tracking);
                ModelRegistry models = noRegistry ? null : mlops.openModelRegistry();
                TrackingServer running = start(server, client, models)) {
            spec.commandLine().getOut().println("mlops tracking server for " + tracking + " at " + running.url());
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "mlops-server-stop"));
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private TrackingServer start(TrackingServer.Builder server, TrackingClient client, ModelRegistry models) {
        server.trackingClient(client).bindAddress(host);
        if (tokenFile != null) {
            server.credentials(AccessCredentials.readTokenFile(tokenFile));
        }
        if (passwordFile != null) {
            server.credentials(AccessCredentials.readPasswordFile(passwordFile));
        }
        if (models != null) {
            server.modelRegistry(models);
        }
        if (artifactsDestination != null) {
            server.artifactsDestination(artifactsDestination).maxArtifactBytes(Math.multiplyExact(maxArtifactMb,
                    1024L * 1024));
        }
        return server.start();
    }
}

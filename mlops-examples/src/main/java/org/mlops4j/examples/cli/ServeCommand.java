package org.mlops4j.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mlops4j.examples.leadscoring.InferenceOptions;
import org.mlops4j.server.BearerTokens;
import org.mlops4j.server.ServerSettings;
import org.mlops4j.serving.ModelServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops serve}: a registered model behind MLflow's scoring protocol, served until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Serve a registered model over HTTP with MLflow's scoring protocol: POST /invocations "
            + "(application/json as dataframe_split, dataframe_records, instances or inputs; or text/csv), GET /ping, "
            + "/health, /version and /metrics (Prometheus). A stage or alias is followed: when it moves, the new "
            + "version is swapped in without failing a request. Listens on 127.0.0.1 unless --host says otherwise "
            + "(then --token-file is required). Stop it with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    /** The serving log's file in the {@code --serving-log} folder, as the inference pipeline names it. */
    static final String SERVING_LOG_FILE = InferenceOptions.SERVING_LOG_FILE;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelStoreOptions model;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ModelServer.DEFAULT_PORT,
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerSettings.DEFAULT_BIND_ADDRESS,
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding a token (16+ characters) every request must carry as 'Authorization: "
                + "Bearer <token>'; required with a --host beyond 127.0.0.1.")
    private Path tokenFile;

    @Option(names = "--serving-log", paramLabel = "DIR",
            description = "Capture a sample of the scored requests in DIR/" + SERVING_LOG_FILE + ", the serving log "
                + "the monitoring pipeline reads (batch id: the UTC day). Written off the request path; when the "
                + "writer falls behind, sampled requests are dropped and counted.")
    private Path servingLog;

    @Option(names = "--sample-rate", paramLabel = "R", defaultValue = "0.1",
            description = "Share of requests captured in the serving log, in [0, 1] (default: ${DEFAULT-VALUE}, as a "
                    + "production server logs a sample; demo logs every request).")
    private double sampleRate;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "How often to look up a stage or alias again; when it names another version, that version "
                + "is loaded in the background, probed and swapped in (default: ${DEFAULT-VALUE}; 0: never).")
    private int pollSeconds;

    /** How long stopping may take: requests in progress, then the serving log's queue. */
    private static final long STOP_LIMIT_SECONDS = 20;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        ModelServer.Builder server = OptionValues.apply(spec, "--model", () -> ModelServer.builder(model.model));
        OptionValues.apply(spec, "--port", () -> ServerSettings.builder().port(port).build());
        if (servingLog != null) {
            OptionValues.apply(spec, "--sample-rate", () -> server.servingLog(servingLog.resolve(SERVING_LOG_FILE),
                    sampleRate));
        }
        OptionValues.apply(spec, "--poll-interval", () -> server.pollInterval(Duration.ofSeconds(pollSeconds)));
        server.mlops(model.mlops()).serverSettings(settings -> {
            settings.port(port).bindAddress(host);
            if (tokenFile != null) {
                settings.bearerToken(BearerTokens.readFile(tokenFile));
            }
        });
        CountDownLatch closed = new CountDownLatch(1);
        try (ModelServer running = server.start()) {
            spec.commandLine().getOut().println("mlops model server for " + model.model + " (version "
                    + running.servedVersion().version() + ") at " + running.url());
            spec.commandLine().getOut().flush();
            // The JVM ends when its shutdown hooks do: this one waits until requests in progress are answered and
            // the serving log's queue is written.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                try {
                    closed.await(STOP_LIMIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mlops-serve-stop"));
            stopped.await();
        } finally {
            closed.countDown();
        }
        return ExitCodes.OK;
    }
}

package org.mlops4j.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mlops4j.server.ServerSettings;
import org.mlops4j.server.serving.ModelServer;
import org.mlops4j.server.ui.TrackingUiLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops serve}: a registered model behind MLflow's scoring protocol, served until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Serve a registered model over HTTP with MLflow's scoring protocol: POST /invocations "
            + "(application/json as dataframe_split, dataframe_records, instances or inputs; or text/csv), GET /ping, "
            + "/health and /version. Listens on 127.0.0.1 unless --host says otherwise (then --token-file is "
            + "required). Stop it with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

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

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        ModelServer.Builder server = OptionValues.apply(spec, "--model", () -> ModelServer.builder(model.model));
        OptionValues.apply(spec, "--port", () -> ServerSettings.builder().port(port).build());
        server.mlops(model.mlops()).serverSettings(settings -> {
            settings.port(port).bindAddress(host);
            if (tokenFile != null) {
                settings.bearerToken(TrackingUiLauncher.readToken(tokenFile));
            }
        });
        try (ModelServer running = server.start()) {
            spec.commandLine().getOut().println("mlops model server for " + model.model + " (version "
                    + running.servedVersion().version() + ") at " + running.url());
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "mlops-serve-stop"));
            stopped.await();
        }
        return ExitCodes.OK;
    }
}

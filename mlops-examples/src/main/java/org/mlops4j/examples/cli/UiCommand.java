package org.mlops4j.examples.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.server.BearerTokens;
import org.mlops4j.server.ui.TrackingUi;
import org.mlops4j.server.ui.TrackingUiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops ui}: the tracking, registry and monitoring web UI, served until the process is stopped. */
@Command(name = "ui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Serve the web UI: experiments, runs, run detail and comparison, the model registry and the "
            + "monitoring pages. Read-only: opens the stores read-only, and a location that holds no store is an error "
            + "(exit code 2). Listens on 127.0.0.1 unless --host says otherwise (then --token-file is required). Stop "
            + "it with Ctrl-C.")
final class UiCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "5000",
            description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = TrackingUi.DEFAULT_BIND_ADDRESS,
            description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding a token (16+ characters) every request must carry, as 'Authorization: "
                + "Bearer <token>' or as the password of the browser's login dialog; required with a --host beyond "
                + "127.0.0.1.")
    private Path tokenFile;

    @Mixin
    private StoreOptions store;

    @Option(names = "--no-registry", description = "Serve without the model registry pages.")
    private boolean noRegistry;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        TrackingUi.Builder ui = OptionValues.apply(spec, "--port", () -> TrackingUi.builder().port(port));
        Mlops mlops = store.settings();
        URI tracking = mlops.trackingUri();
        try (TrackingClient client = TrackingClient.openReadOnly(mlops, tracking);
                ModelRegistry models = noRegistry ? null : mlops.openModelRegistryReadOnly();
                TrackingUiServer server = start(ui, client, models)) {
            spec.commandLine().getOut().println("mlops UI for " + tracking + " at " + server.url());
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "mlops-ui-stop"));
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private TrackingUiServer start(TrackingUi.Builder ui, TrackingClient client, ModelRegistry models) {
        ui.trackingClient(client).bindAddress(host);
        if (tokenFile != null) {
            ui.bearerToken(BearerTokens.readFile(tokenFile));
        }
        if (models != null) {
            ui.modelRegistry(models);
        }
        return ui.build().start();
    }
}

package org.mlops4j.server.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * Starts the tracking UI from the command line and serves until the process is stopped (Ctrl-C):
 *
 * <pre>
 * java -cp ... org.mlops4j.server.ui.TrackingUiLauncher --port 5000 --tracking-uri file:./mlruns
 * </pre>
 *
 * Options: {@code --tracking-uri URI} (default: {@code mlops.tracking.uri} from the configuration, else
 * {@code file:./mlruns}), {@code --registry-uri URI} (default: {@code mlops.registry.uri}, else the tracking URI),
 * {@code --host ADDRESS} (default {@value TrackingUi#DEFAULT_BIND_ADDRESS}), {@code --port N} (default
 * {@value TrackingUi#DEFAULT_PORT}), {@code --token-file FILE} (a bearer token that every request must carry; required
 * with a host beyond the loopback address), {@code --no-registry}, {@code --help}. The {@code mlops ui} command takes the
 * same options.
 */
public final class TrackingUiLauncher {

    private TrackingUiLauncher() {
    }

    /** What the command line asked for. */
    record Options(String trackingUri, String registryUri, String host, int port, String tokenFile,
            boolean registry, boolean help) {
    }

    /**
     * @param args the command-line options
     * @throws InterruptedException when the main thread is interrupted while the UI serves
     */
    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(usage());
            return;
        }
        Launched launched;
        try {
            launched = launch(options, System.out);
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // The server's threads are daemons: this thread keeps the process alive until it is stopped (Ctrl-C), and
        // stopping it closes the server and the stores.
        Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "mlops-ui-shutdown"));
        new CountDownLatch(1).await();
    }

    /**
     * The server with the client and registry it opened; closing it closes all three.
     *
     * @param server   the running UI
     * @param tracking the tracking client it opened
     * @param registry the registry it opened, or {@code null}
     */
    record Launched(TrackingUiServer server, TrackingClient tracking, ModelRegistry registry) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            tracking.close();
            if (registry != null) {
                registry.close();
            }
        }
    }

    /**
     * Opens the stores read-only (nothing is created or changed at their locations) and starts the UI.
     *
     * @param options what the command line asked for
     * @param out     where to print the UI's address
     * @return the running UI with what it opened
     */
    static Launched launch(Options options, PrintStream out) {
        Mlops.Builder builder = Mlops.builder();
        if (options.trackingUri() != null) {
            builder.property(MlopsProperties.TRACKING_URI, options.trackingUri());
        }
        if (options.registryUri() != null) {
            builder.property(MlopsProperties.REGISTRY_URI, options.registryUri());
        }
        Mlops mlops = builder.build();
        TrackingClient tracking = TrackingClient.openReadOnly(mlops);
        ModelRegistry registry = null;
        try {
            TrackingUi.Builder ui = TrackingUi.builder().trackingClient(tracking).bindAddress(options.host())
                    .port(options.port());
            if (options.tokenFile() != null) {
                ui.bearerToken(readToken(Path.of(options.tokenFile())));
            }
            if (options.registry()) {
                registry = mlops.openModelRegistryReadOnly();
                ui.modelRegistry(registry);
            }
            TrackingUiServer server = ui.build().start();
            out.println("mlops4j tracking UI for " + tracking.location() + " at " + server.url());
            return new Launched(server, tracking, registry);
        } catch (RuntimeException e) {
            tracking.close();
            if (registry != null) {
                registry.close();
            }
            throw e;
        }
    }

    /**
     * @param file a file holding the bearer token (surrounding white space is ignored)
     * @return the token
     * @throws ConfigurationException when the file cannot be read or holds too short a token
     */
    public static String readToken(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the token file " + file + ": " + e.getMessage()
                    + ". Give a file that holds the token on one line.", e);
        }
        if (token.length() < 16) {
            throw new ConfigurationException("The token in " + file + " has " + token.length() + " characters; a "
                    + "token needs at least 16 (for example the output of 'openssl rand -hex 16').");
        }
        return token;
    }

    /**
     * @param args the command-line options
     * @return the options
     * @throws IllegalArgumentException naming an unknown option or a bad value
     */
    static Options parse(String[] args) {
        String trackingUri = null;
        String registryUri = null;
        String host = TrackingUi.DEFAULT_BIND_ADDRESS;
        int port = TrackingUi.DEFAULT_PORT;
        String tokenFile = null;
        boolean registry = true;
        boolean help = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            String value = null;
            int eq = option.indexOf('=');
            if (option.startsWith("--") && eq > 0) {
                value = option.substring(eq + 1);
                option = option.substring(0, eq);
            }
            switch (option) {
                case "--tracking-uri" -> trackingUri = value(option, value, rest);
                case "--registry-uri" -> registryUri = value(option, value, rest);
                case "--host" -> host = value(option, value, rest);
                case "--port" -> {
                    String text = value(option, value, rest);
                    try {
                        port = Integer.parseInt(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port expects a number from 0 to 65535; found '"
                                + text + "'");
                    }
                }
                case "--token-file" -> tokenFile = value(option, value, rest);
                case "--no-registry" -> registry = false;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option '" + option + "'");
            }
        }
        return new Options(trackingUri, registryUri, host, port, tokenFile, registry, help);
    }

    private static String value(String option, String inline, List<String> rest) {
        if (inline != null) {
            return inline;
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " expects a value");
        }
        return rest.remove(0);
    }

    static String usage() {
        return """
                Usage: mlops ui [--port N] [--host ADDRESS] [--token-file FILE] [--tracking-uri URI] \
                [--registry-uri URI] [--no-registry]
                  --port N            the port to listen on (default 5000; 0 picks a free one)
                  --host ADDRESS      the address to listen on (default 127.0.0.1; 0.0.0.0 exposes the UI to the \
                network, and then needs --token-file)
                  --token-file FILE   a file holding a token (16+ characters) that every request must carry, as \
                'Authorization: Bearer <token>' or as the password of the browser's login dialog
                  --tracking-uri URI  the tracking store, such as file:./mlruns or jdbc:sqlite:runs.db
                  --registry-uri URI  the model registry (default: the tracking URI)
                  --no-registry       show no model registry""";
    }
}

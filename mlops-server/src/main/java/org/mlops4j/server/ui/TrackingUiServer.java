package org.mlops4j.server.ui;

import java.net.InetSocketAddress;
import java.net.URI;
import org.mlops4j.server.MlopsHttpServer;

/**
 * A running tracking UI, from {@link TrackingUi#start()}. Closing it stops the server (requests in progress may finish,
 * for up to the server's stop timeout); the tracking client and registry stay open. Thread-safe.
 */
public final class TrackingUiServer implements AutoCloseable {

    private final MlopsHttpServer server;

    TrackingUiServer(MlopsHttpServer server) {
        this.server = server;
    }

    /** @return the UI's address, such as {@code http://127.0.0.1:5000/} (with the actual port when 0 was asked) */
    public URI url() {
        return server.url();
    }

    /** @return the socket address the server is bound to */
    public InetSocketAddress address() {
        return server.address();
    }

    /** @return the port the server listens on */
    public int port() {
        return server.port();
    }

    /** Stops the server; calling it again does nothing. */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "TrackingUiServer[" + server.url() + "]";
    }
}

package org.mlops4j.server.ui;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running tracking UI, from {@link TrackingUi#start()}. Closing it stops the server (requests in progress get up to
 * a second to finish); the tracking client and registry stay open. Thread-safe.
 */
public final class TrackingUiServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI url;
    private volatile boolean closed;

    TrackingUiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        InetSocketAddress bound = server.getAddress();
        InetAddress address = bound.getAddress();
        String host;
        if (address.isAnyLocalAddress()) {
            host = "127.0.0.1";
        } else if (address instanceof java.net.Inet6Address) {
            host = "[" + address.getHostAddress().replaceAll("%.*", "") + "]";
        } else {
            host = address.getHostAddress();
        }
        this.url = URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    /** @return the UI's address, such as {@code http://127.0.0.1:5000/} (with the actual port when 0 was asked) */
    public URI url() {
        return url;
    }

    /** @return the socket address the server is bound to */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return the port the server listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops the server; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TrackingUiServer[" + url + "]";
    }
}

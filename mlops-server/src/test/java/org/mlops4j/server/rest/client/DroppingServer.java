package org.mlops4j.server.rest.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP peer that behaves like a proxy whose back end crashed mid-call: it accepts each connection, reads the request
 * head, and closes the connection without answering. The client cannot tell whether the call was carried out, which
 * is what the retry rule for calls that are not idempotent is about. Counts the connections it took.
 */
final class DroppingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    DroppingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "dropping-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the server's address */
    URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    /** @return how many connections it accepted */
    int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                readHead(client.getInputStream());
            } catch (IOException closed) {
                // the socket was closed, or the client went away: accept the next one, if any
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

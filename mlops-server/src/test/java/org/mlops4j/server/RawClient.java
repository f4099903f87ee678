package org.mlops4j.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A client that writes bytes to a server exactly as given, stalls when told to, and reads what comes back: what the
 * JDK's HTTP client would not do (two Host headers, half a request head, a body one byte at a time).
 */
public final class RawClient implements AutoCloseable {

    private final Socket socket;

    /** @param server the server to connect to */
    public RawClient(URI server) {
        try {
            this.socket = new Socket(server.getHost(), server.getPort());
            socket.setSoTimeout(10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One whole request, with Connection: close. */
    public static Answer exchange(URI server, String head) {
        try (RawClient client = new RawClient(server)) {
            client.send(head);
            return client.answer();
        }
    }

    /** @param text sent as ISO-8859-1 bytes */
    public void send(String text) {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** @param bytes sent as given */
    public void send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return whether sending one more byte still works (false once the server has closed and reset) */
    public boolean trySend(byte b) {
        try {
            socket.getOutputStream().write(b);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return everything the server sends until it closes the connection */
    public Answer answer() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return Answer.of(response.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the server to close the connection.
     *
     * @param limit how long to wait at most
     * @return how long it took, or empty when the connection was still open after the limit
     */
    public Optional<Duration> closedWithin(Duration limit) {
        long start = System.nanoTime();
        try {
            socket.setSoTimeout((int) limit.toMillis());
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // Whatever the server says before it closes (such as a 408 or 400) does not matter here.
            }
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A reset is a close too.
        }
        return Optional.of(Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What came back.
     *
     * @param status the status code, -1 when nothing came
     * @param text   the whole text (status line, headers, body)
     */
    public record Answer(int status, String text) {
        static Answer of(String text) {
            if (text.isEmpty()) {
                return new Answer(-1, text);
            }
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        }

        /** @return the value of a header, matched without regard to case */
        public Optional<String> header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                        .equals(name.toLowerCase(Locale.ROOT))) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
            return Optional.empty();
        }
    }
}

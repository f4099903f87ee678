package org.mlops4j.server.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP against a running UI: through the JDK's client, and byte for byte through a socket. */
final class UiHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern RUN_ROW = Pattern.compile("<tr data-run-id=\"([^\"]+)\"");

    private final URI base;

    UiHttp(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery));
    }

    /** A raw response: the status line's code and everything after it. */
    record Raw(int status, String text) {
    }

    /**
     * Sends a request line exactly as given (no normalisation of {@code ..} by a client library).
     *
     * @param method the method
     * @param target the request target, sent unchanged
     * @param host   the Host header
     */
    Raw raw(String method, String target, String host) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            String[] statusLine = text.substring(0, text.indexOf("\r\n")).split(" ");
            return new Raw(Integer.parseInt(statusLine[1]), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Raw raw(String method, String target) {
        return raw(method, target, base.getHost() + ":" + base.getPort());
    }

    /** @return the run ids of the rows of a runs table, in order */
    static List<String> runRows(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = RUN_ROW.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}

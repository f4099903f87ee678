package org.mlops4j.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The answers the server gives on its own (400, 401, 403, 413, 431, 503 …): a line of plain text with the headers that
 * keep a browser from doing anything with it (no sniffing, no script, no framing, no caching).
 *
 * <p>A building block of mlops4j's HTTP surfaces (the UI, the model server), published for mlops4j's modules; it
 * may change between versions.
 */
public final class PlainAnswers {

    /** The policy of the server's own answers: nothing may load, run or frame them. */
    public static final String POLICY = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private PlainAnswers() {
    }

    /**
     * Adds the security headers every answer of the server carries.
     *
     * @param headers the response headers
     */
    public static void secure(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("Content-Security-Policy", POLICY);
        headers.put("X-Frame-Options", "DENY");
    }

    /**
     * Marks an answer given before the request's body was read with {@code Connection: close}, when the request has a
     * body: the server then drops the connection instead of reading the unread body, and the client must know not to
     * send its next request on it (a client that reuses it gets no answer).
     *
     * @param request  the request, its body unread
     * @param response the response, not yet committed
     */
    public static void closeIfBodyUnread(Request request, Response response) {
        if (request.getLength() != 0) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    /**
     * @param status  the HTTP status
     * @param message what went wrong and what to do, or {@code null}
     * @return the body: the status, its reason and the message, one line
     */
    public static ByteBuffer body(int status, String message) {
        String text = status + " " + HttpStatus.getMessage(status)
                + (message == null || message.isBlank() ? "" : ": " + message) + "\n";
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers a request with a plain-text error.
     *
     * @param response the response, not yet committed
     * @param callback completed when the answer is sent
     * @param status   the HTTP status
     * @param message  what went wrong and what to do
     */
    public static void write(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        secure(headers);
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        ByteBuffer body = body(status, message);
        headers.put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(true, body, callback);
    }
}

package org.mlops4j.server.ui.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the UI sends back: a status, headers and a body that is written when the response goes out (so an artifact is
 * streamed, not held in memory).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param status  the HTTP status
 * @param headers the response headers, including {@code Content-Type}
 * @param length  the body's length in bytes, or -1 when it is not known in advance
 * @param body    writes the body
 */
public record UiResponse(int status, Map<String, String> headers, long length, Body body) {

    /** Writes a response body. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param out where the body goes; not to be closed
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Copies the headers. */
    public UiResponse {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    /**
     * @param status the HTTP status
     * @param html   a complete HTML document
     * @return the page as UTF-8 {@code text/html}
     */
    public static UiResponse html(int status, String html) {
        return bytes(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param status      the HTTP status
     * @param contentType the media type
     * @param bytes       the body
     * @return the response
     */
    public static UiResponse bytes(int status, String contentType, byte[] bytes) {
        return new UiResponse(status, Map.of("Content-Type", contentType), bytes.length, out -> out.write(bytes));
    }

    /**
     * @param name  a header name
     * @param value its value
     * @return a copy with the header added or replaced
     */
    public UiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new UiResponse(status, more, length, body);
    }
}

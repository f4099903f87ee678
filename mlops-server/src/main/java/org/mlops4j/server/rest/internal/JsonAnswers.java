package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mlops4j.server.http.PlainAnswers;

/**
 * Writes the REST API's answers: a JSON message with the server's security headers.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class JsonAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswers() {
    }

    /**
     * @param response the response, not yet committed
     * @param callback completed when the answer is sent
     * @param error    MLflow's error, sent with its code's status
     */
    public static void send(Response response, Callback callback, ErrorAnswer error) {
        send(response, callback, error.status(), error.json());
    }

    /**
     * @param response the response, not yet committed
     * @param callback completed when the answer is sent
     * @param status   the HTTP status
     * @param body     the message
     */
    public static void send(Response response, Callback callback, int status, ObjectNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        PlainAnswers.secure(headers);
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}

package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.mlops4j.server.http.PlainAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts MLflow's REST API on Jetty: requests under {@code /api/2.0/mlflow/} (and the same under
 * {@code /ajax-api/2.0/mlflow/} and {@code /api/2.0/preview/mlflow/}, as MLflow serves them) are read (the query of a
 * GET, the JSON body otherwise, which must be {@code application/json} so that no web page can send one without the
 * browser asking first), answered by their {@link Endpoint}, and written as JSON; any other path goes to the next
 * handler (the UI). Errors are MLflow's: {@code {"error_code": ..., "message": ...}} with the code's status.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class RestHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
    private static final ApiPrefixes PREFIXES = ApiPrefixes.of("/api/2.0/mlflow/", "/ajax-api/2.0/mlflow/",
            "/api/2.0/preview/mlflow/");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> READING_POSTS = Set.of("experiments/search", "runs/search",
            "registered-models/get-latest-versions");

    private final RestRoutes routes;
    private final Handler other;
    private final long maxBodyBytes;

    /**
     * @param routes       the endpoints
     * @param other        answers every path outside the API
     * @param maxBodyBytes the largest JSON body read (the server's own limit may be higher, for artifact uploads)
     */
    public RestHandler(RestRoutes routes, Handler other, long maxBodyBytes) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.other = Objects.requireNonNull(other, "other");
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * What a read-only caller may do on the tracking server: {@code GET} and {@code HEAD}, and the searches that
     * MLflow's clients send as {@code POST} ({@code experiments/search}, {@code runs/search},
     * {@code registered-models/get-latest-versions}).
     *
     * @param request a request
     * @return whether it only reads
     */
    public static boolean isReading(Request request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        String path = request.getHttpURI().getPath();
        return method.equals("POST") && PREFIXES.call(path).map(READING_POSTS::contains).orElse(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        Optional<String> call = PREFIXES.call(path);
        if (call.isEmpty()) {
            return other.handle(request, response, callback);
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        Optional<RestRoutes.Route> route = routes.find(call.get());
        if (route.isEmpty()) {
            PlainAnswers.closeIfBodyUnread(request, response);
            JsonAnswers.send(response, callback, new ErrorAnswer(ErrorCode.ENDPOINT_NOT_FOUND, "No API endpoint at "
                    + path + "; see MLflow's REST API 2.0 for the calls this server answers."));
            return true;
        }
        if (!route.get().methods().contains(method)) {
            PlainAnswers.closeIfBodyUnread(request, response);
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", route.get().methods()));
            JsonAnswers.send(response, callback, 405, new ErrorAnswer(ErrorCode.BAD_REQUEST, "Use "
                    + String.join(" or ", route.get().methods()) + " for " + path + ", not " + method + ".").json());
            return true;
        }
        RestRequest fields;
        try {
            if (method.equals("GET")) {
                fields = new RestRequest(method, query(request));
            } else {
                byte[] body = body(request, method);
                if (route.get().direct().isPresent()
                        && answer(() -> route.get().direct().get().answer(body), method, path, response, callback)) {
                    return true;
                }
                fields = new RestRequest(method, tree(body));
            }
        } catch (RestException e) {
            PlainAnswers.closeIfBodyUnread(request, response);
            JsonAnswers.send(response, callback, ErrorAnswer.of(e));
            return true;
        }
        answer(() -> Optional.of(route.get().endpoint().answer(fields)), method, path, response, callback);
        return true;
    }

    /** @return whether it answered: the call gave a message or failed */
    private static boolean answer(Supplier<Optional<ObjectNode>> call, String method, String path, Response response,
            Callback callback) {
        Optional<ObjectNode> answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            ErrorAnswer error = ErrorAnswer.of(e);
            if (error.code() == ErrorCode.INTERNAL_ERROR) {
                LOG.warn("{} {} failed", method, path, e);
            } else {
                LOG.debug("{} {} refused: {}", method, path, error.message());
            }
            JsonAnswers.send(response, callback, error);
            return true;
        }
        answer.ifPresent(message -> JsonAnswers.send(response, callback, 200, message));
        return answer.isPresent();
    }

    private static ObjectNode query(Request request) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Fields query = Request.extractQueryParameters(request);
        for (Fields.Field field : query) {
            List<String> values = field.getValues();
            if (values.size() == 1) {
                node.put(field.getName(), values.get(0));
            } else {
                values.forEach(node.withArray(field.getName())::add);
            }
        }
        return node;
    }

    /**
     * A POST must say {@code application/json}; a PATCH or DELETE may leave the type out, as MLflow's server allows
     * (browsers ask before sending either across sites, so no web page can forge one).
     */
    private byte[] body(Request request, String method) throws IOException {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        boolean typeOptional = type == null && !method.equals("POST");
        if (!typeOptional && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Bad Request. Content-Type must be "
                    + "'application/json', found " + (type == null ? "none" : "'" + type + "'") + ".");
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw RestException.tooLarge("The request body", maxBodyBytes, "send fewer values per call.");
            }
            return bytes;
        }
    }

    private static ObjectNode tree(byte[] bytes) {
        if (bytes.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
            if (node.isTextual()) { // older clients double-encode the body as a JSON string, as MLflow accepts
                node = JSON.readTree(node.asText());
            }
        } catch (IOException e) {
            throw new RestException(ErrorCode.BAD_REQUEST, "The request body is not JSON: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new RestException(ErrorCode.BAD_REQUEST, "The request body must be a JSON object, found "
                    + node.getNodeType() + ".");
        }
        return object;
    }
}

package org.mlops4j.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Calls MLflow's REST API of a running server with the JDK's HTTP client, as MLflow's clients do. */
final class RestHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: its status, its content type and its body as JSON (or the text, as a JSON string). */
    record Answer(int status, String contentType, JsonNode body) {
        String errorCode() {
            return body.path("error_code").asText();
        }
    }

    private final URI base;
    private final Optional<String> authorization;

    RestHttp(URI base) {
        this(base, Optional.empty());
    }

    RestHttp(URI base, Optional<String> token) {
        this.base = base;
        this.authorization = token.map(t -> "Bearer " + t);
    }

    private RestHttp(Optional<String> authorization, URI base) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A client that sends HTTP basic credentials, as MLflow's clients send MLFLOW_TRACKING_USERNAME/PASSWORD. */
    static RestHttp basic(URI base, String user, String password) {
        return new RestHttp(Optional.of("Basic " + java.util.Base64.getEncoder().encodeToString((user + ":"
                + password).getBytes(StandardCharsets.UTF_8))), base);
    }

    /** POSTs a JSON body built from pairs of names and values to {@code /api/2.0/mlflow/<call>}. */
    Answer post(String call, Object body) {
        return send("POST", call, body);
    }

    Answer send(String method, String call, Object body) {
        try {
            return send(request(call).method(method, HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(body))).header("Content-Type", "application/json").build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GETs {@code /api/2.0/mlflow/<call>?query}. */
    Answer get(String call, Map<String, String> query) {
        String text = query.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(call + (text.isEmpty() ? "" : "?" + text)).GET().build());
    }

    HttpRequest.Builder request(String call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve("/api/2.0/mlflow/" + call))
                .timeout(Duration.ofSeconds(10));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = type.startsWith("application/json") ? JSON.readTree(response.body())
                    : JSON.getNodeFactory().textNode(response.body());
            return new Answer(response.statusCode(), type, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

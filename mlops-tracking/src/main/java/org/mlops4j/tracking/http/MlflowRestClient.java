package org.mlops4j.tracking.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlops4j.core.spi.support.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the calls of MLflow's REST API 2.0 to one server with the JDK's HTTP client (HTTP/1.1, kept-alive
 * connections), as MLflow's own clients send them: a GET's fields in the query string, any other method's as a JSON
 * body; the {@code Authorization} header of {@link HttpSettings}; artifacts through {@code mlflow-artifacts}.
 *
 * <p>Transient failures are retried with exponential back-off ({@link HttpSettings#backoff(int)}, or the server's
 * {@code Retry-After}): a call that could not be delivered (connection refused, connect time-out) and a 429 or 503
 * (the server says it did not handle it) whatever the call; a reset connection, a time-out waiting for the answer and a
 * 502 or 504 (a gateway may have lost the answer of a call carried out) only for calls that are
 * {@link MlflowCall#idempotent() idempotent}. When the server stays unreachable the error is one line naming it and
 * saying how to fix it. Thread-safe.
 */
final class MlflowRestClient {

    private static final Logger LOG = LoggerFactory.getLogger(MlflowRestClient.class);
    private static final String API = "api/2.0/mlflow/";
    private static final String ARTIFACTS = "api/2.0/mlflow-artifacts/artifacts/";
    /** Answers that may come after the call was carried out (a gateway lost the answer): idempotent calls only. */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(502, 504);
    /** Answers that say the call was not handled (too many requests, server busy or stopping): any call. */
    private static final Set<Integer> UNHANDLED_STATUSES = Set.of(429, 503);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpSettings settings;
    private final ErrorMapping errors;
    private final HttpClient http;

    /**
     * @param settings the server and how to call it
     * @param errors   the exceptions of the store or registry this client serves
     */
    MlflowRestClient(HttpSettings settings, ErrorMapping errors) {
        this.settings = settings;
        this.errors = errors;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout().compareTo(CONNECT_TIMEOUT) < 0 ? settings.timeout()
                        : CONNECT_TIMEOUT).build();
        if (settings.authorization().isPresent() && settings.server().getScheme().equalsIgnoreCase("http")
                && !isLoopback(settings.server().getHost())) {
            LOG.warn("Credentials for {} are sent over plain HTTP, readable on the network; use https:// beyond "
                    + "this machine", settings.server());
        }
    }

    /** @return the server's address as configured */
    URI server() {
        return settings.server();
    }

    /**
     * @param call   the call
     * @param fields the request message
     * @return the response message
     * @throws RuntimeException the mapped exception when the server refuses the call or cannot be reached
     */
    JsonNode call(MlflowCall call, ObjectNode fields) {
        Answer answer = send(call.path(), request(call, fields), call.idempotent());
        if (answer.status() != 200) {
            throw errors.of(ServerError.parse(answer.status(), answer.text()), settings.server());
        }
        return json(call.path(), answer.text());
    }

    /**
     * @param call   a call that reads one experiment, run, model or version
     * @param fields the request message
     * @return the response message; empty when the server says the thing does not exist
     */
    Optional<JsonNode> find(MlflowCall call, ObjectNode fields) {
        Answer answer = send(call.path(), request(call, fields), call.idempotent());
        if (answer.status() != 200) {
            ServerError error = ServerError.parse(answer.status(), answer.text());
            if (error.notFound()) {
                return Optional.empty();
            }
            throw errors.of(error, settings.server());
        }
        return Optional.of(json(call.path(), answer.text()));
    }

    /**
     * Stores a file through {@code PUT /api/2.0/mlflow-artifacts/artifacts/<path>}; sending it again replaces it with
     * the same bytes, so the upload is retried as an idempotent call.
     *
     * @param path    the path under the server's artifact root
     * @param content the file's bytes
     */
    void upload(String path, byte[] content) {
        HttpRequest.Builder request = builder(artifactUri(path)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        Answer answer = send("mlflow-artifacts PUT " + path, request, true);
        if (answer.status() != 200) {
            throw errors.of(ServerError.parse(answer.status(), answer.text()), settings.server());
        }
    }

    /**
     * @param path the path under the server's artifact root
     * @return the file's bytes
     */
    byte[] download(String path) {
        Answer answer = send("mlflow-artifacts GET " + path, builder(artifactUri(path)).GET(), true);
        if (answer.status() != 200) {
            throw errors.of(ServerError.parse(answer.status(), answer.text()), settings.server());
        }
        return answer.body();
    }

    private HttpRequest.Builder request(MlflowCall call, ObjectNode fields) {
        if (call.method().equals("GET")) {
            return builder(settings.apiBase().resolve(API + call.path() + query(fields))).GET();
        }
        return builder(settings.apiBase().resolve(API + call.path())).header("Content-Type", "application/json")
                .method(call.method(), HttpRequest.BodyPublishers.ofString(Json.write(fields)));
    }

    private HttpRequest.Builder builder(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("User-Agent", "mlops4j-java-client");
        settings.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private URI artifactUri(String path) {
        String encoded = List.of(path.split("/")).stream().map(MlflowRestClient::encode)
                .collect(Collectors.joining("/"));
        return settings.apiBase().resolve(ARTIFACTS + encoded);
    }

    private Answer send(String what, HttpRequest.Builder builder, boolean idempotent) {
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= settings.maxRetries();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                boolean retryable = UNHANDLED_STATUSES.contains(status)
                        || (idempotent && TRANSIENT_STATUSES.contains(status));
                if (!retryable || last) {
                    return new Answer(status, response.body());
                }
                pause(what, "HTTP " + status, attempt, retryAfter(response).orElse(settings.backoff(attempt)));
            } catch (ConnectException | HttpConnectTimeoutException notDelivered) {
                if (last) {
                    throw errors.failed(unreachable(describe(notDelivered), attempt + 1, start), notDelivered);
                }
                pause(what, describe(notDelivered), attempt, settings.backoff(attempt));
            } catch (IOException lost) {
                if (!idempotent) {
                    throw errors.failed("The tracking server at " + settings.server() + " did not answer " + what
                            + " (" + describe(lost) + "); the call was not sent again, as a second delivery could "
                            + "store it twice: check the server's log, then whether it arrived.", lost);
                }
                if (last) {
                    throw errors.failed(unreachable(describe(lost), attempt + 1, start), lost);
                }
                pause(what, describe(lost), attempt, settings.backoff(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw errors.failed("Interrupted while calling " + what + " on " + settings.server() + ".", e);
            }
        }
    }

    private void pause(String what, String reason, int attempt, Duration wait) {
        LOG.warn("Tracking server {} did not take {} ({}); attempt {} of {} in {} ms", settings.server(), what,
                reason, attempt + 2, settings.maxRetries() + 1, wait.toMillis());
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.failed("Interrupted while waiting to call " + what + " on " + settings.server() + " again.",
                    e);
        }
    }

    private String unreachable(String reason, int attempts, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format(java.util.Locale.ROOT, "Cannot reach the tracking server at %s: %s (%d attempt%s over "
                + "%.1f s). Start it (mlops server --port %d) or point mlops.tracking.uri at a running server.",
                settings.server(), reason, attempts, attempts == 1 ? "" : "s", seconds, port());
    }

    private int port() {
        int port = settings.server().getPort();
        return port > 0 ? port : settings.server().getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.trim().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
                .map(d -> d.compareTo(HttpSettings.MAX_BACKOFF) > 0 ? HttpSettings.MAX_BACKOFF : d);
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1");
    }

    private static String describe(IOException e) {
        if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof UnknownHostException) {
            return "the host name does not resolve";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private JsonNode json(String what, String text) {
        if (text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return Json.readTree(text);
        } catch (JsonProcessingException e) {
            throw errors.failed("The tracking server at " + settings.server() + " answered " + what + " with "
                    + "something that is not JSON (" + e.getOriginalMessage() + "); is " + settings.server()
                    + " an MLflow tracking server?", e);
        }
    }

    private static String query(ObjectNode fields) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) fields::fields) {
            if (field.getValue().isArray()) {
                field.getValue().forEach(value -> pairs.add(encode(field.getKey()) + "=" + encode(value.asText())));
            } else if (!field.getValue().isNull()) {
                pairs.add(encode(field.getKey()) + "=" + encode(field.getValue().asText()));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A status and the body's bytes. */
    private record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}

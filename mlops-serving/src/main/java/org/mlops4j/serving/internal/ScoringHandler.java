package org.mlops4j.serving.internal;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mlops4j.core.DataException;
import org.mlops4j.server.http.ClientFaultHandler;
import org.mlops4j.server.http.PlainAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers MLflow's scoring protocol with the model version being served: {@code GET /ping} and {@code /health} (200
 * while a model is loaded), {@code GET /version} (the model's name and version as JSON), {@code POST /invocations}
 * ({@code application/json} in the four formats of {@link JsonScoringInput}, or {@code text/csv}; UTF-8 only),
 * {@code GET /metrics} (Prometheus' text, see {@link ServingMetrics}). Every
 * answer names the version in {@value #MODEL_HEADER} and {@value #VERSION_HEADER}; the version
 * is taken once per request, so that a swap never mixes two versions in one answer.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class ScoringHandler extends Handler.Abstract {

    /** The header that names the registered model an answer comes from. */
    public static final String MODEL_HEADER = "X-Mlops-Model";
    /** The header that names the model version an answer comes from. */
    public static final String VERSION_HEADER = "X-Mlops-Model-Version";
    /** The JSON content type. */
    public static final String JSON = "application/json";
    /** The CSV content type. */
    public static final String CSV = "text/csv";

    private static final Logger LOG = LoggerFactory.getLogger(ScoringHandler.class);
    private static final List<String> CONTENT_TYPES = List.of(JSON, CSV);

    private final Supplier<ServedModel> serving;
    private final ScoringObserver observer;
    private final ServingMetrics metrics;
    private final Supplier<Optional<FailedLoad>> failures;

    /**
     * @param serving  the model version to answer with, asked once per request
     * @param metrics  counts every request, and answers {@code GET /metrics}
     * @param observer told of every request's outcome too (the serving log)
     * @param failures the last version that could not be swapped in, for {@code /version}
     */
    public ScoringHandler(Supplier<ServedModel> serving, ServingMetrics metrics, ScoringObserver observer,
            Supplier<Optional<FailedLoad>> failures) {
        this.serving = Objects.requireNonNull(serving, "serving");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.observer = ScoringObserver.all(List.of(metrics, Objects.requireNonNull(observer, "observer")));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        ServedModel model = serving.get();
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        name(response.getHeaders(), model.version());
        switch (path) {
            case "/ping", "/health" -> {
                if (allow(response, callback, method, "GET")) {
                    send(response, callback, 200, JSON, "\n".getBytes(StandardCharsets.UTF_8), method);
                }
            }
            case "/version" -> {
                if (allow(response, callback, method, "GET")) {
                    send(response, callback, 200, JSON, VersionAnswer.json(model.version(), failures.get()), method);
                }
            }
            case "/invocations" -> {
                if (allow(response, callback, method, "POST")) {
                    score(model, request, response, callback);
                }
            }
            case "/metrics" -> {
                if (allow(response, callback, method, "GET")) {
                    byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                    send(response, callback, 200, ServingMetrics.CONTENT_TYPE, text, method);
                }
            }
            default -> PlainAnswers.write(response, callback, 404, "This server answers POST /invocations, GET "
                    + "/ping, /health, /version and /metrics.");
        }
        return true;
    }

    /** Scores with the version serving, held for the request so that a swap does not close it meanwhile. */
    private void score(ServedModel seen, Request request, Response response, Callback callback) throws Exception {
        ServedModel model = seen;
        while (!model.enter()) {
            ServedModel now = serving.get();
            if (now == model) {
                PlainAnswers.closeIfBodyUnread(request, response);
                PlainAnswers.write(response, callback, 503, "The server is stopping.");
                return;
            }
            model = now;
        }
        try {
            name(response.getHeaders(), model.version());
            invocations(model, request, response, callback);
        } finally {
            model.exit();
        }
    }

    private void invocations(ServedModel model, Request request, Response response, Callback callback)
            throws Exception {
        long start = System.nanoTime();
        try {
            ScoredRequest scored = ScoredRequest.score(model, read(model, request));
            send(response, callback, 200, JSON, ScoringAnswer.json(model.version(), scored), "POST");
            observer.scored(model, scored, System.nanoTime() - start);
        } catch (BadScoringRequest e) {
            observer.rejected(e.status() == 415 ? "unsupported_media_type" : "bad_request", System.nanoTime() - start);
            if (e.status() == 415) {
                PlainAnswers.write(response, callback, 415, e.getMessage());
            } else {
                send(response, callback, 400, JSON, ScoringAnswer.error(BadScoringRequest.BAD_REQUEST,
                        e.getMessage()), "POST");
            }
        } catch (DataException e) {
            observer.rejected("bad_request", System.nanoTime() - start);
            send(response, callback, 400, JSON, ScoringAnswer.error(BadScoringRequest.BAD_REQUEST, e.getMessage()),
                    "POST");
        } catch (RuntimeException e) {
            if (ClientFaultHandler.clientFaultStatus(e) > 0) {
                observer.rejected("client_fault", System.nanoTime() - start);
                throw e;
            }
            observer.rejected("internal_error", System.nanoTime() - start);
            LOG.warn("Scoring a request with {} version {} failed", model.version().name(),
                    model.version().version(), e);
            send(response, callback, 500, JSON, ScoringAnswer.error("INTERNAL_ERROR", "The model could not score "
                    + "this request: " + e + ". This is a bug of the server; its log has the details."), "POST");
        }
    }

    private static RequestTable read(ServedModel model, Request request) throws Exception {
        String mediaType = mediaType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (mediaType.equals(CSV)) {
            return CsvScoringInput.read(new StringReader(Content.Source.asString(request, StandardCharsets.UTF_8)),
                    "the request body");
        }
        try (InputStream body = Content.Source.asInputStream(request)) {
            return JsonScoringInput.read(body, model.inputColumns());
        }
    }

    /**
     * @param contentType the request's Content-Type header, or {@code null}
     * @return {@value #JSON} or {@value #CSV}
     * @throws BadScoringRequest (415) for any other type, a charset other than UTF-8, or another parameter
     */
    static String mediaType(String contentType) {
        if (contentType == null) {
            throw BadScoringRequest.unsupportedMediaType("A scoring request needs a Content-Type: one of "
                    + CONTENT_TYPES + ".");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.contains(mediaType)) {
            throw BadScoringRequest.unsupportedMediaType("This server reads the content types " + CONTENT_TYPES
                    + "; got '" + contentType + "'.");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            String name = pair[0].trim().toLowerCase(Locale.ROOT);
            String value = pair.length < 2 ? "" : pair[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!name.equals("charset")) {
                throw BadScoringRequest.unsupportedMediaType("Unrecognized content type parameter '" + name
                        + "'; only charset=utf-8 is read.");
            }
            if (!value.equals("utf-8") && !value.equals("utf8")) {
                throw BadScoringRequest.unsupportedMediaType("This server reads UTF-8 only; got charset '" + value
                        + "'.");
            }
        }
        return mediaType;
    }

    private static boolean allow(Response response, Callback callback, String method, String allowed) {
        if (method.equals(allowed) || (allowed.equals("GET") && method.equals("HEAD"))) {
            return true;
        }
        response.getHeaders().put(HttpHeader.ALLOW, allowed.equals("GET") ? "GET, HEAD" : allowed);
        PlainAnswers.write(response, callback, 405, "Use " + allowed + " here.");
        return false;
    }

    private static void name(HttpFields.Mutable headers, LoadedVersion version) {
        headers.put(MODEL_HEADER, version.name());
        headers.put(VERSION_HEADER, Integer.toString(version.version()));
    }

    /**
     * Sends a whole answer with the server's security headers.
     *
     * @param response    the response
     * @param callback    completed when it is sent
     * @param status      the HTTP status
     * @param contentType the body's type (JSON gets {@code charset=utf-8})
     * @param body        the body
     * @param method      the request's method: a HEAD answer has no body
     */
    static void send(Response response, Callback callback, int status, String contentType, byte[] body,
            String method) {
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        PlainAnswers.secure(headers);
        headers.put(HttpHeader.CONTENT_TYPE, contentType.contains("charset") ? contentType
                : contentType + "; charset=utf-8");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, method.equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }
}

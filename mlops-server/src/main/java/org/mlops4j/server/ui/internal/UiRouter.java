package org.mlops4j.server.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request of the UI: only {@code GET} and {@code HEAD} (anything else gets 405), with security headers on
 * every response: a Content-Security-Policy that allows no script at all, {@code X-Content-Type-Options: nosniff}, no
 * framing of pages by other sites, no referrer. The server in front of it ({@link UiHandler} on
 * {@code MlopsHttpServer}) has already checked the {@code Host}, the token and the limits.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe: it
 * holds no state of its own.
 */
public final class UiRouter {

    /** The policy of every page: nothing but the UI's own stylesheet and same-origin frames of artifacts. */
    public static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(UiRouter.class);
    private static final byte[] STYLESHEET = loadStylesheet();

    private final UiContext context;

    /**
     * @param context what the pages read from
     */
    public UiRouter(UiContext context) {
        this.context = context;
    }

    /**
     * @param method   the request method
     * @param rawPath  the request path, still percent-encoded
     * @param rawQuery the query, still percent-encoded; {@code null} for none
     * @return the answer, with its security headers
     */
    public UiResponse answer(String method, String rawPath, String rawQuery) {
        String upper = method.toUpperCase(Locale.ROOT);
        UiResponse response;
        if (!upper.equals("GET") && !upper.equals("HEAD")) {
            response = errorPage(405, "The tracking UI is read-only: it answers GET and HEAD, not " + upper + ".")
                    .withHeader("Allow", "GET, HEAD");
        } else {
            response = route(rawPath, rawQuery);
        }
        return secured(response);
    }

    private UiResponse route(String rawPath, String rawQuery) {
        try {
            UiRequest request = UiRequest.parse(rawPath, rawQuery);
            List<String> s = request.segments();
            if (s.isEmpty()) {
                return ExperimentsPage.render(context, request);
            }
            return switch (s.get(0)) {
                case "experiments" -> s.size() == 2 ? RunsTablePage.render(context, request, s.get(1)) : notFound();
                case "runs" -> s.size() == 2 ? RunDetailPage.render(context, s.get(1)) : notFound();
                case "compare" -> s.size() == 1 ? ComparePage.render(context, request) : notFound();
                case "models" -> switch (s.size()) {
                    case 1 -> ModelPages.list(context);
                    case 2 -> ModelPages.model(context, s.get(1));
                    case 4 -> s.get(2).equals("versions") ? ModelPages.version(context, s.get(1), s.get(3))
                            : notFound();
                    default -> notFound();
                };
                case "monitoring" -> switch (s.size()) {
                    case 1 -> MonitoringPages.list(context);
                    case 2 -> MonitoringPages.model(context, s.get(1));
                    default -> notFound();
                };
                case "artifacts" -> ArtifactEndpoint.serve(context, request);
                case "health" -> s.size() == 1 ? UiResponse.bytes(200, "application/json",
                        "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) : notFound();
                case "static" -> s.size() == 2 && s.get(1).equals("ui.css")
                        ? UiResponse.bytes(200, "text/css; charset=utf-8", STYLESHEET)
                                .withHeader("Cache-Control", "max-age=3600") : notFound();
                default -> notFound();
            };
        } catch (HttpProblem e) {
            return errorPage(e.status(), e.getMessage());
        } catch (TrackingNotFoundException | ModelNotFoundException e) {
            return errorPage(404, e.getMessage());
        } catch (InvalidTrackingInputException | InvalidRegistryValueException e) {
            return errorPage(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("The tracking UI failed to answer {}", rawPath, e);
            return errorPage(500, "The page could not be made: " + e.getMessage());
        }
    }

    private static UiResponse notFound() {
        throw HttpProblem.notFound("There is no such page. Start from the experiments list.");
    }

    private static UiResponse errorPage(int status, String message) {
        Html html = new Html();
        html.element("h1", status == 404 ? "Not found" : status == 400 ? "Bad request" : "Error " + status);
        html.element("div", message, "class", "error", "id", "error-message");
        html.open("p").element("a", "Back to the experiments", "href", "/").close("p");
        return UiResponse.html(status, PageLayout.page("Error " + status, PageLayout.Section.NONE, html));
    }

    /** Adds the security headers; an artifact brings its own Content-Security-Policy (a sandbox). */
    private static UiResponse secured(UiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cache-Control", "no-store");
        if (!response.headers().containsKey("Content-Security-Policy")) {
            headers.put("Content-Security-Policy", PAGE_POLICY);
            headers.put("X-Frame-Options", "DENY");
        }
        headers.putAll(response.headers());
        return new UiResponse(response.status(), headers, response.length(), response.body());
    }

    private static byte[] loadStylesheet() {
        try (InputStream in = UiRouter.class.getResourceAsStream("/org/mlops4j/server/ui/ui.css")) {
            if (in == null) {
                throw new IllegalStateException("The UI stylesheet org/mlops4j/server/ui/ui.css is missing from the "
                        + "class path; the mlops-server jar is incomplete.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the UI stylesheet", e);
        }
    }
}

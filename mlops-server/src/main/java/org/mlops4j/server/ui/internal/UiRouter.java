package org.mlops4j.server.ui.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request of the UI: only {@code GET} and {@code HEAD} (anything else gets 405), only for an allowed
 * {@code Host} (so a page elsewhere cannot reach a local UI through DNS rebinding), with security headers on every
 * response: a Content-Security-Policy that allows no script at all, {@code X-Content-Type-Options: nosniff}, no
 * framing of pages by other sites, no referrer.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe: it
 * holds no state of its own.
 */
public final class UiRouter implements HttpHandler {

    /** The policy of every page: nothing but the UI's own stylesheet and same-origin frames of artifacts. */
    public static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(UiRouter.class);
    private static final byte[] STYLESHEET = loadStylesheet();

    private final UiContext context;
    private final Set<String> allowedHosts;

    /**
     * @param context      what the pages read from
     * @param allowedHosts the host names (without port, lower case) that requests may name in their Host header;
     *                     empty to allow any
     */
    public UiRouter(UiContext context, Set<String> allowedHosts) {
        this.context = context;
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            UiResponse response;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                response = errorPage(405, "The tracking UI is read-only: it answers GET and HEAD, not " + method + ".")
                        .withHeader("Allow", "GET, HEAD");
            } else if (!hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
                response = errorPage(403, "This UI does not answer requests for the host named in this request. "
                        + "Open it by the address it printed when it started.");
            } else {
                response = route(exchange);
            }
            send(exchange, method, response);
        } finally {
            exchange.close();
        }
    }

    private UiResponse route(HttpExchange exchange) {
        try {
            UiRequest request = UiRequest.parse(exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery());
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
            LOG.warn("The tracking UI failed to answer {}", exchange.getRequestURI(), e);
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

    private boolean hostAllowed(String host) {
        if (allowedHosts.isEmpty()) {
            return true;
        }
        if (host == null) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end < 0 ? name : name.substring(0, end + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return allowedHosts.contains(name);
    }

    private static void send(HttpExchange exchange, String method, UiResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        boolean artifact = response.headers().containsKey("Content-Security-Policy");
        if (!artifact) {
            headers.set("Content-Security-Policy", PAGE_POLICY);
            headers.set("X-Frame-Options", "DENY");
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(response.status(), -1);
            response.body().writeTo(OutputStream.nullOutputStream());
            return;
        }
        long length = response.length();
        exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length < 0 ? 0 : length);
        try (OutputStream out = exchange.getResponseBody()) {
            response.body().writeTo(out);
        } catch (IOException e) {
            LOG.debug("The client of {} went away: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private static byte[] loadStylesheet() {
        try (InputStream in = UiRouter.class.getResourceAsStream("/org/mlops4j/server/ui/ui.css")) {
            if (in == null) {
                throw new IllegalStateException("The UI stylesheet org/mlops4j/server/ui/ui.css is missing from the "
                        + "class path; the mlops-tracking jar is incomplete.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the UI stylesheet", e);
        }
    }
}

package org.mlops4j.server.ui.internal;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mlops4j.core.PrintableValue;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.TrackingInputChecks;
import org.mlops4j.core.tracking.TrackingNotFoundException;

/**
 * {@code /artifacts/{runId}/{path}}: serves one artifact file of a run through the tracking API, never from the file
 * system directly. The path is checked before the store sees it: after one round of percent-decoding it must be a
 * clean relative path (no {@code ..} or {@code .} segment, no empty segment, not absolute, no drive letter, no
 * backslash, no NUL or other control character); otherwise the answer is 400. The store checks it again.
 *
 * <p>HTML and SVG are served with {@code Content-Security-Policy: sandbox} (no scripts, an opaque origin), so a report
 * can be framed by the run page but cannot act in the UI's name; text is served as {@code text/plain}; everything else,
 * and anything with {@code ?download=1}, as an attachment.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ArtifactEndpoint {

    private static final String PREFIX = "/artifacts/";
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][\\w-]{0,255}");
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

    private ArtifactEndpoint() {
    }

    /**
     * @param path an artifact path
     * @return whether it is shown as an HTML page
     */
    public static boolean isHtml(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    /**
     * @param context what the UI reads from
     * @param request the request, whose raw path starts with {@code /artifacts/}
     * @return the artifact
     * @throws HttpProblem 400 for a path that is not a clean relative path, 404 for a missing run or file
     */
    public static UiResponse serve(UiContext context, UiRequest request) {
        String raw = request.rawPath().substring(PREFIX.length());
        int slash = raw.indexOf('/');
        if (slash <= 0 || slash == raw.length() - 1) {
            throw HttpProblem.badRequest("Expected /artifacts/<run id>/<path of the file>, found '"
                    + request.rawPath() + "'.");
        }
        String runId = decode(raw.substring(0, slash));
        if (!RUN_ID.matcher(runId).matches()) {
            throw HttpProblem.badRequest("'" + runId + "' is not a run id.");
        }
        String path = checkedPath(decode(raw.substring(slash + 1)));
        context.tracking().getRun(runId).orElseThrow(() -> HttpProblem.notFound("There is no run with id '" + runId
                + "'."));
        if (!context.tracking().listArtifacts(runId, path).isEmpty()) {
            throw HttpProblem.notFound("'" + path + "' is a folder of run " + runId + ", not a file; its files are "
                    + "listed on the run's page.");
        }
        InputStream in;
        try {
            in = context.tracking().openArtifact(runId, path);
        } catch (TrackingNotFoundException e) {
            throw HttpProblem.notFound("Run " + runId + " has no artifact '" + path + "'.");
        }
        boolean download = request.parameter("download").isPresent();
        String type = contentType(path);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        headers.put("Content-Security-Policy", "sandbox");
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        boolean inline = !download && !type.startsWith("application/octet-stream");
        headers.put("Content-Disposition", (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                + UiLinks.segment(fileName));
        return new UiResponse(200, headers, -1, out -> {
            try (in) {
                in.transferTo(out);
            }
        });
    }

    /**
     * Checks a decoded artifact path the way the UI accepts it.
     *
     * @param path a decoded path
     * @return the path
     * @throws HttpProblem 400 when it is not a clean relative path inside the run's artifacts
     */
    static String checkedPath(String path) {
        String problem = null;
        if (path.isEmpty()) {
            problem = "it is empty";
        } else if (path.startsWith("/")) {
            problem = "it is absolute";
        } else if (DRIVE_LETTER.matcher(path).matches()) {
            problem = "it starts with a drive letter";
        } else if (path.indexOf('\\') >= 0) {
            problem = "it contains a backslash";
        } else if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problem = "it contains a NUL or another control character";
        } else {
            for (String segment : path.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    problem = "it has an empty, '.' or '..' segment";
                    break;
                }
            }
        }
        if (problem != null) {
            throw HttpProblem.badRequest("Refused artifact path '" + printable(path) + "': " + problem
                    + ". Artifact paths are relative to the run's artifact folder and cannot leave it.");
        }
        try {
            return TrackingInputChecks.checkArtifactPath(path, false);
        } catch (InvalidTrackingInputException e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("The artifact path '" + raw + "' has a malformed %-escape.");
        }
    }

    private static String printable(String text) {
        return PrintableValue.of(text);
    }

    /**
     * @param path an artifact's path
     * @return the content type it is served with, by its extension ({@code application/octet-stream} when unknown)
     */
    public static String contentType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String extension = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (extension) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "json", "txt", "csv", "tsv", "log", "yaml", "yml", "md", "properties", "jsonl", "xml" ->
                    "text/plain; charset=utf-8";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            default -> "application/octet-stream";
        };
    }
}

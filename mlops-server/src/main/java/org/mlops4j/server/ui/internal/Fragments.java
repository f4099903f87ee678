package org.mlops4j.server.ui.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.spi.support.Json;
import org.mlops4j.core.spi.support.html.Html;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingException;

/**
 * Pieces that several pages draw the same way: breadcrumbs, key/value tables, status and stage badges, JSON artifacts
 * shown pretty-printed (as trees: an artifact's JSON has whatever shape its run gave it).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class Fragments {

    /** The most bytes of a text artifact shown inside a page. */
    public static final int MAX_SHOWN_BYTES = 64 * 1024;

    private Fragments() {
    }

    /**
     * Writes a breadcrumb line: alternating labels and links; the last label has no link.
     *
     * @param html          where to write
     * @param labelsAndLinks label, link, label, link, ...
     */
    public static void crumbs(Html html, String... labelsAndLinks) {
        html.open("div", "class", "crumbs");
        for (int i = 0; i + 1 < labelsAndLinks.length; i += 2) {
            html.element("a", labelsAndLinks[i], "href", labelsAndLinks[i + 1]);
            html.text(" / ");
        }
        html.close("div");
    }

    /**
     * Writes a two-column table of names and values.
     *
     * @param html where to write
     * @param rows names to values, in order
     */
    public static void keyValues(Html html, Map<String, String> rows) {
        html.open("table", "class", "kv");
        for (Map.Entry<String, String> row : rows.entrySet()) {
            html.open("tr").element("th", row.getKey()).element("td", row.getValue()).close("tr");
        }
        html.close("table");
    }

    /**
     * @param html   where to write
     * @param status a run status
     */
    public static void status(Html html, RunStatus status) {
        html.element("span", status.name(), "class", "status-" + status.name());
    }

    /**
     * @param html  where to write
     * @param stage a model stage
     */
    public static void stage(Html html, ModelStage stage) {
        html.element("span", stage.displayName(), "class", "stage stage-" + stage.displayName());
    }

    /**
     * @param html   where to write
     * @param action a monitoring action such as {@code RETRAIN}
     */
    public static void action(Html html, String action) {
        String upper = action.toUpperCase(Locale.ROOT);
        html.element("span", upper, "class", "action-" + (upper.matches("[A-Z_]+") ? upper : "OTHER"));
    }

    /**
     * Reads the start of a text artifact.
     *
     * @param tracking the tracking client
     * @param runId    a run id
     * @param path     the artifact's path
     * @return its text (at most {@link #MAX_SHOWN_BYTES} bytes), if the artifact exists
     */
    public static Optional<String> readText(TrackingClient tracking, String runId, String path) {
        try (InputStream in = tracking.openArtifact(runId, path)) {
            byte[] bytes = in.readNBytes(MAX_SHOWN_BYTES);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (TrackingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read artifact " + path + " of run " + runId, e);
        }
    }

    /**
     * @param text some text
     * @return the text parsed as JSON, if it is JSON
     */
    public static Optional<JsonNode> parseJson(String text) {
        try {
            return Optional.of(Json.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param text some text
     * @return the text pretty-printed when it is JSON, else unchanged
     */
    public static String prettyJson(String text) {
        return parseJson(text).map(Json::writePretty).orElse(text);
    }

    /**
     * Writes text in a scrolling block.
     *
     * @param html where to write
     * @param text the text (escaped)
     */
    public static void block(Html html, String text) {
        html.element("pre", text, "class", "block");
    }

    /**
     * @param html    where to write
     * @param message an explanation shown in muted text
     */
    public static void note(Html html, String message) {
        html.element("p", message, "class", "note");
    }
}

package org.mlops4j.server.ui.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The UI's own URLs, with every path segment and query value percent-encoded, so a name from a store can never change
 * the shape of a link. Every link starts with {@code /}: no scheme, no host.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class UiLinks {

    private UiLinks() {
    }

    /**
     * @param experimentId an experiment id
     * @return the link to its runs table
     */
    public static String experiment(String experimentId) {
        return "/experiments/" + segment(experimentId);
    }

    /**
     * @param runId a run id
     * @return the link to the run's page
     */
    public static String run(String runId) {
        return "/runs/" + segment(runId);
    }

    /**
     * @param runId a run id
     * @param path  an artifact path with {@code /} separators
     * @return the link that serves the artifact
     */
    public static String artifact(String runId, String path) {
        StringJoiner joined = new StringJoiner("/");
        for (String part : path.split("/", -1)) {
            joined.add(segment(part));
        }
        return "/artifacts/" + segment(runId) + "/" + joined;
    }

    /**
     * @param name a registered model's name
     * @return the link to its page
     */
    public static String model(String name) {
        return "/models/" + segment(name);
    }

    /**
     * @param name    a registered model's name
     * @param version a version number
     * @return the link to the version's page
     */
    public static String modelVersion(String name, int version) {
        return model(name) + "/versions/" + version;
    }

    /**
     * @param modelName a monitored model's name
     * @return the link to its monitoring page
     */
    public static String monitoring(String modelName) {
        return "/monitoring/" + segment(modelName);
    }

    /**
     * @param path       a path of the UI, such as {@code /compare}
     * @param parameters query parameters in order; {@code null} and empty values are left out
     * @return the path with its query
     */
    public static String withQuery(String path, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null && !parameter.getValue().isEmpty()) {
                query.add(queryValue(parameter.getKey()) + "=" + queryValue(parameter.getValue()));
            }
        }
        return query.length() == 0 ? path : path + "?" + query;
    }

    /**
     * @param pairs query parameter names and values, alternating
     * @return the pairs as an ordered map, for {@link #withQuery(String, Map)}
     */
    public static Map<String, String> query(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /**
     * @param text one path segment
     * @return the segment percent-encoded (a space as {@code %20}, {@code /} as {@code %2F})
     */
    public static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryValue(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

package org.mlops4j.server.ui.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GET request as the pages see it: the raw path split into decoded segments, and the query parameters.
 *
 * <p>Segments are split on {@code /} before decoding, so an encoded slash ({@code %2F}) stays inside its segment; that
 * is what lets a model name hold any character. Query values are decoded once ({@code +} is a space).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param rawPath    the path as received, still percent-encoded
 * @param segments   the decoded path segments, without empty ones at the start and the end
 * @param parameters the query parameters; a name given several times keeps every value, in order
 */
public record UiRequest(String rawPath, List<String> segments, Map<String, List<String>> parameters) {

    /** Copies the collections. */
    public UiRequest {
        segments = List.copyOf(segments);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        parameters = Collections.unmodifiableMap(copy);
    }

    /**
     * @param rawPath  the request path, percent-encoded
     * @param rawQuery the query, percent-encoded; {@code null} for none
     * @return the parsed request
     * @throws HttpProblem (400) when an escape in the path or query is malformed
     */
    public static UiRequest parse(String rawPath, String rawQuery) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/", -1)) {
            segments.add(decodePath(part));
        }
        while (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
                parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new UiRequest(path, segments, parameters);
    }

    /**
     * @param name a query parameter
     * @return its first value, if given
     */
    public Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * @param name a query parameter
     * @return its first value, trimmed, or the empty string
     */
    public String parameterOrEmpty(String name) {
        return parameter(name).map(String::trim).orElse("");
    }

    /**
     * @param name a query parameter
     * @return every value given for it, in order
     */
    public List<String> parameters(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    /**
     * @param index a segment index
     * @return the decoded segment
     */
    public String segment(int index) {
        return segments.get(index);
    }

    private static String decodePath(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("The path segment '" + part + "' has a malformed %-escape.");
        }
    }

    private static String decodeQuery(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("The query part '" + part + "' has a malformed %-escape.");
        }
    }
}

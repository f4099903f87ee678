package org.mlops4j.core.runtime;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the scheme of a tracking or registry location, the way stores are matched to providers: {@code file:./mlruns}
 * has scheme {@code file}, {@code jdbc:sqlite:runs.db} has {@code jdbc:sqlite} (and falls back to {@code jdbc}), and a
 * bare path is a {@code file} location.
 */
final class UriSchemes {

    private UriSchemes() {
    }

    /**
     * @param location a URI or a bare file path
     * @return the location as a URI; a bare path becomes a {@code file:} URI with the path as given
     */
    public static URI toUri(String location) {
        String trimmed = location.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A tracking location must not be empty");
        }
        int colon = trimmed.indexOf(':');
        boolean hasScheme = colon > 1 && trimmed.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
        if (!hasScheme) {
            return URI.create("file:" + trimmed.replace('\\', '/').replace(" ", "%20"));
        }
        return URI.create(trimmed.replace(" ", "%20"));
    }

    /**
     * @param location a location URI
     * @return its most specific scheme: {@code jdbc:<sub-protocol>} for JDBC URIs, otherwise the URI's scheme
     */
    public static String specificScheme(URI location) {
        String scheme = Optional.ofNullable(location.getScheme()).orElse("file").toLowerCase(Locale.ROOT);
        if (scheme.equals("jdbc")) {
            String rest = location.getSchemeSpecificPart();
            int colon = rest.indexOf(':');
            if (colon > 0) {
                return "jdbc:" + rest.substring(0, colon).toLowerCase(Locale.ROOT);
            }
        }
        return scheme;
    }

    /**
     * @param location a location URI
     * @return the general scheme: {@code jdbc} for every JDBC URI, otherwise the URI's scheme
     */
    public static String generalScheme(URI location) {
        return Optional.ofNullable(location.getScheme()).orElse("file").toLowerCase(Locale.ROOT);
    }
}

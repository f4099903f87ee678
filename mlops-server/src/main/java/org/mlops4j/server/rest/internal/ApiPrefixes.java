package org.mlops4j.server.rest.internal;

import java.util.List;
import java.util.Optional;

/**
 * The path prefixes under which MLflow's clients reach one API (such as {@code /api/2.0/mlflow/} and the UI's
 * {@code /ajax-api/2.0/mlflow/}), and the call named after them.
 *
 * @param prefixes the prefixes, each ending with {@code /}
 */
record ApiPrefixes(List<String> prefixes) {

    ApiPrefixes {
        prefixes = List.copyOf(prefixes);
    }

    /**
     * @param prefixes the prefixes, each ending with {@code /}
     * @return them
     */
    static ApiPrefixes of(String... prefixes) {
        return new ApiPrefixes(List.of(prefixes));
    }

    /**
     * @param path a request's path
     * @return the call after the first prefix the path starts with, such as {@code runs/get}; empty when none
     */
    Optional<String> call(String path) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return Optional.of(path.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }
}

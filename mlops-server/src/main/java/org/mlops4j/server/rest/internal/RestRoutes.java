package org.mlops4j.server.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoints of the REST API by path (after {@code /api/2.0/mlflow/}) and the HTTP methods MLflow's server
 * accepts for each.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Filled once, then
 * read by many threads.
 */
public final class RestRoutes {

    /**
     * An endpoint and the methods it answers.
     *
     * @param methods  the methods, such as {@code GET}
     * @param endpoint the call
     * @param direct   a faster way into the call for plain bodies, where there is one
     */
    public record Route(Set<String> methods, Endpoint endpoint, Optional<DirectEndpoint> direct) {
        /** Copies the methods. */
        public Route {
            methods = Set.copyOf(methods);
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(direct, "direct");
        }
    }

    private final Map<String, Route> routes = new LinkedHashMap<>();

    /**
     * @param path     the path after {@code /api/2.0/mlflow/}, such as {@code experiments/create}
     * @param method   the method MLflow uses
     * @param endpoint the call
     * @return this table
     */
    public RestRoutes add(String path, String method, Endpoint endpoint) {
        return add(path, Set.of(method), endpoint);
    }

    /**
     * @param path     the path after {@code /api/2.0/mlflow/}
     * @param methods  the methods MLflow accepts
     * @param endpoint the call
     * @return this table
     */
    public RestRoutes add(String path, Set<String> methods, Endpoint endpoint) {
        return add(path, new Route(methods, endpoint, Optional.empty()));
    }

    /**
     * @param path     the path after {@code /api/2.0/mlflow/}
     * @param method   the method MLflow uses
     * @param endpoint the call
     * @param direct   the same call, reading plain bodies without a tree
     * @return this table
     */
    public RestRoutes add(String path, String method, Endpoint endpoint, DirectEndpoint direct) {
        return add(path, new Route(Set.of(method), endpoint, Optional.of(direct)));
    }

    private RestRoutes add(String path, Route route) {
        if (routes.putIfAbsent(path, route) != null) {
            throw new IllegalStateException("Two endpoints at " + path);
        }
        return this;
    }

    /**
     * @param path the path after {@code /api/2.0/mlflow/}
     * @return its route, when there is one
     */
    public Optional<Route> find(String path) {
        return Optional.ofNullable(routes.get(path));
    }
}

package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of MLflow's REST API: reads the request's fields, calls the store, answers the response message.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
@FunctionalInterface
public interface Endpoint {

    /**
     * @param request the request's fields
     * @return the response message
     * @throws RuntimeException a {@link RestException} or a store's exception, answered as MLflow's error
     */
    ObjectNode answer(RestRequest request);
}

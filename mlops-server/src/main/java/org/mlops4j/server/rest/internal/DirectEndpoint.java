package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A faster way into one call of MLflow's REST API: reads the raw JSON body itself, without building its tree, when
 * the body has the plain shape MLflow's clients send. Whatever it does not read (another shape, malformed JSON) is
 * left to the route's {@link Endpoint}, which answers it, errors included, as before; so both ways give the same
 * answers.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
@FunctionalInterface
public interface DirectEndpoint {

    /**
     * @param body the request's JSON body, within the server's size limit
     * @return the response message; empty when the body is left to the route's {@link Endpoint}
     * @throws RuntimeException a {@link RestException} or a store's exception, answered as MLflow's error
     */
    Optional<ObjectNode> answer(byte[] body);
}

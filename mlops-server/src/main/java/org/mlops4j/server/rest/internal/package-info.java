/**
 * The endpoints, the JSON of MLflow's protobuf messages and the error mapping of MLflow's REST API. Internal: not for
 * public use.
 */
package org.mlops4j.server.rest.internal;

/**
 * Building blocks shared by mlops4j's HTTP surfaces (the web UI here, the model server of {@code mlops-serving}): the
 * server's own plain-text answers with their security headers, and the handler that turns a client's fault into the
 * answer that says so. Published for mlops4j's modules; they may change between versions. Uses no other package of
 * this module.
 */
package org.mlops4j.server.http;

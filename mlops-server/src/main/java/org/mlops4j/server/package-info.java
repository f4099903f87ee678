/**
 * The one hardened HTTP server of mlops4j: {@link org.mlops4j.server.MlopsHttpServer} on Eclipse Jetty 12 with
 * {@link org.mlops4j.server.ServerSettings} (timeouts, bounded threads and queue, size limits, graceful stop, loopback by
 * default, optional bearer token). The web UI ({@code org.mlops4j.server.ui}) runs on it.
 */
package org.mlops4j.server;

/**
 * Online model serving: {@link org.mlops4j.serving.ModelServer} answers MLflow's scoring protocol
 * ({@code POST /invocations}, {@code /ping}, {@code /health}, {@code /version}) with a registered model, on mlops4j's
 * hardened HTTP server.
 */
package org.mlops4j.serving;

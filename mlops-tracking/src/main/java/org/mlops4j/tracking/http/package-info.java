/**
 * Tracking stores and model registries on a tracking server ({@code mlops server} or MLflow's), for
 * {@code http:} and {@code https:} URIs: {@link org.mlops4j.tracking.http.HttpTrackingStoreProvider} and
 * {@link org.mlops4j.tracking.http.HttpModelRegistryProvider} speak MLflow's REST API 2.0 with the JDK's HTTP client,
 * batch logged metrics into {@code log-batch} calls, retry transient failures of calls that may be sent twice
 * ({@code MlflowCall} says which and why), send MLflow's credentials ({@code MLFLOW_TRACKING_TOKEN}, or
 * {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD}) and map MLflow's error codes onto mlops4j's
 * exceptions.
 */
package org.mlops4j.tracking.http;

/**
 * The model server's parts: reading scoring requests (MLflow's JSON formats and CSV), checking each row against the
 * model's input schema, writing answers, loading versions, and capturing the serving log off the request path.
 * Internal: not for public use; the API may change without notice.
 */
package org.mlops4j.serving.internal;

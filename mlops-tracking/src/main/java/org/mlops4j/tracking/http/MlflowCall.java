package org.mlops4j.tracking.http;

/**
 * The calls of MLflow's REST API 2.0 that the {@code http:} store and registry make: the HTTP method MLflow's server
 * takes, the path after {@code /api/2.0/mlflow/}, and whether the call may be sent again when its answer is lost.
 *
 * <p>A call is <em>retried after it was sent</em> (connection reset, time-out, 502, 504) only when sending it
 * twice leaves the store as sending it once: reads; writes that set a value (a tag, a description, a stage, an alias,
 * a run's status and end time, a param, which MLflow keeps immutable, so the same value again is accepted); and soft
 * deletion and restoring, which end in the same state. Calls that add something are not retried: a second
 * {@code experiments/create}, {@code runs/create}, {@code registered-models/create} or {@code model-versions/create}
 * would make a second experiment, run or version or fail as already existing, and a {@code log-batch} with metrics
 * would append its values twice (a metric's history is append-only). Calls that remove something for good
 * ({@code delete-tag}, deleting a model, a version or an alias) or rename are not retried either: their second attempt
 * fails as not found although the first succeeded. MLflow's own Python client retries every method ({@code
 * allowed_methods=None} in {@code mlflow/utils/request_utils.py}); this client is stricter so that a lost answer never
 * duplicates a metric or a version.
 *
 * <p>A call that never left ({@code connection refused}: the server was not listening) and a call answered
 * {@code 429 Too Many Requests} or {@code 503 Service Unavailable} (the server says it did not handle it: rate limit,
 * full queue, stopping; mlops4j's server answers a full queue so, with {@code Retry-After}) are retried whatever the
 * call.
 */
enum MlflowCall {
    CREATE_EXPERIMENT("POST", "experiments/create", false),
    GET_EXPERIMENT("GET", "experiments/get", true),
    GET_EXPERIMENT_BY_NAME("GET", "experiments/get-by-name", true),
    SEARCH_EXPERIMENTS("POST", "experiments/search", true),
    UPDATE_EXPERIMENT("POST", "experiments/update", false),
    DELETE_EXPERIMENT("POST", "experiments/delete", true),
    RESTORE_EXPERIMENT("POST", "experiments/restore", true),
    SET_EXPERIMENT_TAG("POST", "experiments/set-experiment-tag", true),

    CREATE_RUN("POST", "runs/create", false),
    GET_RUN("GET", "runs/get", true),
    UPDATE_RUN("POST", "runs/update", true),
    DELETE_RUN("POST", "runs/delete", true),
    RESTORE_RUN("POST", "runs/restore", true),
    SEARCH_RUNS("POST", "runs/search", true),
    /** A batch with metrics: appended, so not sent twice. */
    LOG_BATCH("POST", "runs/log-batch", false),
    /** A batch of params and tags only: setting the same values again changes nothing. */
    LOG_BATCH_WITHOUT_METRICS("POST", "runs/log-batch", true),
    DELETE_TAG("POST", "runs/delete-tag", false),
    GET_METRIC_HISTORY("GET", "metrics/get-history", true),
    LIST_ARTIFACTS("GET", "artifacts/list", true),

    CREATE_MODEL("POST", "registered-models/create", false),
    GET_MODEL("GET", "registered-models/get", true),
    RENAME_MODEL("POST", "registered-models/rename", false),
    UPDATE_MODEL("PATCH", "registered-models/update", true),
    DELETE_MODEL("DELETE", "registered-models/delete", false),
    SEARCH_MODELS("GET", "registered-models/search", true),
    SET_MODEL_TAG("POST", "registered-models/set-tag", true),
    DELETE_MODEL_TAG("DELETE", "registered-models/delete-tag", false),
    SET_ALIAS("POST", "registered-models/alias", true),
    DELETE_ALIAS("DELETE", "registered-models/alias", false),

    CREATE_VERSION("POST", "model-versions/create", false),
    GET_VERSION("GET", "model-versions/get", true),
    UPDATE_VERSION("PATCH", "model-versions/update", true),
    DELETE_VERSION("DELETE", "model-versions/delete", false),
    SEARCH_VERSIONS("GET", "model-versions/search", true),
    TRANSITION_STAGE("POST", "model-versions/transition-stage", true),
    SET_VERSION_TAG("POST", "model-versions/set-tag", true),
    DELETE_VERSION_TAG("DELETE", "model-versions/delete-tag", false);

    private final String method;
    private final String path;
    private final boolean idempotent;

    MlflowCall(String method, String path, boolean idempotent) {
        this.method = method;
        this.path = path;
        this.idempotent = idempotent;
    }

    /** @return the HTTP method MLflow's server takes for the call */
    String method() {
        return method;
    }

    /** @return the path after {@code /api/2.0/mlflow/} */
    String path() {
        return path;
    }

    /** @return whether sending the call twice leaves the store as sending it once */
    boolean idempotent() {
        return idempotent;
    }
}

package org.mlops4j.core;

/**
 * Every configuration key that mlops4j itself reads, with its default, in one place.
 *
 * <p>Keys are {@code mlops.<area>.<key>}. A value is looked up, first to last, in: the values set on
 * {@link org.mlops4j.core.runtime.Mlops.Builder#property(String, String)}; Java system properties; environment
 * variables (the key upper-cased with dots and dashes turned into underscores: {@code MLOPS_TRACKING_URI}); a
 * {@code mlops.properties} file on the class path; the default given here.
 */
public final class MlopsProperties {

    /** Where runs and artifacts are kept, as a URI. Default: {@value #DEFAULT_TRACKING_URI}. */
    public static final String TRACKING_URI = "mlops.tracking.uri";

    /** The default of {@link #TRACKING_URI}: a file store in {@code ./mlruns}. */
    public static final String DEFAULT_TRACKING_URI = "file:./mlruns";

    /**
     * The layout of a new {@code file:} tracking store and registry, made in a missing or empty folder: {@code mlflow}
     * (the default: MLflow's own {@code mlruns} layout with {@code meta.yaml} files, which MLflow's UI and client read)
     * or {@code mlops4j} (JSON meta files, a run index for search, one JSON file per registered model). A folder that
     * already holds a store keeps its layout whatever this says.
     */
    public static final String TRACKING_FILE_LAYOUT = "mlops.tracking.file.layout";

    /** Where the model registry is kept, as a URI. Default: the tracking URI. */
    public static final String REGISTRY_URI = "mlops.registry.uri";

    /**
     * The bearer token sent to an {@code http:}/{@code https:} tracking server (and registry) with every call. The
     * key is MLflow's variable under mlops4j's mapping, so the environment variable is MLflow's own
     * {@code MLFLOW_TRACKING_TOKEN}. Default: none. A token wins over {@link #TRACKING_USERNAME}.
     */
    public static final String TRACKING_TOKEN = "mlflow.tracking.token";

    /** The user name of HTTP basic credentials for a tracking server: {@code MLFLOW_TRACKING_USERNAME}. Default: none. */
    public static final String TRACKING_USERNAME = "mlflow.tracking.username";

    /** The password that goes with {@link #TRACKING_USERNAME}: {@code MLFLOW_TRACKING_PASSWORD}. Default: none. */
    public static final String TRACKING_PASSWORD = "mlflow.tracking.password";

    /**
     * How many times an {@code http:} store sends a call again after a transient failure (connection refused or reset,
     * 429, 502, 503, 504; a call that a second delivery would repeat, such as a create, only when the server did not
     * handle it: connection refused, 429, 503). Default: 5.
     */
    public static final String TRACKING_HTTP_MAX_RETRIES = "mlops.tracking.http.max-retries";

    /** The wait before an {@code http:} store's first retry, in milliseconds; each further wait doubles. Default: 500. */
    public static final String TRACKING_HTTP_BACKOFF_MILLIS = "mlops.tracking.http.backoff-millis";

    /** How long one call to a tracking server may take, in seconds. Default: 120 (MLflow's). */
    public static final String TRACKING_HTTP_TIMEOUT_SECONDS = "mlops.tracking.http.timeout-seconds";

    /**
     * How long metrics logged to an {@code http:} store may wait, in milliseconds, before they are sent in one
     * {@code log-batch} (they are sent sooner at 1,000 values, when the run ends or is read, and on close). Default: 1000.
     */
    public static final String TRACKING_HTTP_FLUSH_MILLIS = "mlops.tracking.http.flush-millis";

    /**
     * Whether providers are discovered with {@link java.util.ServiceLoader} ({@code true}, the default) or only those
     * registered by hand are used ({@code false}).
     */
    public static final String PROVIDER_DISCOVERY = "mlops.providers.discovery";

    /**
     * The bands of the monitoring policy, as {@code interval:action} pairs separated by {@code ;}. Default:
     * {@value #DEFAULT_MONITOR_POLICY_BANDS}.
     */
    public static final String MONITOR_POLICY_BANDS = "mlops.monitor.policy.bands";

    /** The default of {@link #MONITOR_POLICY_BANDS}: the seed's policy over moved probability mass in percent. */
    public static final String DEFAULT_MONITOR_POLICY_BANDS = "[0, 5):none; [5, 10]:retrain; (10, 100]:escalate";

    /**
     * The actions a monitor runs when its policy decides {@code none}, comma-separated ({@code provider} or
     * {@code provider:target}). Default: none.
     */
    public static final String MONITOR_ACTIONS_NONE = "mlops.monitor.actions.none";

    /** The actions for a {@code retrain} decision. Default: {@value #DEFAULT_MONITOR_ACTIONS_RETRAIN}. */
    public static final String MONITOR_ACTIONS_RETRAIN = "mlops.monitor.actions.retrain";

    /** The default of {@link #MONITOR_ACTIONS_RETRAIN}: run the host's pipeline named {@code retrain}. */
    public static final String DEFAULT_MONITOR_ACTIONS_RETRAIN = "pipeline:retrain";

    /** The actions for an {@code escalate} decision. Default: {@value #DEFAULT_MONITOR_ACTIONS_ESCALATE}. */
    public static final String MONITOR_ACTIONS_ESCALATE = "mlops.monitor.actions.escalate";

    /** The default of {@link #MONITOR_ACTIONS_ESCALATE}: log an alert and call the host's callback {@code escalate}. */
    public static final String DEFAULT_MONITOR_ACTIONS_ESCALATE = "log, callback:escalate";

    /**
     * A file to which the {@code log} action appends each alert as one JSON line (created if missing). Default: none,
     * alerts go to the log only.
     */
    public static final String MONITOR_ALERTS_FILE = "mlops.monitor.alerts.file";

    /** The name of the class-path resource with configuration: {@value}. */
    public static final String PROPERTIES_RESOURCE = "mlops.properties";

    private MlopsProperties() {
    }
}

package org.mlops4j.examples.leadscoring;

/**
 * How a monitoring window is recorded as a tracking run, so that tools reading the tracking store (the web UI, run
 * search) find it: one run per window in the experiment {@value #EXPERIMENT}, tagged with the monitored model and the
 * action taken, with the drift metrics and the reports as artifacts.
 *
 * <p>Find the windows that asked for action with the filter
 * {@code tags.`mlops.monitor.action` != 'none'} in the experiment {@value #EXPERIMENT}.
 */
public final class MonitoringRuns {

    /** The experiment monitoring windows are recorded in. */
    public static final String EXPERIMENT = "monitoring";
    /** Tag: the monitored registered model's name. */
    public static final String MODEL_TAG = "mlops.monitor.model";
    /** Metric: the share of monitored columns whose drift test rejected "no drift", in [0, 1]. */
    public static final String DRIFT_SHARE = "drift_share";
    /** Metric: the largest deviation of a monitored column, in percentage points of moved probability mass. */
    public static final String MAX_DEVIATION = "max_deviation_pct";
    /** Metric: 1 when the drift report finds the dataset drifted, else 0. */
    public static final String DATASET_DRIFT = "dataset_drift";
    /** Tag: the action the policy decided ({@code none}, {@code retrain}, {@code escalate}). */
    public static final String ACTION_TAG = "mlops.monitor.action";
    /** Artifact: the drift report as JSON. */
    public static final String DRIFT_REPORT_JSON = "drift_report.json";
    /** Artifact: the drift report as an HTML page. */
    public static final String DRIFT_REPORT_HTML = "drift_report.html";
    /** Artifact: the policy's decision with its evidence and the actions' results, as JSON. */
    public static final String DECISION_JSON = "decision.json";

    private MonitoringRuns() {
    }
}

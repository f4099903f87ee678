package org.mlops4j.core.monitor;

/**
 * How a monitoring window is recorded in experiment tracking, so that every monitor writes it the same way and the
 * tracking UI's monitoring pages (and any other reader) find it.
 *
 * <p>Each window that a monitor checks is one tracking run in the experiment {@value #EXPERIMENT}, with:
 * <ul>
 *   <li>the tag {@value #MODEL_TAG} set to the registered model's name;</li>
 *   <li>the metrics {@value #DRIFT_SHARE} (the share of drifted columns, 0 to 1), {@value #MAX_DEVIATION_PCT}
 *       (the policy's deviation measure, in percent) and {@value #DATASET_DRIFT} (1 when the dataset drifted, else
 *       0);</li>
 *   <li>the tag {@value #ACTION_TAG} set to the action taken: {@code NONE}, {@code RETRAIN} or {@code ESCALATE}
 *       (the names of {@link ActionKind});</li>
 *   <li>the artifacts {@value #DRIFT_REPORT_JSON} and {@value #DRIFT_REPORT_HTML} (the drift report as data and as a
 *       self-contained page) and {@value #DECISION_JSON} (the policy's decision with its evidence and the results of
 *       its actions).</li>
 * </ul>
 * The run's start time is the time of the window, so the runs of one model ordered by start time are its history.
 */
public final class MonitoringRuns {

    /** The experiment that holds one run per monitoring window: {@value}. */
    public static final String EXPERIMENT = "monitoring";
    /** The run tag naming the registered model a window monitors: {@value}. */
    public static final String MODEL_TAG = "mlops.monitor.model";
    /** The run tag naming the action taken after the window ({@code NONE}, {@code RETRAIN}, {@code ESCALATE}). */
    public static final String ACTION_TAG = "mlops.monitor.action";
    /** The metric holding the share of drifted columns, from 0 to 1: {@value}. */
    public static final String DRIFT_SHARE = "drift_share";
    /** The metric holding the policy's deviation measure, in percent: {@value}. */
    public static final String MAX_DEVIATION_PCT = "max_deviation_pct";
    /** The metric that is 1 when the dataset as a whole drifted, else 0: {@value}. */
    public static final String DATASET_DRIFT = "dataset_drift";
    /** The artifact holding the drift report as JSON: {@value}. */
    public static final String DRIFT_REPORT_JSON = "drift_report.json";
    /** The artifact holding the drift report as a self-contained HTML page: {@value}. */
    public static final String DRIFT_REPORT_HTML = "drift_report.html";
    /** The artifact holding the policy's decision, its evidence and the results of its actions: {@value}. */
    public static final String DECISION_JSON = "decision.json";
    /**
     * The param or tag (on a training run, or a tag on a model version) holding the fingerprint of the data a model
     * was trained on, which links a model version to its data: {@value}.
     */
    public static final String DATA_FINGERPRINT = "mlops.data.fingerprint";

    private MonitoringRuns() {
    }
}

package org.mlops4j.drift.policy;

import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.monitor.DecisionRecorder;
import org.mlops4j.core.monitor.MonitoringRuns;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * Records each decision as a monitoring run in experiment tracking, the way {@link MonitoringRuns} describes, so that
 * the decisions are searched like any run and shown on the web UI's monitoring pages: experiment
 * {@value MonitoringRuns#EXPERIMENT}, tag {@value MonitoringRuns#MODEL_TAG} with the model's name, metrics
 * {@value MonitoringRuns#DRIFT_SHARE}, {@value MonitoringRuns#MAX_DEVIATION_PCT} and
 * {@value MonitoringRuns#DATASET_DRIFT}, tag {@value MonitoringRuns#ACTION_TAG}, and the artifact
 * {@value MonitoringRuns#DECISION_JSON} with the decision, its evidence and the results of its actions.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder()
 *         .recorder(TrackingDecisionRecorder.of(tracking, "lead-scoring"))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe when the tracking client is. A window's drift report, when the caller has it, belongs in the same run
 * as {@value MonitoringRuns#DRIFT_REPORT_JSON} and {@value MonitoringRuns#DRIFT_REPORT_HTML}: see
 * {@link #record(DecisionOutcome, String, String)}.
 */
public final class TrackingDecisionRecorder implements DecisionRecorder {

    private final TrackingClient tracking;
    private final String model;

    private TrackingDecisionRecorder(TrackingClient tracking, String model) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * @param tracking where to record
     * @param model    the registered model whose input is monitored
     * @return the recorder
     */
    public static TrackingDecisionRecorder of(TrackingClient tracking, String model) {
        return new TrackingDecisionRecorder(tracking, model);
    }

    @Override
    public void record(DecisionOutcome outcome) {
        record(outcome, null, null);
    }

    /**
     * Records a decision together with the drift report of its window.
     *
     * @param outcome        the decision and its action results
     * @param driftReportJson the window's drift report as JSON, or {@code null}
     * @param driftReportHtml the window's drift report as a self-contained page, or {@code null}
     * @return the id of the monitoring run
     */
    public String record(DecisionOutcome outcome, String driftReportJson, String driftReportHtml) {
        PolicyDecision decision = outcome.decision();
        try (ActiveRun run = tracking.startRun(tracking.getOrCreateExperiment(MonitoringRuns.EXPERIMENT),
                model + " " + decision.decidedAt(),
                Map.of(MonitoringRuns.MODEL_TAG, model, MonitoringRuns.ACTION_TAG, decision.action().name()))) {
            run.logMetrics(Map.of(
                    MonitoringRuns.DRIFT_SHARE, decision.drift().shareOfDriftedColumns(),
                    MonitoringRuns.MAX_DEVIATION_PCT, decision.decidingDeviation(),
                    MonitoringRuns.DATASET_DRIFT, decision.drift().datasetDrift() ? 1.0 : 0.0), 0);
            run.logText(outcome.toJson(), MonitoringRuns.DECISION_JSON);
            if (driftReportJson != null) {
                run.logText(driftReportJson, MonitoringRuns.DRIFT_REPORT_JSON);
            }
            if (driftReportHtml != null) {
                run.logText(driftReportHtml, MonitoringRuns.DRIFT_REPORT_HTML);
            }
            run.end();
            return run.id();
        }
    }
}

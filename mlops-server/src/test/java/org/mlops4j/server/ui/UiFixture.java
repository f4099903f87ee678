package org.mlops4j.server.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.monitor.MonitoringRuns;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.models.ClassificationEvaluation;
import org.mlops4j.models.ModelEvaluation;
import org.mlops4j.models.TaskType;

/**
 * What the UI tests log through the tracking and registry APIs: an experiment with four runs (one of them named like a
 * script), a registered model with two versions, and a monitored model with six windows.
 */
final class UiFixture {

    static final String EXPERIMENT = "lead-scoring";
    static final String SCRIPT_NAME = "<script>alert(1)</script>";
    static final String MODEL = "lead-scorer";
    static final String FINGERPRINT = "sha256:3f1c0ffee";
    static final double[] DRIFT_SHARES = {0.0, 0.1, 0.2, 0.5, 0.6, 0.9};
    static final String[] ACTIONS = {"NONE", "NONE", "NONE", "RETRAIN", "RETRAIN", "ESCALATE"};

    final Experiment experiment;
    final String lr;
    final String rf;
    final String xgb;
    final String script;
    final List<String> windows = new ArrayList<>();

    private UiFixture(Experiment experiment, String lr, String rf, String xgb, String script) {
        this.experiment = experiment;
        this.lr = lr;
        this.rf = rf;
        this.xgb = xgb;
        this.script = script;
    }

    static UiFixture log(TrackingClient tracking, ModelRegistry registry) {
        Experiment experiment = tracking.getOrCreateExperiment(EXPERIMENT);
        String lr = trainingRun(tracking, experiment, "logistic-regression", "lr", 0.81);
        String rf = trainingRun(tracking, experiment, "random-forest", "rf", 0.93);
        String xgb = trainingRun(tracking, experiment, "xgboost", "xgb", 0.88);
        String script = trainingRun(tracking, experiment, SCRIPT_NAME, "<b>bold</b>", 0.50);
        UiFixture fixture = new UiFixture(experiment, lr, rf, xgb, script);

        registry.register(NewModelVersion.builder(MODEL, "runs:/" + rf + "/model").runId(rf)
                .inputSchema(Schema.builder().column("lead_source", ColumnType.CATEGORICAL).build())
                .tag(MonitoringRuns.DATA_FINGERPRINT, FINGERPRINT).description("first forest").build());
        ModelVersion second = registry.register(NewModelVersion.builder(MODEL, "runs:/" + xgb + "/model")
                .runId(xgb).build());
        registry.transitionStage(MODEL, second.version(), ModelStage.PRODUCTION, true);
        registry.setAlias(MODEL, "champion", second.version());

        TrackingStore store = tracking.store();
        Experiment monitoring = tracking.getOrCreateExperiment(MonitoringRuns.EXPERIMENT);
        long start = 1_714_000_000_000L;
        for (int i = 0; i < DRIFT_SHARES.length; i++) {
            long at = start + i * 86_400_000L;
            RunInfo window = store.createRun(monitoring.experimentId(), "window-" + i, "monitor", at,
                    List.of(new RunTag(MonitoringRuns.MODEL_TAG, MODEL),
                            new RunTag(MonitoringRuns.ACTION_TAG, ACTIONS[i])));
            store.logBatch(window.runId(), List.of(
                    new Metric(MonitoringRuns.DRIFT_SHARE, DRIFT_SHARES[i], at, 0),
                    new Metric(MonitoringRuns.MAX_DEVIATION_PCT, DRIFT_SHARES[i] * 40, at, 0),
                    new Metric(MonitoringRuns.DATASET_DRIFT, DRIFT_SHARES[i] >= 0.5 ? 1 : 0, at, 0),
                    new Metric("deviation_pct.lead_source", DRIFT_SHARES[i] * 40, at, 0),
                    new Metric("deviation_pct.city", DRIFT_SHARES[i] * 10, at, 0),
                    new Metric("quality_auc", 0.8 - DRIFT_SHARES[i] / 10, at, 0)),
                    List.of(new Param("window", String.valueOf(i))), List.of());
            write(store, window.runId(), MonitoringRuns.DRIFT_REPORT_JSON, "{\"dataset_drift\": "
                    + (DRIFT_SHARES[i] >= 0.5) + ", \"drift_share\": " + DRIFT_SHARES[i] + ", \"columns\": ["
                    + "{\"column\": \"lead_source\", \"column_type\": \"cat\", \"stattest\": \"chisquare\", "
                    + "\"score\": 0.001, \"threshold\": 0.05, \"drifted\": true}]}");
            write(store, window.runId(), MonitoringRuns.DRIFT_REPORT_HTML, "<!DOCTYPE html><html><body>"
                    + "<h1>Data drift report</h1><p>window " + i + "</p></body></html>");
            write(store, window.runId(), MonitoringRuns.DECISION_JSON, "{\"action\": \"" + ACTIONS[i] + "\"}");
            store.updateRun(window.runId(), RunStatus.FINISHED, OptionalLong.of(at + 60_000));
            fixture.windows.add(window.runId());
        }
        return fixture;
    }

    private static String trainingRun(TrackingClient tracking, Experiment experiment, String name, String model,
                                      double auc) {
        try (ActiveRun run = tracking.startRun(experiment, name)) {
            run.logParams(Map.of("model", model, "folds", 5));
            run.setTag(MonitoringRuns.DATA_FINGERPRINT, FINGERPRINT);
            for (int epoch = 0; epoch < 5; epoch++) {
                run.logMetric("loss", 1.0 / (epoch + 1) + auc / 10, epoch);
            }
            run.logMetric("auc", auc);
            run.logText("<html><body><h1>Evaluation of " + name + "</h1></body></html>", "report.html");
            run.logText(modelEvaluation(model).toHtml(), ModelEvaluation.HTML_ARTIFACT);
            run.logJson(Map.of("auc", auc), "metrics.json");
            run.logText("notes for " + name, "notes/readme.txt");
            run.end();
            return run.id();
        }
    }

    /** A real model evaluation page (ROC, precision-recall, calibration, gains), its positive label hostile. */
    private static ModelEvaluation modelEvaluation(String family) {
        int n = 40;
        int[] actual = new int[n];
        int[] predicted = new int[n];
        double[][] probabilities = new double[n][];
        for (int i = 0; i < n; i++) {
            double p = (i % 20) / 20.0 + 0.02;
            actual[i] = (i * 7) % 10 < 10 * p ? 1 : 0;
            predicted[i] = p >= 0.5 ? 1 : 0;
            probabilities[i] = new double[] {1 - p, p};
        }
        ClassificationEvaluation classification = ClassificationEvaluation.compute(
                List.of("no", "<script>alert(1)</script>"), 1, actual, predicted, probabilities);
        return new ModelEvaluation(family, TaskType.CLASSIFICATION, "converted", n, Map.of(),
                Optional.of(classification), Optional.empty(), List.of());
    }

    private static void write(TrackingStore store, String runId, String path, String text) {
        store.writeArtifact(runId, path, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}

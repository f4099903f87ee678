package org.mlops4j.examples.leadscoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionHooks;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.DecisionOutcome;
import org.mlops4j.core.monitor.MonitoringRuns;
import org.mlops4j.core.monitor.PolicyDecision;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.Step;
import org.mlops4j.core.pipeline.StepContext;
import org.mlops4j.core.pipeline.StepError;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.DriftReport;
import org.mlops4j.drift.policy.DriftMonitor;
import org.mlops4j.drift.policy.JsonLinesDecisionRecorder;
import org.mlops4j.models.EvaluationMetric;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.TrainedModel;

/**
 * The monitoring pipeline: the serving window against the training reference, a drift report, the action policy's
 * decision, the action, and the window recorded as a tracking run.
 *
 * <ol>
 *   <li>{@value #LOAD_SERVING_WINDOW}: the window's rows from the {@link ServingLog};</li>
 *   <li>{@value #LOAD_REFERENCE}: the training data's model input, the reference;</li>
 *   <li>{@value #CHECK_QUALITY}: when labels for the served leads have arrived (a raw labelled batch), they go
 *       through the data pipeline and the model version that served the window scores them: AUC, precision and
 *       recall, which the policy compares with its quality targets;</li>
 *   <li>{@value #CHECK_DRIFT}: the {@link DataDrift} report of the monitored columns (written as
 *       {@value MonitoringRuns#DRIFT_REPORT_JSON} and {@value MonitoringRuns#DRIFT_REPORT_HTML}) and the
 *       {@link DriftMonitor}'s decision from that report (each column is tested once): the largest deviation of a
 *       monitored column (total variation, in percentage points) falls into a band of the policy, a missed quality
 *       target asks to retrain, and the more severe action wins;</li>
 *   <li>{@value #TAKE_ACTION}: {@code retrain} runs {@link MonitoringOptions#retrain()} (the data and training
 *       pipelines on the new labelled data) through the {@code pipeline:retrain} action; {@code escalate} writes an
 *       alert file to {@value MonitoringOptions#ALERTS_FOLDER} and calls {@link MonitoringOptions#escalate()} through
 *       {@code callback:escalate}; each outcome is appended to {@value #DECISIONS_FILE};</li>
 *   <li>{@value #LOG_MONITORING_WINDOW}: one run in the experiment {@value MonitoringRuns#EXPERIMENT} as
 *       {@link MonitoringRuns} describes.</li>
 * </ol>
 * The output {@value #MONITORING_OUTCOME} is a {@link MonitoringOutcome}.
 */
public final class LeadScoringMonitoring {

    /** The monitoring pipeline's name. */
    public static final String MONITORING_PIPELINE = "monitoring";
    /** Step: read the window from the serving log. */
    public static final String LOAD_SERVING_WINDOW = "load_serving_window";
    /** Step: read the reference. */
    public static final String LOAD_REFERENCE = "load_reference";
    /** Step: the model's quality on labelled served leads. */
    public static final String CHECK_QUALITY = "check_quality";
    /** Step: drift report and decision. */
    public static final String CHECK_DRIFT = "check_drift";
    /** Step: run the decided actions. */
    public static final String TAKE_ACTION = "take_action";
    /** Step: record the window as a monitoring run. */
    public static final String LOG_MONITORING_WINDOW = "log_monitoring_window";
    /** Output: the {@link MonitoringOutcome}. */
    public static final String MONITORING_OUTCOME = "monitoring_outcome";
    /** The file, in the output folder, each decision and its actions' results are appended to. */
    public static final String DECISIONS_FILE = "decisions.jsonl";

    private static final String WINDOW = "window";
    private static final String REFERENCE = "reference";
    private static final String QUALITY = "quality";
    private static final String DECISION = "decision";
    private static final String REPORT = "drift_report";
    private static final String OUTCOME = "decision_outcome";

    private LeadScoringMonitoring() {
    }

    /**
     * @param tracking where the monitoring run is recorded and the model's artifacts are
     * @param registry where the served model version is found
     * @param options  the window, the reference, the policy and the actions
     * @return the pipeline, with the drift tests and actions of {@link Mlops#shared()}
     */
    public static Pipeline pipeline(TrackingClient tracking, ModelRegistry registry, MonitoringOptions options) {
        return pipeline(tracking, registry, options, Mlops.shared());
    }

    /**
     * @param tracking where the monitoring run is recorded and the model's artifacts are
     * @param registry where the served model version is found
     * @param options  the window, the reference, the policy and the actions
     * @param mlops    where the drift tests and the action providers come from
     * @return the pipeline
     */
    public static Pipeline pipeline(TrackingClient tracking, ModelRegistry registry, MonitoringOptions options,
                                    Mlops mlops) {
        MonitoringSteps steps = new MonitoringSteps(tracking, registry, options, mlops);
        return Pipeline.builder(MONITORING_PIPELINE)
                .step(Step.named(LOAD_SERVING_WINDOW).outputs(WINDOW).persistOutputs(false).run(steps::loadWindow))
                .step(Step.named(LOAD_REFERENCE).outputs(REFERENCE).persistOutputs(false).run(steps::loadReference))
                .step(Step.named(CHECK_QUALITY).inputs(WINDOW).outputs(QUALITY).persistOutputs(false)
                        .run(steps::checkQuality))
                .step(Step.named(CHECK_DRIFT).inputs(WINDOW, REFERENCE, QUALITY).outputs(DECISION, REPORT)
                        .persistOutputs(false).run(steps::checkDrift))
                .step(Step.named(TAKE_ACTION).inputs(DECISION).outputs(OUTCOME).persistOutputs(false)
                        .run(steps::takeAction))
                .step(Step.named(LOG_MONITORING_WINDOW).inputs(WINDOW, QUALITY, REPORT, OUTCOME)
                        .outputs(MONITORING_OUTCOME).persistOutputs(false).run(steps::logWindow))
                .build();
    }

    /**
     * Scores labelled leads with a model and measures its quality as the case study states its targets. The leads are
     * scored by {@link TrainedModel#evaluate}, that is as the model's {@link org.mlops4j.models.Predictor} scores them;
     * leads without a label, and leads the model cannot score, are left out.
     *
     * @param model    the model
     * @param labelled the model input with {@code app_complete_flag}
     * @return {@code auc}, {@code precision} and {@code recall} of class 1
     * @throws DataException when no lead has a label
     */
    public static Map<String, Double> quality(TrainedModel model, Table labelled) {
        NumericColumn target = labelled.numeric(LeadScoringSchemas.TARGET);
        Table withLabels = labelled.filter(row -> !target.isNull(row));
        if (withLabels.rowCount() == 0) {
            throw new DataException("No labelled lead could be scored, so the model's quality cannot be measured",
                    null, 0, LeadScoringSchemas.TARGET, null);
        }
        Map<EvaluationMetric, Double> metrics = model.evaluate(withLabels);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("auc", metrics.get(EvaluationMetric.AUC));
        out.put("precision", metrics.get(EvaluationMetric.PRECISION));
        out.put("recall", metrics.get(EvaluationMetric.RECALL));
        return out;
    }

    /** The steps of one monitoring run. */
    private static final class MonitoringSteps {
        private final TrackingClient tracking;
        private final ModelRegistry registry;
        private final MonitoringOptions options;
        private final DriftMonitor monitor;
        private final DataDrift drift;

        MonitoringSteps(TrackingClient tracking, ModelRegistry registry, MonitoringOptions options, Mlops mlops) {
            this.tracking = Objects.requireNonNull(tracking, "tracking");
            this.registry = Objects.requireNonNull(registry, "registry");
            this.options = Objects.requireNonNull(options, "options");
            this.drift = DataDrift.builder().mlops(mlops).columns(options.columns().toArray(String[]::new)).build();
            ActionHooks.Builder hooks = ActionHooks.builder().callback("escalate", this::escalate);
            options.retrain().ifPresent(retrain -> hooks.pipeline("retrain", retrain));
            this.monitor = DriftMonitor.builder().mlops(mlops).dataDrift(drift).policy(options.policy())
                    .columns(options.columns().toArray(String[]::new))
                    .actions(ActionKind.NONE)
                    .actions(ActionKind.RETRAIN, options.retrain().isPresent() ? "pipeline:retrain" : "log")
                    .actions(ActionKind.ESCALATE, "log", "callback:escalate")
                    .hooks(hooks.build())
                    .recorder(new JsonLinesDecisionRecorder(options.outputFolder().resolve(DECISIONS_FILE)))
                    .build();
        }

        StepResult loadWindow(StepContext context) {
            ServingLog log = new ServingLog(options.servingLog());
            Table window = log.read(batch -> options.batches().isEmpty() || options.batches().contains(batch));
            if (window.rowCount() == 0) {
                throw new DataException("The serving log has no rows for the window " + describeWindow()
                        + "; run the inference pipeline first, or name batches that it holds",
                        options.servingLog().toString(), 0, ServingLog.BATCH, null);
            }
            context.log().info("Window {}: {} served rows", describeWindow(), window.rowCount());
            return StepResult.of(WINDOW, window);
        }

        StepResult loadReference(StepContext context) {
            Table reference = LeadScoringTraining.readModelInput(options.referenceDatabase());
            context.log().info("Reference: {} training rows from {}", reference.rowCount(),
                    options.referenceDatabase());
            return StepResult.of(REFERENCE, reference);
        }

        StepResult checkQuality(StepContext context) {
            if (options.labelledBatch().isEmpty()) {
                context.log().info("No labels for the served leads yet; quality not measured");
                return StepResult.of(QUALITY, Map.<String, Double>of());
            }
            Path labelled = options.labelledBatch().get();
            Path database = options.outputFolder().resolve("labels.db");
            PipelineRun run;
            try (PipelineRunner runner = PipelineRunner.builder().threads(1).build()) {
                run = runner.run(LeadScoringPipelines.data(DataPipelineOptions.builder(labelled, database)
                        .quarantineFolder(options.outputFolder().resolve("quarantine")).build()));
            }
            if (run.state() != PipelineState.SUCCEEDED) {
                Optional<StepError> error = run.steps().stream().flatMap(s -> s.lastError().stream()).findFirst();
                String problem = "The labelled batch " + labelled + " did not pass the data pipeline: "
                        + error.map(StepError::message).orElse(run.state().name());
                throw error.isPresent() && error.get().causedByInput()
                        ? new DataException(problem, null, 0, null, null) : new MlopsException(problem);
            }
            Table window = context.input(WINDOW, Table.class);
            int version = (int) window.numeric(ServingLog.MODEL_VERSION).nonNullValues().max().orElseThrow();
            TrainedModel model = ModelTracking.of(tracking, registry)
                    .load("models:/" + options.modelName() + "/" + version);
            Map<String, Double> quality = quality(model, LeadScoringTraining.readModelInput(database));
            context.log().info("Quality of version {} on {} labelled served leads: {}", version,
                    LeadScoringTraining.readModelInput(database).rowCount(), quality);
            return StepResult.of(QUALITY, quality);
        }

        @SuppressWarnings("unchecked")
        StepResult checkDrift(StepContext context) {
            Table window = context.input(WINDOW, Table.class);
            Table reference = context.input(REFERENCE, Table.class);
            Map<String, Double> quality = context.input(QUALITY, Map.class);
            DriftReport report = drift.run(reference, window);
            write(options.outputFolder().resolve(MonitoringRuns.DRIFT_REPORT_JSON), report.toJson());
            PolicyDecision decision = monitor.decide(reference, window, report, quality);
            write(options.outputFolder().resolve(MonitoringRuns.DRIFT_REPORT_HTML), report.toHtml(decision));
            context.log().info("Decision {}: {}", decision.action().key(), decision.reason());
            return StepResult.of(DECISION, decision).and(REPORT, report);
        }

        StepResult takeAction(StepContext context) {
            DecisionOutcome outcome = monitor.act(context.input(DECISION, PolicyDecision.class));
            outcome.actions().forEach(a -> context.log().info("Action {}: {} ({})", a.action(),
                    a.succeeded() ? "done" : "failed", a.detail()));
            return StepResult.of(OUTCOME, outcome);
        }

        @SuppressWarnings("unchecked")
        StepResult logWindow(StepContext context) {
            Table window = context.input(WINDOW, Table.class);
            Map<String, Double> quality = context.input(QUALITY, Map.class);
            DriftReport report = context.input(REPORT, DriftReport.class);
            DecisionOutcome outcome = context.input(OUTCOME, DecisionOutcome.class);
            PolicyDecision decision = outcome.decision();
            String runId;
            try (ActiveRun run = tracking.startRun(tracking.getOrCreateExperiment(MonitoringRuns.EXPERIMENT),
                    "window " + describeWindow(), Map.of(MonitoringRuns.MODEL_TAG, options.modelName(),
                            MonitoringRuns.ACTION_TAG, decision.action().name()))) {
                run.logParams(Map.of("window", describeWindow(), "rows", window.rowCount(), "measure",
                        decision.measure(), "deciding_column", decision.decidingColumn()));
                run.logMetric(MonitoringRuns.DRIFT_SHARE, report.summary().shareOfDriftedColumns());
                run.logMetric(MonitoringRuns.MAX_DEVIATION_PCT, decision.decidingDeviation());
                run.logMetric(MonitoringRuns.DATASET_DRIFT, report.summary().datasetDrift() ? 1 : 0);
                decision.deviations().forEach(d -> run.logMetric("deviation_pct." + d.column(), d.deviation()));
                quality.forEach((k, v) -> {
                    if (Double.isFinite(v)) {
                        run.logMetric("quality_" + k, v);
                    }
                });
                run.logText(report.toJson(), MonitoringRuns.DRIFT_REPORT_JSON);
                run.logText(report.toHtml(decision), MonitoringRuns.DRIFT_REPORT_HTML);
                run.logText(outcome.toJson(), MonitoringRuns.DECISION_JSON);
                runId = run.id();
                run.end();
            }
            write(options.outputFolder().resolve(MonitoringRuns.DECISION_JSON), outcome.toJson());
            MonitoringOutcome result = new MonitoringOutcome(describeWindow(), window.rowCount(), runId, outcome,
                    quality, options.outputFolder().resolve(MonitoringRuns.DRIFT_REPORT_JSON),
                    options.outputFolder().resolve(MonitoringRuns.DRIFT_REPORT_HTML));
            context.log().info("Window {}: drift share {}, max deviation {} pp ({}), action {}", describeWindow(),
                    String.format(Locale.ROOT, "%.2f", result.driftShare()),
                    String.format(Locale.ROOT, "%.2f", result.maxDeviation()), decision.decidingColumn(),
                    decision.action().key());
            return StepResult.of(MONITORING_OUTCOME, result);
        }

        private void escalate(PolicyDecision decision) {
            Path alert = options.outputFolder().resolve(MonitoringOptions.ALERTS_FOLDER)
                    .resolve("alert-" + decision.decidedAt().toEpochMilli() + ".json");
            write(alert, decision.toJson() + "\n");
            options.escalate().accept(decision);
        }

        private String describeWindow() {
            return options.batches().isEmpty() ? "all batches"
                    : String.join(",", new java.util.TreeSet<>(options.batches()));
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of " + file, e);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}

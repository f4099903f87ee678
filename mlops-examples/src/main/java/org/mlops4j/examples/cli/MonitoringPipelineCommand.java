package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineProgress;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.tracking.TrackingPipelineListener;
import org.mlops4j.examples.leadscoring.DataPipelineOptions;
import org.mlops4j.examples.leadscoring.LeadScoringMonitoring;
import org.mlops4j.examples.leadscoring.LeadScoringPipelines;
import org.mlops4j.examples.leadscoring.LeadScoringTraining;
import org.mlops4j.examples.leadscoring.MonitoringOptions;
import org.mlops4j.examples.leadscoring.MonitoringOutcome;
import org.mlops4j.examples.leadscoring.TrainingOptions;
import org.mlops4j.examples.leadscoring.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline run monitoring}: the serving window against the training data, and the policy's action. */
@Command(name = "monitoring", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the monitoring pipeline: load_serving_window, load_reference, check_quality, "
            + "check_drift, take_action, log_monitoring_window. Writes drift_report.json/.html and decision.json to "
            + "the output folder and records the window in the experiment 'monitoring'. Policy: [0, 5) none, [5, 10] "
            + "retrain, (10, 100] escalate (percentage points of moved mass); AUC > 0.75, precision > 0.65 and "
            + "recall > 0.75 on --labels, else retrain. Retrain runs the data and training pipelines on --retrain-data "
            + "into --reference-db (without it, the decision is only logged); escalate writes an alert file. "
            + "Exit code 1 when the decision is retrain or escalate.")
final class MonitoringPipelineCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--serving-log", required = true, paramLabel = "FILE", description = "The serving log.")
    private Path servingLog;

    @Option(names = "--reference-db", required = true, paramLabel = "FILE",
            description = "The training data's SQLite file (model_input), the reference.")
    private Path referenceDb;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where reports and alerts go.")
    private Path output;

    @Option(names = "--batch", split = ",", paramLabel = "ID",
            description = "The serving log's batches in the window (default: all).")
    private List<String> batches;

    @Option(names = "--labels", paramLabel = "CSV",
            description = "Raw leads of the window with app_complete_flag, to measure the model's quality.")
    private Path labels;

    @Option(names = "--retrain-data", paramLabel = "CSV",
            description = "Labelled raw leads to retrain on when the decision is retrain.")
    private Path retrainData;

    @Option(names = "--model-name", paramLabel = "NAME", defaultValue = "lead-scoring",
            description = "Registered model (default: ${DEFAULT-VALUE}).")
    private String modelName;

    @Mixin
    private StoreOptions store;

    @Mixin
    private ProgressOptions progress;

    @Override
    public Integer call() {
        InputFiles.requireFile(servingLog, "--serving-log");
        InputFiles.requireDatabase(referenceDb, "--reference-db");
        InputFiles.requireWritableFolder(output, "--output");
        if (labels != null) {
            InputFiles.requireFile(labels, "--labels");
        }
        if (retrainData != null) {
            InputFiles.requireFile(retrainData, "--retrain-data");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> actionLines = new ArrayList<>();
        try (TrackingLocation location = store.open();
             PipelineRunner actionRunner = PipelineRunner.builder().threads(1)
                     .listener(TrackingPipelineListener.of(location.tracking())).build()) {
            MonitoringOptions.Builder options = MonitoringOptions.builder(servingLog, referenceDb, output)
                    .modelName(modelName).batches(batches == null ? Set.of() : Set.copyOf(batches))
                    .escalate(decision -> actionLines.add("ESCALATED: " + decision.reason()));
            if (labels != null) {
                options.labelledBatch(labels);
            }
            if (retrainData != null) {
                options.retrain(decision -> {
                    PipelineRun data = actionRunner.run(LeadScoringPipelines.data(
                            DataPipelineOptions.builder(retrainData, referenceDb).build()));
                    if (PipelineOutcomes.exitCode(spec, data) != ExitCodes.OK) {
                        throw new org.mlops4j.core.MlopsException("The data pipeline failed on " + retrainData);
                    }
                    PipelineRun training = actionRunner.run(LeadScoringTraining.pipeline(referenceDb,
                            location.tracking(), location.registry(),
                            TrainingOptions.defaults().withModelName(modelName)));
                    TrainingOutcome outcome = training.output(LeadScoringTraining.TRAINING_OUTCOME,
                            TrainingOutcome.class).orElseThrow(() -> new org.mlops4j.core.MlopsException(
                            "The training pipeline failed: " + training.steps()));
                    actionLines.add("RETRAINED: " + outcome.decision());
                    return "version " + outcome.version() + (outcome.promoted() ? " promoted" : " kept");
                });
            }
            Pipeline pipeline = LeadScoringMonitoring.pipeline(location.tracking(), location.registry(),
                    options.build());
            PipelineRun run;
            try (PipelineRunner runner = PipelineRunner.builder().threads(1)
                    .listener(TrackingPipelineListener.of(location.tracking()))
                    .listener(PipelineProgress.of(pipeline, progress.listener(spec.commandLine().getErr())))
                    .build()) {
                run = runner.run(pipeline);
            }
            PipelineOutcomes.printSteps(out, run);
            actionLines.forEach(out::println);
            int code = PipelineOutcomes.exitCode(spec, run);
            if (code != ExitCodes.OK) {
                return code;
            }
            MonitoringOutcome outcome = run.output(LeadScoringMonitoring.MONITORING_OUTCOME, MonitoringOutcome.class)
                    .orElseThrow();
            out.printf(Locale.ROOT, "window %s: %d rows, drift share %.2f, max deviation %.2f pp (%s), quality %s"
                            + " -> %s%n", outcome.window(), outcome.rows(), outcome.driftShare(), outcome.maxDeviation(),
                    outcome.outcome().decision().decidingColumn(),
                    outcome.quality().isEmpty() ? "not measured" : formatted(outcome.quality()),
                    outcome.action().key());
            out.println(outcome.outcome().decision().reason());
            outcome.outcome().actions().forEach(a -> out.println("action " + a.action() + ": "
                    + (a.succeeded() ? "done" : "FAILED") + " " + a.detail()));
            out.println("reports: " + outcome.driftReportHtml().getParent() + " (monitoring run " + outcome.runId()
                    + ")");
            return outcome.action() == ActionKind.NONE ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
        }
    }

    /** @return {@code auc 0.738, precision 0.612, ...}: each measure with three decimals */
    private static String formatted(Map<String, Double> quality) {
        return quality.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}

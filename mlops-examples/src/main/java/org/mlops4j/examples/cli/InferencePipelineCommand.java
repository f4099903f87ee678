package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineProgress;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.tracking.TrackingPipelineListener;
import org.mlops4j.examples.leadscoring.InferenceOptions;
import org.mlops4j.examples.leadscoring.InferenceOutcome;
import org.mlops4j.examples.leadscoring.LeadScoringInference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline run inference}: scores a batch with the Production version. */
@Command(name = "inference", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the inference pipeline: encode_data, input_features_check, load_model, predict, "
            + "prediction_col_check, capture_serving_log, log_kpis. The batch's model_input (from: mlops pipeline run "
            + "data --inference) is scored by the Production version; predictions.csv, prediction_distribution.jsonl "
            + "and serving_log.jsonl go to the output folder, metrics and KPIs to a tracking run.")
final class InferencePipelineCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The batch's SQLite file.")
    private Path database;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Where predictions, prediction shares and the serving log go.")
    private Path output;

    @Option(names = "--batch", paramLabel = "ID", defaultValue = "batch",
            description = "The batch's id in the serving log (default: ${DEFAULT-VALUE}).")
    private String batch;

    @Option(names = "--sample-rate", paramLabel = "X", defaultValue = "0.1",
            description = "Share of requests captured in the serving log (default: ${DEFAULT-VALUE}, as a production "
                    + "server logs a sample; demo logs every request).")
    private double sampleRate;

    @Option(names = "--minutes-per-lead", paramLabel = "X", defaultValue = "5",
            description = "Manual minutes a scored lead saves (default: ${DEFAULT-VALUE}).")
    private double minutesPerLead;

    @Option(names = "--uncertainty-band", paramLabel = "LOW,HIGH", split = ",", defaultValue = "0.4,0.6",
            description = "Scores left for manual validation (default: ${DEFAULT-VALUE}).")
    private double[] band;

    @Option(names = "--model-name", paramLabel = "NAME", defaultValue = "lead-scoring",
            description = "Registered model (default: ${DEFAULT-VALUE}).")
    private String modelName;

    @Mixin
    private StoreOptions store;

    @Mixin
    private ProgressOptions progress;

    @Override
    public Integer call() {
        InputFiles.requireDatabase(database, "--db");
        InputFiles.requireWritableFolder(output, "--output");
        if (band.length != 2) {
            throw OptionValues.invalid(spec, "--uncertainty-band", "it takes two numbers, LOW,HIGH; was "
                    + java.util.Arrays.toString(band), null);
        }
        InferenceOptions options = InferenceOptions.builder(database, output).batch(batch).sampleRate(sampleRate)
                .minutesPerLead(minutesPerLead).uncertaintyBand(band[0], band[1]).modelName(modelName).build();
        PrintWriter out = spec.commandLine().getOut();
        try (TrackingLocation location = store.openExisting()) {
            Pipeline pipeline = LeadScoringInference.pipeline(location.tracking(), location.registry(), options);
            PipelineRun run;
            try (PipelineRunner runner = PipelineRunner.builder().threads(1)
                    .listener(TrackingPipelineListener.of(location.tracking()))
                    .listener(PipelineProgress.of(pipeline, progress.listener(spec.commandLine().getErr())))
                    .build()) {
                run = runner.run(pipeline);
            }
            PipelineOutcomes.printSteps(out, run);
            run.output(LeadScoringInference.INFERENCE_OUTCOME, InferenceOutcome.class).ifPresent(o ->
                    out.printf(Locale.ROOT, "batch %s: %d rows scored by version %d (%d failed); predicted 1: %.4f,"
                                    + " 0: %.4f; %d captured; KPIs: %d leads scored automatically, %.1f manual hours"
                                    + " saved, %.4f left for manual validation (run %s)%n", o.batch(), o.rows(),
                            o.modelVersion(), o.failedRows(), o.shareOfOnes(), o.shareOfZeros(), o.capturedRows(),
                            o.leadsScored(), o.manualHoursSaved(), o.shareForManualValidation(), o.runId()));
            return PipelineOutcomes.exitCode(spec, run);
        }
    }
}

package org.mlops4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineProgress;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.tracking.TrackingPipelineListener;
import org.mlops4j.examples.leadscoring.LeadScoringTraining;
import org.mlops4j.examples.leadscoring.TrainingOptions;
import org.mlops4j.examples.leadscoring.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops pipeline run training}: the case study's training pipeline on a database of the data pipeline. */
@Command(name = "training", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the training pipeline: encode_features, get_trained_model. Compares the model families "
            + "on model_input (each candidate a nested run), registers the best as a new version, and promotes it to "
            + "Production (alias champion) only if its held-out AUC beats the current Production version's.")
final class TrainingPipelineCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE",
            description = "The SQLite file with model_input (from: mlops pipeline run data).")
    private Path database;

    @Mixin
    private StoreOptions store;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Experiment of the training runs "
            + "(default: lead-scoring).")
    private String experiment;

    @Option(names = "--model-name", paramLabel = "NAME", description = "Registered model (default: lead-scoring).")
    private String modelName;

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default: 3, so that the "
            + "case study retrains in seconds; train defaults to PyCaret's 10).")
    private Integer folds;

    @Option(names = "--models", split = ",", paramLabel = "KEY",
            description = "Model families to compare (default: lr,dt,rf,xgboost,nb,dummy).")
    private List<String> models;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the split, folds and trainers (default: 42).")
    private Long seed;

    @Mixin
    private ProgressOptions progress;

    @Override
    public Integer call() {
        InputFiles.requireDatabase(database, "--db");
        TrainingOptions options = TrainingOptions.defaults();
        if (experiment != null) {
            options = options.withExperiment(experiment);
        }
        if (modelName != null) {
            options = options.withModelName(modelName);
        }
        if (folds != null) {
            TrainingOptions base = options;
            options = OptionValues.apply(spec, "--folds", () -> base.withFolds(folds));
        }
        if (models != null && !models.isEmpty()) {
            options = options.withFamilies(models);
        }
        if (seed != null) {
            options = options.withSeed(seed);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TrackingLocation location = store.open()) {
            Pipeline pipeline = LeadScoringTraining.pipeline(database, location.tracking(), location.registry(),
                    options);
            PipelineRun run;
            try (PipelineRunner runner = PipelineRunner.builder().threads(1)
                    .listener(TrackingPipelineListener.of(location.tracking()))
                    .listener(PipelineProgress.of(pipeline, progress.listener(spec.commandLine().getErr())))
                    .build()) {
                run = runner.run(pipeline);
            }
            PipelineOutcomes.printSteps(out, run);
            run.output(LeadScoringTraining.TRAINING_OUTCOME, TrainingOutcome.class).ifPresent(outcome -> {
                out.print(outcome.leaderboard().toText());
                out.println(outcome.decision());
            });
            return PipelineOutcomes.exitCode(spec, run);
        }
    }
}

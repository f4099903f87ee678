package org.mlops4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.models.CompareOptions;
import org.mlops4j.models.EvaluationMetric;
import org.mlops4j.models.Leaderboard;
import org.mlops4j.models.LeaderboardEntry;
import org.mlops4j.models.LoggedModel;
import org.mlops4j.models.ModelEvaluation;
import org.mlops4j.models.ModelResult;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.TrackingModelingListener;
import org.mlops4j.models.TuningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops train}: compares model families on any labelled CSV file and prints the leaderboard. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare model families on a labelled CSV file by cross-validation, as PyCaret's "
                + "compare_models (or tune one family with --tune, as tune_model): one parent run in the experiment, "
                + "one nested run per candidate. Prints the leaderboard (as JSON with --json). With --register or "
                + "--evaluation-html, also trains the best candidate on the training split and evaluates it on the "
                + "test split (curves, confusion matrix, gains), logged on the parent run.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private MissingValueOptions missingValues;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "The labelled rows.")
    private Path input;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The target column.")
    private String target;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "10",
            description = "Cross-validation folds (default: ${DEFAULT-VALUE}, PyCaret's; the case study's demo and "
                    + "pipeline run training use 3, to finish in seconds).")
    private int folds;

    @Option(names = "--models", split = ",", paramLabel = "KEY",
            description = "Model families to compare (default: every family of the task but the slow ones; see "
                    + "--all-families).")
    private List<String> models;

    @Option(names = "--all-families", description = "Without --models, also compare the slow families left out by "
            + "default (Tribuo's own trees tribuo_dt, tribuo_rf, tribuo_et), as PyCaret's turbo=False.")
    private boolean allFamilies;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the split, folds, trainers and --tune's search (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private StoreOptions store;

    @Option(names = "--experiment", paramLabel = "NAME", defaultValue = "Default",
            description = "Experiment of the runs (default: ${DEFAULT-VALUE}).")
    private String experiment;

    @Option(names = "--tune", paramLabel = "FAMILY",
            description = "Tune one family instead of comparing families: a random search over its parameters "
                    + "(--iterations sampled configurations and the defaults), ranked by AUC (R2 for regression).")
    private String tune;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
            description = "Configurations --tune samples (default: ${DEFAULT-VALUE}, PyCaret's n_iter).")
    private int iterations;

    @Option(names = "--register", paramLabel = "NAME",
            description = "Log the best model (trained on the training split) with its evaluation on the parent run "
                    + "and register it as a new version of NAME (created when missing).")
    private String register;

    @Option(names = "--json", description = "Print the leaderboard as JSON.")
    private boolean json;

    @Option(names = "--evaluation-html", paramLabel = "FILE",
            description = "Also write the best model's evaluation on the test split as an HTML page (and log it "
                    + "with its JSON on the run).")
    private Path evaluationHtml;

    @Mixin
    private ProgressOptions progress;

    @Override
    public Integer call() {
        if (tune != null && models != null && !models.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Give either --tune FAMILY (tune one family) or "
                    + "--models (compare families), not both");
        }
        if (evaluationHtml != null) {
            InputFiles.requireWritableFile(evaluationHtml, "--evaluation-html");
        }
        Table table = InputFiles.readCsv(input, "--input", missingValues.reader().build());
        if (!table.hasColumn(target)) {
            throw OptionValues.invalid(spec, "--target", "the file " + input + " has no column '" + target
                    + "'; its columns are " + table.columnNames(), null);
        }
        ModelingSetup.Builder setupBuilder = OptionValues.apply(spec, "--folds",
                () -> ModelingSetup.builder(table, target).folds(folds)).seed(seed)
                .progress(progress.listener(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        try (TrackingLocation location = store.open()) {
            ActiveRun parent = OptionValues.apply(spec, "--experiment",
                    () -> location.tracking().startRun(experiment, tune != null ? "tune_model" : "compare_models"));
            try {
                parent.logParams(Map.of("input", input.toString(), "target", target, "folds", folds, "seed", seed));
                if (tune != null) {
                    parent.logParams(Map.of("tune", tune, "iterations", iterations));
                }
                ModelingSetup setup = setupBuilder.listener(TrackingModelingListener.under(parent)).build();
                Candidates candidates = tune != null ? tune(setup) : compare(setup);
                Leaderboard board = candidates.board();
                parent.logText(board.toJson(), "leaderboard.json");
                parent.logText(board.toHtml(), "leaderboard.html");
                board.best().ifPresent(best -> parent.setTag("mlops.best_family", best.family()));
                Optional<ModelVersion> registered = Optional.empty();
                if (evaluationHtml != null || register != null) {
                    ModelResult best = candidates.tuned().orElseGet(() -> trainBest(setup, board, parent));
                    ModelTracking models = ModelTracking.of(location.tracking(), location.registry());
                    writeEvaluation(setup, best, parent, models);
                    if (register != null) {
                        LoggedModel logged = models.logModel(parent, best.model(), setup.trainingRows());
                        registered = Optional.of(models.register(logged, register));
                    }
                }
                parent.end(RunStatus.FINISHED);
                if (json) {
                    out.println(board.toJson());
                } else {
                    out.print(board.toText());
                    if (evaluationHtml != null) {
                        out.println("evaluation of " + board.best().map(LeaderboardEntry::family).orElse("")
                                + " written to " + evaluationHtml);
                    }
                    registered.ifPresent(v -> out.println("registered " + v.name() + " version " + v.version()
                            + " from " + v.source() + " (load it as models:/" + v.name() + "/" + v.version() + ")"));
                    out.println("run " + parent.id() + " in experiment " + experiment + " at " + location.uri());
                }
                return ExitCodes.OK;
            } catch (RuntimeException e) {
                parent.end(RunStatus.FAILED);
                throw e;
            }
        }
    }

    /** The leaderboard of a comparison or a tuning, and the tuned model when tuning trained one. */
    private record Candidates(Leaderboard board, Optional<ModelResult> tuned) {
    }

    private Candidates compare(ModelingSetup setup) {
        CompareOptions options = CompareOptions.defaults().turbo(!allFamilies);
        if (models != null && !models.isEmpty()) {
            options = options.include(models.toArray(String[]::new));
        }
        return new Candidates(setup.compareModels(options), Optional.empty());
    }

    private Candidates tune(ModelingSetup setup) {
        OptionValues.apply(spec, "--tune", () -> setup.family(tune));
        long start = System.nanoTime();
        EvaluationMetric metric = EvaluationMetric.defaultFor(setup.task());
        TuningResult tuning = OptionValues.apply(spec, "--iterations", () -> setup.tuneModel(tune, iterations,
                metric));
        Leaderboard trials = new Leaderboard(setup.task(), metric, setup.folds(), tuning.trials(),
                Duration.ofNanos(System.nanoTime() - start));
        return new Candidates(trials, Optional.of(tuning.model()));
    }

    private static ModelResult trainBest(ModelingSetup setup, Leaderboard board, ActiveRun run) {
        LeaderboardEntry best = board.best().orElseThrow(() -> new DataException("No model family could be trained"
                + " on this data, so there is no model to evaluate or register (each family's error is in "
                + "leaderboard.json of run " + run.id() + "); check --target and the rows, or choose other families "
                + "with --models", null, 0, null, null));
        return setup.createModel(best.family(), best.params());
    }

    private void writeEvaluation(ModelingSetup setup, ModelResult best, ActiveRun run, ModelTracking models) {
        ModelEvaluation evaluation = setup.evaluation(best.model());
        models.logEvaluation(run, evaluation);
        if (evaluationHtml == null) {
            return;
        }
        try {
            Path parent = evaluationHtml.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(evaluationHtml, evaluation.toHtml());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the evaluation to " + evaluationHtml, e);
        }
    }
}

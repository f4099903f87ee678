package org.mlops4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.models.CompareOptions;
import org.mlops4j.models.Leaderboard;
import org.mlops4j.models.LeaderboardEntry;
import org.mlops4j.models.ModelEvaluation;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.TrackingModelingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops train}: compares model families on any labelled CSV file and prints the leaderboard. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compare model families on a labelled CSV file by cross-validation, as PyCaret's "
                + "compare_models: one parent run in the experiment, one nested run per candidate. Prints the "
                + "leaderboard (as JSON with --json). With --evaluation-html, also trains the best family on the "
                + "training split and writes its evaluation on the test split (curves, confusion matrix, gains).")
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "The labelled rows.")
    private Path input;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The target column.")
    private String target;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "10",
            description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    private int folds;

    @Option(names = "--models", split = ",", paramLabel = "KEY",
            description = "Model families to compare (default: every family of the task but the slow ones; see "
                    + "--all-families).")
    private List<String> models;

    @Option(names = "--all-families", description = "Without --models, also compare the slow families left out by "
            + "default (Tribuo's own trees tribuo_dt, tribuo_rf, tribuo_et), as PyCaret's turbo=False.")
    private boolean allFamilies;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--tracking-uri", paramLabel = "URI", description = "Runs (default: file:./mlruns).")
    private String trackingUri;

    @Option(names = "--experiment", paramLabel = "NAME", defaultValue = "Default",
            description = "Experiment of the runs (default: ${DEFAULT-VALUE}).")
    private String experiment;

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
        if (evaluationHtml != null) {
            InputFiles.requireWritableFile(evaluationHtml, "--evaluation-html");
        }
        Table table = InputFiles.readCsv(input, "--input");
        if (!table.hasColumn(target)) {
            throw OptionValues.invalid(spec, "--target", "the file " + input + " has no column '" + target
                    + "'; its columns are " + table.columnNames(), null);
        }
        ModelingSetup.Builder setupBuilder = OptionValues.apply(spec, "--folds",
                () -> ModelingSetup.builder(table, target).folds(folds)).seed(seed)
                .progress(progress.listener(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        try (TrackingLocation location = TrackingLocation.open(trackingUri)) {
            ActiveRun parent = OptionValues.apply(spec, "--experiment",
                    () -> location.tracking().startRun(experiment, "compare_models"));
            try {
                parent.logParams(Map.of("input", input.toString(), "target", target, "folds", folds, "seed", seed));
                ModelingSetup setup = setupBuilder.listener(TrackingModelingListener.under(parent)).build();
                CompareOptions options = CompareOptions.defaults().turbo(!allFamilies);
                if (models != null && !models.isEmpty()) {
                    options = options.include(models.toArray(String[]::new));
                }
                Leaderboard board = setup.compareModels(options);
                parent.logText(board.toJson(), "leaderboard.json");
                parent.logText(board.toHtml(), "leaderboard.html");
                board.best().ifPresent(best -> parent.setTag("mlops.best_family", best.family()));
                if (evaluationHtml != null) {
                    writeEvaluation(setup, board, parent);
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
                    out.println("run " + parent.id() + " in experiment " + experiment + " at " + location.uri());
                }
                return ExitCodes.OK;
            } catch (RuntimeException e) {
                parent.end(RunStatus.FAILED);
                throw e;
            }
        }
    }

    private void writeEvaluation(ModelingSetup setup, Leaderboard board, ActiveRun run) {
        LeaderboardEntry best = board.best().orElseThrow(() -> new DataException("No model family could be trained"
                + " on this data, so there is no model to evaluate (each family's error is in leaderboard.json of run "
                + run.id() + "); check --target and the rows, or choose other families with --models", null, 0, null,
                null));
        ModelEvaluation evaluation = setup.evaluation(setup.createModel(best.family(), best.params()).model());
        evaluation.logTo(run);
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

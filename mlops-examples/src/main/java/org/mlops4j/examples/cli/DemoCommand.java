package org.mlops4j.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlops4j.examples.leadscoring.DemoOptions;
import org.mlops4j.examples.leadscoring.DemoSummary;
import org.mlops4j.examples.leadscoring.LeadScoringDemo;
import org.mlops4j.examples.leadscoring.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops demo}: the case study's whole lifecycle on generated data. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the whole lifecycle on generated leads: data pipeline, profile report, model comparison, "
            + "registration and promotion, then three inference batches with no, moderate and large drift, each "
            + "monitored against the training data, and the policy's actions (none; retrain; escalate). Prints a "
            + "summary table and where the reports and the tracking store are.")
final class DemoCommand implements Callable<Integer> {

    /** What a demo writes into its working folder. */
    private static final List<String> DEMO_FOLDERS = List.of("data", "db", "reports", "serving", "mlruns");

    @Spec
    private CommandSpec spec;

    @Option(names = "--workdir", paramLabel = "DIR", defaultValue = "mlops-demo",
            description = "Where data, databases, reports and mlruns go (default: ${DEFAULT-VALUE}).")
    private Path workdir;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "15000",
            description = "Rows of generated training data (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "The seed of the generator and of training (default: ${DEFAULT-VALUE}; train and "
                    + "pipeline run training default to 42).")
    private long seed;

    @Option(names = "--batch-rows", paramLabel = "N",
            description = "Rows of each inference batch (default: a fifth of --rows, at least 2000).")
    private Integer batchRows;

    @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds (default: 3, so that the "
            + "demo takes seconds; train defaults to PyCaret's 10).")
    private Integer folds;

    @Option(names = "--models", split = ",", paramLabel = "KEY",
            description = "Model families to compare (default: lr,dt,rf,xgboost,nb,dummy).")
    private List<String> models;

    @Option(names = "--sample-rate", paramLabel = "X", defaultValue = "1.0",
            description = "Share of requests captured in the serving log (default: ${DEFAULT-VALUE}, every request "
                    + "of the demo's batches; serve and pipeline run inference default to 0.1, a sample as in "
                    + "production).")
    private double sampleRate;

    @Option(names = "--tracking-uri", paramLabel = "URI",
            description = "Where runs and the registry are (default: file:<workdir>/mlruns).")
    private String trackingUri;

    @Option(names = "--fresh", description = "Delete what an earlier demo left in --workdir (data, db, reports, "
            + "serving, mlruns) before running; without it, a used --workdir is refused.")
    private boolean fresh;

    @Override
    public Integer call() {
        InputFiles.requireWritableFolder(workdir, "--workdir");
        List<Path> used = DEMO_FOLDERS.stream().map(workdir::resolve).filter(Files::exists).toList();
        if (!used.isEmpty() && !fresh) {
            throw OptionValues.invalid(spec, "--workdir", workdir + " already holds an earlier demo's "
                    + used.stream().map(p -> p.getFileName().toString()).toList() + "; running again would add "
                    + "versions and runs to its store. Pass --fresh to delete them first, or choose another "
                    + "--workdir", null);
        }
        used.forEach(DemoCommand::deleteTree);
        DemoOptions options = OptionValues.apply(spec, "--rows", () -> DemoOptions.of(workdir, rows, seed));
        if (batchRows != null) {
            DemoOptions base = options;
            options = OptionValues.apply(spec, "--batch-rows", () -> base.withBatchRows(batchRows));
        }
        TrainingOptions training = options.training();
        if (folds != null) {
            TrainingOptions base = training;
            training = OptionValues.apply(spec, "--folds", () -> base.withFolds(folds));
        }
        if (models != null && !models.isEmpty()) {
            training = training.withFamilies(models);
        }
        DemoOptions trained = options.withTraining(training);
        options = OptionValues.apply(spec, "--sample-rate", () -> trained.withSampleRate(sampleRate));
        if (trackingUri != null) {
            options = options.withTrackingUri(trackingUri);
        }
        PrintWriter out = spec.commandLine().getOut();
        DemoSummary summary = new LeadScoringDemo(options, out).run();
        out.println();
        out.print(summary.toText());
        out.println();
        out.printf("Finished in %.1f s.%n", summary.duration().toMillis() / 1000.0);
        out.println("Reports: " + summary.reports() + " (profile.html; per batch drift_report.html, decision.json,"
                + " alerts/)");
        out.println("Serving log and predictions: " + summary.workdir().resolve("serving"));
        out.println("Runs and models: " + summary.mlruns());
        return ExitCodes.OK;
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder + " for --fresh: " + e.getMessage(), e);
        }
    }
}

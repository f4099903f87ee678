package org.mlops4j.examples.leadscoring;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.PipelineState;
import org.mlops4j.core.pipeline.StepError;
import org.mlops4j.core.pipeline.StepRun;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingPipelineListener;
import org.mlops4j.drift.profile.ProfileReport;
import org.mlops4j.drift.profile.TableProfile;

/**
 * The whole lifecycle of the case study in one call: generate labelled leads, run the data pipeline, profile the
 * model input, compare models and register and promote the best, then score three inference batches (no drift,
 * moderate drift, large drift), monitor each against the training data, and let the policy act: nothing, retrain
 * (a new version, promoted when it beats the old one on held-out rows), escalate (an alert file).
 *
 * <p>Files under the workdir: {@code data/} (generated CSVs), {@code db/} (SQLite databases of the data pipeline),
 * {@code reports/} (profile, per batch the drift reports, the decision and alerts), {@code serving/} (serving log,
 * predictions, prediction shares), and {@code mlruns/} (runs and the model registry) unless another tracking URI is
 * given. Every pipeline run is recorded with {@link TrackingPipelineListener}.
 */
public final class LeadScoringDemo {

    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    private final DemoOptions options;
    private final PrintWriter out;
    private final long start = System.nanoTime();

    /**
     * @param options  the settings
     * @param progress where progress lines go
     */
    public LeadScoringDemo(DemoOptions options, PrintWriter progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.out = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Runs the demo.
     *
     * @return the summary
     * @throws MlopsException when a pipeline fails, naming the step and its error
     */
    public DemoSummary run() {
        TRIBUO_LOG.setLevel(Level.WARNING);
        Path work = options.workdir().toAbsolutePath();
        Path data = work.resolve("data");
        Path db = work.resolve("db");
        Path reports = work.resolve("reports");
        Path serving = work.resolve("serving");
        Mlops mlops = Mlops.builder().property(MlopsProperties.TRACKING_URI, options.trackingUri()).build();
        try (TrackingClient tracking = TrackingClient.open(mlops, URI.create(options.trackingUri()));
             ModelRegistry registry = mlops.openModelRegistry();
             PipelineRunner runner = PipelineRunner.builder().threads(1)
                     .listener(TrackingPipelineListener.of(tracking)).build();
             // the pipelines an action starts run while the monitoring pipeline waits for them: another runner
             PipelineRunner actionRunner = PipelineRunner.builder().threads(1)
                     .listener(TrackingPipelineListener.of(tracking)).build()) {
            Path trainingCsv = data.resolve("leads.csv");
            LeadGenerator.builder().seed(options.seed()).rows(options.rows()).build().write(trainingCsv);
            progress("generate: %d labelled leads -> %s", options.rows(), work.relativize(trainingCsv));
            Path trainingDb = db.resolve("training.db");
            runData(runner, trainingCsv, trainingDb, false);
            progress("pipeline data: model_input in %s", work.relativize(trainingDb));
            Table modelInput = LeadScoringTraining.readModelInput(trainingDb);
            ProfileReport profile = ProfileReport.of(TableProfile.of(modelInput), "Lead scoring: model input");
            profile.writeHtml(reports.resolve("profile.html"));
            profile.writeJson(reports.resolve("profile.json"));
            progress("profile: %d rows, %d columns, %d alerts -> reports/profile.html", modelInput.rowCount(),
                    modelInput.columnCount(), profile.alerts().size());
            TrainingOutcome first = runTraining(runner, tracking, registry, trainingDb);
            progress("pipeline training: %s", first.decision());

            AtomicReference<Path> labelledData = new AtomicReference<>(trainingCsv);
            List<DemoBatch> rows = new ArrayList<>();
            List<BatchPlan> plans = List.of(
                    new BatchPlan("batch-1", "none", List.of()),
                    new BatchPlan("batch-2", fmt(options.moderateDrift()) + " pp in first_platform_c",
                            List.of(LeadDrift.moveMass(LeadDistributions.PLATFORM, options.moderateDrift()))),
                    new BatchPlan("batch-3", fmt(options.largeDrift()) + " pp in first_utm_source_c",
                            List.of(LeadDrift.moveMass(LeadDistributions.SOURCE, options.largeDrift()))));
            int offset = 1;
            for (BatchPlan plan : plans) {
                Path labelled = data.resolve(plan.id() + "-labelled.csv");
                Table batch = LeadGenerator.builder().seed(options.seed() + offset).rows(options.batchRows())
                        .startDate(LocalDate.of(2022, 2, 15).plusWeeks(offset - 1))
                        .endDate(LocalDate.of(2022, 2, 21).plusWeeks(offset - 1))
                        .drift(plan.drift()).build().write(labelled);
                Path unlabelled = data.resolve(plan.id() + ".csv");
                CsvWriter.builder().build().write(batch.drop(LeadScoringSchemas.TARGET), unlabelled);
                offset++;
                Path batchDb = db.resolve(plan.id() + ".db");
                runData(runner, unlabelled, batchDb, true);
                InferenceOutcome scored = run(runner, LeadScoringInference.pipeline(tracking, registry,
                        InferenceOptions.builder(batchDb, serving).batch(plan.id()).seed(options.seed())
                                .sampleRate(options.sampleRate()).build()),
                        LeadScoringInference.INFERENCE_OUTCOME, InferenceOutcome.class);
                progress("pipeline inference %s: %d leads by v%d, predicted 1: %.3f, %d scored automatically, "
                                + "%.1f manual hours saved, %.3f left for manual validation", plan.id(), scored.rows(),
                        scored.modelVersion(), scored.shareOfOnes(), scored.leadsScored(), scored.manualHoursSaved(),
                        scored.shareForManualValidation());
                AtomicReference<String> actionResult = new AtomicReference<>("no action");
                MonitoringOptions monitoring = MonitoringOptions.builder(serving.resolve(
                                InferenceOptions.SERVING_LOG_FILE), trainingDb, reports.resolve(plan.id()))
                        .batches(Set.of(plan.id())).labelledBatch(labelled)
                        .retrain(decision -> {
                            Path combined = data.resolve("leads-with-" + plan.id() + ".csv");
                            Path newRows = data.resolve(plan.id() + "-labelled-train.csv");
                            Path heldOutRows = data.resolve(plan.id() + "-labelled-held-out.csv");
                            splitCsv(labelled, newRows, heldOutRows, options.training().trainFraction(),
                                    options.seed());
                            appendCsv(labelledData.get(), newRows, combined);
                            labelledData.set(combined);
                            runData(actionRunner, combined, trainingDb, false);
                            Path heldOutDb = db.resolve(plan.id() + "-held-out.db");
                            runData(actionRunner, heldOutRows, heldOutDb, false);
                            TrainingOutcome retrained = run(actionRunner, LeadScoringTraining.pipeline(trainingDb,
                                    java.util.Optional.of(heldOutDb), tracking, registry, options.training()),
                                    LeadScoringTraining.TRAINING_OUTCOME, TrainingOutcome.class);
                            actionResult.set("retrained: " + retrained.decision());
                            return "version " + retrained.version() + (retrained.promoted() ? " promoted" : " kept");
                        })
                        .escalate(decision -> actionResult.set("escalated: alert in reports/" + plan.id() + "/"
                                + MonitoringOptions.ALERTS_FOLDER))
                        .build();
                MonitoringOutcome monitored = run(runner, LeadScoringMonitoring.pipeline(tracking, registry,
                        monitoring), LeadScoringMonitoring.MONITORING_OUTCOME, MonitoringOutcome.class);
                Double auc = monitored.quality().get("auc");
                progress("pipeline monitoring %s: drift share %.2f, max deviation %.2f pp (%s), quality %s -> %s",
                        plan.id(), monitored.driftShare(), monitored.maxDeviation(),
                        monitored.outcome().decision().decidingColumn(), formatQuality(monitored),
                        monitored.action().key());
                if (monitored.action() != ActionKind.NONE) {
                    progress("  %s", actionResult.get());
                }
                int production = registry.latestVersions(options.training().modelName(),
                        List.of(ModelStage.PRODUCTION)).stream().findFirst().map(v -> v.version()).orElse(0);
                rows.add(new DemoBatch(plan.id(), plan.description(), scored.rows(), scored.modelVersion(),
                        monitored.driftShare(), monitored.maxDeviation(),
                        monitored.outcome().decision().decidingColumn(), monitored.action().key(),
                        auc == null ? OptionalDouble.empty() : OptionalDouble.of(auc), actionResult.get(),
                        production));
            }
            return new DemoSummary(rows, first, work, reports, options.trackingUri(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private TrainingOutcome runTraining(PipelineRunner runner, TrackingClient tracking, ModelRegistry registry,
                                        Path trainingDb) {
        return run(runner, LeadScoringTraining.pipeline(trainingDb, tracking, registry, options.training()),
                LeadScoringTraining.TRAINING_OUTCOME, TrainingOutcome.class);
    }

    private static void runData(PipelineRunner runner, Path csv, Path database, boolean inference) {
        PipelineRun run = runner.run(LeadScoringPipelines.data(DataPipelineOptions.builder(csv, database)
                .inference(inference).build()));
        requireSucceeded(run);
    }

    private static <T> T run(PipelineRunner runner, Pipeline pipeline, String output, Class<T> type) {
        PipelineRun run = runner.run(pipeline);
        requireSucceeded(run);
        return run.output(output, type).orElseThrow(() -> new MlopsException("Pipeline " + run.pipelineName()
                + " succeeded without its output '" + output + "'"));
    }

    /** Fails like the first failed step: with a {@link ConfigurationException} when the demo's options caused it. */
    private static void requireSucceeded(PipelineRun run) {
        if (run.state() != PipelineState.SUCCEEDED) {
            Optional<StepRun> failed = run.steps().stream().filter(s -> s.lastError().isPresent()).findFirst();
            String problem = "Pipeline " + run.pipelineName() + " did not succeed (" + run.state() + "): "
                    + failed.map(s -> s.stepName() + ": " + s.lastError().orElseThrow().message())
                    .orElse(run.state().name());
            boolean causedByInput = failed.flatMap(StepRun::lastError).map(StepError::causedByInput).orElse(false);
            // the demo makes its own data, so its only input is its options
            throw causedByInput ? new ConfigurationException(problem) : new MlopsException(problem);
        }
    }

    /**
     * Writes the rows of two CSV files with the same header into a third.
     *
     * @param first  a CSV file
     * @param second a CSV file with the same header
     * @param target the file to write
     */
    static void appendCsv(Path first, Path second, Path target) {
        try (BufferedReader a = Files.newBufferedReader(first, StandardCharsets.UTF_8);
             BufferedReader b = Files.newBufferedReader(second, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            String header = a.readLine();
            String otherHeader = b.readLine();
            if (header == null || !header.equals(otherHeader)) {
                throw new org.mlops4j.core.DataException("The labelled batch's header differs from the training"
                        + " data's; expected " + header, second.toString(), 1, null, otherHeader);
            }
            w.write(header);
            w.newLine();
            for (BufferedReader reader : List.of(a, b)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    w.write(line);
                    w.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot combine " + first + " and " + second + " into " + target, e);
        }
    }

    /**
     * Splits the rows of a CSV file at random into two files with its header.
     *
     * @param file     a CSV file with a header and one row per line
     * @param first    gets about {@code fraction} of the rows
     * @param second   gets the others
     * @param fraction the share of rows for {@code first}
     * @param seed     the seed of the draw
     */
    static void splitCsv(Path file, Path first, Path second, double fraction, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             BufferedWriter a = Files.newBufferedWriter(first, StandardCharsets.UTF_8);
             BufferedWriter b = Files.newBufferedWriter(second, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            a.write(header);
            a.newLine();
            b.write(header);
            b.newLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                BufferedWriter out = random.nextDouble() < fraction ? a : b;
                out.write(line);
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot split " + file, e);
        }
    }

    private static String formatQuality(MonitoringOutcome monitored) {
        if (monitored.quality().isEmpty()) {
            return "not measured";
        }
        StringBuilder text = new StringBuilder();
        monitored.quality().forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.3f", v)));
        return text.toString();
    }

    private void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9,
                String.format(Locale.ROOT, format, args));
        out.flush();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** One batch to generate. */
    private record BatchPlan(String id, String description, List<LeadDrift> drift) {
    }
}

package org.mlops4j.examples.leadscoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CsvWriter;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.monitor.ServedBatch;
import org.mlops4j.core.monitor.ServingLog;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.PipelineStep;
import org.mlops4j.core.pipeline.Step;
import org.mlops4j.core.pipeline.StepContext;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.spi.support.Json;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.PredictedRow;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.ServedBatches;
import org.mlops4j.models.TrainedModel;

/**
 * The case study's inference pipeline, with a serving log and the business KPIs:
 * {@value #ENCODE_DATA} → {@value #INPUT_FEATURES_CHECK} → {@value #LOAD_MODEL} → {@value #PREDICT} →
 * {@value #PREDICTION_COL_CHECK} → {@value #CAPTURE_SERVING_LOG} → {@value #LOG_KPIS}.
 *
 * <ol>
 *   <li>{@value #ENCODE_DATA}: reads the batch's {@value LeadScoringPipelines#MODEL_INPUT} (written by the data
 *       pipeline with {@code inference}) with the column types training used; the model's own encoder one-hot
 *       encodes it when predicting;</li>
 *   <li>{@value #INPUT_FEATURES_CHECK}: the input schema registered with the Production version is enforced: a
 *       missing feature fails the pipeline with a {@link DataException} naming every missing column, a feature of
 *       another type with one naming the column, the expected and the found type;</li>
 *   <li>{@value #LOAD_MODEL}: loads exactly that version from the registry;</li>
 *   <li>{@value #PREDICT}: scores every row; a row that cannot be scored gets its reason, the others are scored;
 *       the scored leads are written to {@link InferenceOptions#predictions()};</li>
 *   <li>{@value #PREDICTION_COL_CHECK}: the share of predicted 1s and 0s, with a timestamp, is appended as one JSON
 *       line to {@link InferenceOptions#predictionShares()} and logged as metrics;</li>
 *   <li>{@value #CAPTURE_SERVING_LOG}: a seeded sample of requests and responses goes to the {@link ServingLog};</li>
 *   <li>{@value #LOG_KPIS}: logs {@value #LEADS_SCORED}, {@value #MANUAL_HOURS_SAVED} and
 *       {@value #SHARE_FOR_MANUAL_VALIDATION}.</li>
 * </ol>
 * Every run of the pipeline is recorded as one tracking run in {@link InferenceOptions#experiment()}, named after the
 * batch, holding the metrics; a failing step ends it {@code FAILED}. The output {@value #INFERENCE_OUTCOME} is an
 * {@link InferenceOutcome}. A pipeline object serves one run: build a new one per batch.
 */
public final class LeadScoringInference {

    /** The inference pipeline's name. */
    public static final String INFERENCE_PIPELINE = "inference";
    /** Step: read the batch's model input. */
    public static final String ENCODE_DATA = "encode_data";
    /** Step: enforce the Production version's input schema. */
    public static final String INPUT_FEATURES_CHECK = "input_features_check";
    /** Step: load the Production version. */
    public static final String LOAD_MODEL = "load_model";
    /** Step: score the rows. */
    public static final String PREDICT = "predict";
    /** Step: record the share of predicted 1s and 0s. */
    public static final String PREDICTION_COL_CHECK = "prediction_col_check";
    /** Step: capture a sample in the serving log. */
    public static final String CAPTURE_SERVING_LOG = "capture_serving_log";
    /** Step: log the business KPIs. */
    public static final String LOG_KPIS = "log_kpis";

    /** Output: the batch as a table. */
    public static final String ENCODED_DATA = "encoded_data";
    /** Output: the Production version checked. */
    public static final String PRODUCTION_VERSION = "production_version";
    /** Output: the loaded model. */
    public static final String MODEL = "model";
    /** Output: the predictions. */
    public static final String PREDICTIONS = "predictions";
    /** Output: the share of predicted 1s. */
    public static final String SHARE_OF_ONES = "share_of_ones";
    /** Output: rows captured. */
    public static final String CAPTURED_ROWS = "captured_rows";
    /** Output: the {@link InferenceOutcome}. */
    public static final String INFERENCE_OUTCOME = "inference_outcome";

    /** Metric: share of scored rows predicted 1. */
    public static final String SHARE_PREDICTED_1 = "share_predicted_1";
    /** Metric: share of scored rows predicted 0. */
    public static final String SHARE_PREDICTED_0 = "share_predicted_0";
    /** Metric: rows that could not be scored. */
    public static final String FAILED_ROWS = "failed_rows";
    /** Metric: how many input values of the batch were missing and imputed by the model's rule. */
    public static final String MISSING_VALUES = "missing_values_imputed";
    /** Metric: how many input values of the batch held a categorical level the model does not know. */
    public static final String UNSEEN_LEVELS = "unseen_levels_mapped";
    /** KPI metric: leads scored automatically. */
    public static final String LEADS_SCORED = "leads_scored";
    /** KPI metric: manual hours saved. */
    public static final String MANUAL_HOURS_SAVED = "manual_hours_saved";
    /** KPI metric: share of leads left for manual validation. */
    public static final String SHARE_FOR_MANUAL_VALIDATION = "share_for_manual_validation";


    private LeadScoringInference() {
    }

    /**
     * @param tracking where the inference run is recorded and the model's artifacts are
     * @param registry where the Production version is found
     * @param options  the batch, the files and the KPI settings
     * @return the pipeline, for one run
     */
    public static Pipeline pipeline(TrackingClient tracking, ModelRegistry registry, InferenceOptions options) {
        InferenceSteps steps = new InferenceSteps(tracking, registry, options);
        return Pipeline.builder(INFERENCE_PIPELINE)
                .step(Step.named(ENCODE_DATA).outputs(ENCODED_DATA).persistOutputs(false)
                        .run(steps.tracked(steps::encodeData)))
                .step(Step.named(INPUT_FEATURES_CHECK).inputs(ENCODED_DATA).outputs(PRODUCTION_VERSION)
                        .persistOutputs(false).run(steps.tracked(steps::inputFeaturesCheck)))
                .step(Step.named(LOAD_MODEL).inputs(PRODUCTION_VERSION).outputs(MODEL).persistOutputs(false)
                        .run(steps.tracked(steps::loadModel)))
                .step(Step.named(PREDICT).inputs(ENCODED_DATA, MODEL).outputs(PREDICTIONS).persistOutputs(false)
                        .run(steps.tracked(steps::predict)))
                .step(Step.named(PREDICTION_COL_CHECK).inputs(PREDICTIONS).outputs(SHARE_OF_ONES)
                        .persistOutputs(false).run(steps.tracked(steps::predictionColCheck)))
                .step(Step.named(CAPTURE_SERVING_LOG).inputs(ENCODED_DATA, MODEL, PREDICTIONS, PRODUCTION_VERSION)
                        .outputs(CAPTURED_ROWS).persistOutputs(false).run(steps.tracked(steps::captureServingLog)))
                .step(Step.named(LOG_KPIS).inputs(PREDICTIONS, MODEL, PRODUCTION_VERSION, SHARE_OF_ONES,
                        CAPTURED_ROWS).outputs(INFERENCE_OUTCOME).persistOutputs(false)
                        .run(steps.tracked(steps::logKpis)))
                .build();
    }

    /**
     * Checks a batch against a model version's registered input schema, with the check the model's
     * {@link org.mlops4j.models.Predictor} applies ({@link Schema#requireColumns}): every input column present, each of
     * the type the model was trained on.
     *
     * @param version the version whose schema is enforced
     * @param batch   the rows to score
     * @param source  where the rows come from, for the message
     * @throws DataException naming every missing column, or else the first column of another type with the expected
     *                       and the found type, the source and the version; or when the version has no schema
     */
    public static void checkInputFeatures(ModelVersion version, Table batch, String source) {
        Schema schema = version.inputSchema().orElseThrow(() -> new DataException("Model " + version.name()
                + " version " + version.version() + " has no registered input schema; register it with ModelTracking",
                source, 0, null, null));
        schema.requireColumns(batch, "Model " + version.name() + " version " + version.version(), source);
    }

    /** The steps of one inference run; they share the run's tracking record. */
    private static final class InferenceSteps {
        private final TrackingClient tracking;
        private final ModelRegistry registry;
        private final InferenceOptions options;
        private final Instant scoredAt = Instant.now();
        private ActiveRun run;

        InferenceSteps(TrackingClient tracking, ModelRegistry registry, InferenceOptions options) {
            this.tracking = Objects.requireNonNull(tracking, "tracking");
            this.registry = Objects.requireNonNull(registry, "registry");
            this.options = Objects.requireNonNull(options, "options");
        }

        PipelineStep tracked(PipelineStep step) {
            return context -> {
                try {
                    return step.run(context);
                } catch (Exception | Error e) {
                    synchronized (this) {
                        if (run != null) {
                            run.setTag("mlops.inference.failed_step", context.stepName());
                            run.end(RunStatus.FAILED);
                        }
                    }
                    throw e;
                }
            };
        }

        private synchronized ActiveRun run() {
            return run;
        }

        StepResult encodeData(StepContext context) {
            synchronized (this) {
                run = tracking.startRun(tracking.getOrCreateExperiment(options.experiment()), options.batch(),
                        Map.of("mlops.inference.batch", options.batch()));
            }
            Table batch = LeadScoringTraining.readModelInput(options.database());
            if (batch.hasColumn(LeadScoringSchemas.TARGET)) {
                batch = batch.drop(LeadScoringSchemas.TARGET);
            }
            context.log().info("Batch {}: {} rows, columns {}", options.batch(), batch.rowCount(),
                    batch.columnNames());
            return StepResult.of(ENCODED_DATA, batch);
        }

        StepResult inputFeaturesCheck(StepContext context) {
            Table batch = context.input(ENCODED_DATA, Table.class);
            ModelVersion production = registry.latestVersions(options.modelName(), List.of(ModelStage.PRODUCTION))
                    .stream().findFirst().orElseThrow(() -> new ModelNotFoundException("Model '"
                            + options.modelName() + "' has no version in Production; run the training pipeline or "
                            + "promote a version (mlops models transition)"));
            checkInputFeatures(production, batch, options.database() + "#" + LeadScoringPipelines.MODEL_INPUT);
            run().logParams(Map.of("model_name", production.name(), "model_version", production.version()));
            context.log().info("The batch has every input feature of {} version {}", production.name(),
                    production.version());
            return StepResult.of(PRODUCTION_VERSION, production);
        }

        StepResult loadModel(StepContext context) {
            ModelVersion version = context.input(PRODUCTION_VERSION, ModelVersion.class);
            TrainedModel model = ModelTracking.of(tracking, registry).load(version.uri().toString());
            context.log().info("Loaded {} version {} ({})", version.name(), version.version(), model.family());
            return StepResult.of(MODEL, model);
        }

        StepResult predict(StepContext context) {
            Table batch = context.input(ENCODED_DATA, Table.class);
            TrainedModel model = context.input(MODEL, TrainedModel.class);
            Predictions predictions = model.predictor().predict(batch);
            for (PredictedRow failed : predictions.failures()) {
                context.log().warn("Row {} not scored: {}", failed.row(), failed.error().orElse(""));
            }
            if (predictions.missingValues() + predictions.unseenLevels() > 0) {
                context.log().info("Imputed {} missing value(s) and {} unseen level(s) by the model's rule: {}",
                        predictions.missingValues(), predictions.unseenLevels(), predictions.imputation().stream()
                                .filter(c -> !c.none()).toList());
            }
            CsvWriter.builder().build().write(predictions.appendTo(batch), options.predictions());
            context.log().info("Scored {} of {} rows; predictions in {}", batch.rowCount()
                    - predictions.failures().size(), batch.rowCount(), options.predictions());
            return StepResult.of(PREDICTIONS, predictions);
        }

        StepResult predictionColCheck(StepContext context) {
            Predictions predictions = context.input(PREDICTIONS, Predictions.class);
            long ones = 0;
            long zeros = 0;
            for (PredictedRow row : predictions.rows()) {
                if (row.ok()) {
                    if (isPositive(row.label().orElse(""))) {
                        ones++;
                    } else {
                        zeros++;
                    }
                }
            }
            long scored = ones + zeros;
            double shareOfOnes = scored == 0 ? Double.NaN : (double) ones / scored;
            double shareOfZeros = scored == 0 ? Double.NaN : (double) zeros / scored;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("timestamp", scoredAt.toString());
            line.put("batch", options.batch());
            line.put("rows", predictions.size());
            line.put("share_of_1", shareOfOnes);
            line.put("share_of_0", shareOfZeros);
            appendLine(options.predictionShares(), line);
            ActiveRun r = run();
            if (scored > 0) {
                r.logMetric(SHARE_PREDICTED_1, shareOfOnes);
                r.logMetric(SHARE_PREDICTED_0, shareOfZeros);
            }
            r.logMetric(FAILED_ROWS, predictions.failures().size());
            r.logMetric(MISSING_VALUES, predictions.missingValues());
            r.logMetric(UNSEEN_LEVELS, predictions.unseenLevels());
            context.log().info("Predicted 1: {}, predicted 0: {}", format(shareOfOnes), format(shareOfZeros));
            return StepResult.of(SHARE_OF_ONES, shareOfOnes);
        }

        StepResult captureServingLog(StepContext context) {
            Table batch = context.input(ENCODED_DATA, Table.class);
            TrainedModel model = context.input(MODEL, TrainedModel.class);
            Predictions predictions = context.input(PREDICTIONS, Predictions.class);
            ModelVersion version = context.input(PRODUCTION_VERSION, ModelVersion.class);
            List<String> inputs = model.inputSchema().columnNames();
            ServedBatch served = ServedBatches.of(options.batch(), version.name(), version.version(), scoredAt,
                    batch, inputs, predictions, model.positiveLabel().orElse("1"));
            int captured = new ServingLog(options.servingLog()).append(served, options.sampleRate(), options.seed());
            run().logMetric("serving_log_rows", captured);
            context.log().info("Captured {} of {} requests in {}", captured, batch.rowCount(), options.servingLog());
            return StepResult.of(CAPTURED_ROWS, captured);
        }

        StepResult logKpis(StepContext context) {
            Predictions predictions = context.input(PREDICTIONS, Predictions.class);
            TrainedModel model = context.input(MODEL, TrainedModel.class);
            ModelVersion version = context.input(PRODUCTION_VERSION, ModelVersion.class);
            String positive = model.positiveLabel().orElse("1");
            int scored = 0;
            int uncertain = 0;
            for (PredictedRow row : predictions.rows()) {
                if (!row.ok()) {
                    continue;
                }
                scored++;
                double score = row.probabilities().getOrDefault(positive, row.score().orElse(Double.NaN));
                if (score >= options.uncertainLower() && score <= options.uncertainUpper()) {
                    uncertain++;
                }
            }
            double hours = scored * options.minutesPerLead() / 60.0;
            double manualShare = predictions.size() == 0 ? 0
                    : (double) (uncertain + predictions.failures().size()) / predictions.size();
            int leadsScored = scored - uncertain;
            ActiveRun r = run();
            r.logParams(Map.of("minutes_per_lead", options.minutesPerLead(), "uncertainty_band",
                    "[" + options.uncertainLower() + ", " + options.uncertainUpper() + "]", "sample_rate",
                    options.sampleRate()));
            r.logMetric(LEADS_SCORED, leadsScored);
            r.logMetric(MANUAL_HOURS_SAVED, leadsScored * options.minutesPerLead() / 60.0);
            r.logMetric(SHARE_FOR_MANUAL_VALIDATION, manualShare);
            r.end(RunStatus.FINISHED);
            int captured = context.input(CAPTURED_ROWS, Integer.class);
            double ones = context.input(SHARE_OF_ONES, Double.class);
            InferenceOutcome outcome = new InferenceOutcome(options.batch(), r.id(), version.version(),
                    predictions.size(), predictions.failures().size(), ones, Double.isNaN(ones) ? Double.NaN : 1 - ones,
                    captured, leadsScored, leadsScored * options.minutesPerLead() / 60.0, manualShare, scoredAt);
            context.log().info("KPIs: {} leads scored automatically, {} manual hours saved, {} left for manual "
                    + "validation (of {} scored, {} hours at most)", leadsScored,
                    format(outcome.manualHoursSaved()), format(manualShare), scored, format(hours));
            return StepResult.of(INFERENCE_OUTCOME, outcome);
        }

        private static boolean isPositive(String label) {
            return label.equals("1") || label.equals("1.0");
        }
    }

    private static void appendLine(Path file, Map<String, Object> line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + file, e);
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}

package org.mlops4j.examples.leadscoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.JdbcDatabase;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.Step;
import org.mlops4j.core.pipeline.StepContext;
import org.mlops4j.core.pipeline.StepResult;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.models.ChampionChallenger;
import org.mlops4j.models.CompareOptions;
import org.mlops4j.models.FeatureEncoder;
import org.mlops4j.models.Leaderboard;
import org.mlops4j.models.LeaderboardEntry;
import org.mlops4j.models.LoggedModel;
import org.mlops4j.models.EvaluationMetric;
import org.mlops4j.models.ModelEvaluation;
import org.mlops4j.models.ModelResult;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.PreprocessingOptions;
import org.mlops4j.models.PromotionDecision;
import org.mlops4j.models.TrackingModelingListener;
import org.mlops4j.models.TrainedModel;

/**
 * The case study's training pipeline: {@value #ENCODE_FEATURES} → {@value #GET_TRAINED_MODEL}.
 *
 * <ol>
 *   <li>{@value #ENCODE_FEATURES} reads the table {@value LeadScoringPipelines#MODEL_INPUT} that the data pipeline
 *       wrote, and learns the one-hot encoding of the three categorical features (numeric features as they are); the
 *       encoding is learned again on each training split and stored with every model, so serving encodes exactly as
 *       training did;</li>
 *   <li>{@value #GET_TRAINED_MODEL} compares the configured model families by cross-validation on the training rows
 *       (each candidate a nested run under the step's run in the experiment {@link TrainingOptions#experiment()}),
 *       trains the best on the training rows, logs and registers it as a new version, and lets a
 *       {@link ChampionChallenger} score it and the current Production version on the same held-out rows: it is
 *       promoted to Production (archiving the previous one, alias {@value #CHAMPION_ALIAS}) only when its held-out
 *       AUC beats Production's, or when there is no Production version. The decision is logged on the run (tags
 *       {@value #DECISION_TAG}, {@value #PROMOTED_TAG}) and on the version (the gate's tags).</li>
 * </ol>
 * The pipeline's output {@value #TRAINING_OUTCOME} is a {@link TrainingOutcome}.
 */
public final class LeadScoringTraining {

    /** The training pipeline's name. */
    public static final String TRAINING_PIPELINE = "training";
    /** Step: read the model input and learn the feature encoding. */
    public static final String ENCODE_FEATURES = "encode_features";
    /** Step: compare, train, register and maybe promote. */
    public static final String GET_TRAINED_MODEL = "get_trained_model";
    /** Output of {@value #ENCODE_FEATURES}: the labelled model input as a table. */
    public static final String ENCODED_FEATURES = "encoded_features";
    /** Output of {@value #GET_TRAINED_MODEL}: a {@link TrainingOutcome}. */
    public static final String TRAINING_OUTCOME = "training_outcome";
    /** The alias the Production version carries. */
    public static final String CHAMPION_ALIAS = "champion";
    /** Run tag: the promotion decision in words. */
    public static final String DECISION_TAG = "mlops.training.decision";
    /** Run tag: {@code true} when the new version was promoted. */
    public static final String PROMOTED_TAG = "mlops.training.promoted";

    private LeadScoringTraining() {
    }

    /**
     * @param database the SQLite file holding {@value LeadScoringPipelines#MODEL_INPUT} (with the target)
     * @param tracking where runs are recorded
     * @param registry where versions are registered
     * @param options  families, folds, split, seed, names
     * @return the pipeline; run it with a {@link org.mlops4j.core.pipeline.PipelineRunner}
     */
    public static Pipeline pipeline(Path database, TrackingClient tracking, ModelRegistry registry,
                                    TrainingOptions options) {
        return pipeline(database, Optional.empty(), tracking, registry, options);
    }

    /**
     * A training pipeline that compares the new model with the Production version on labelled rows of another
     * database rather than on rows held out of the training data: when the training data holds rows the Production
     * version was trained on, only rows that neither model has seen compare them fairly.
     *
     * @param database        the SQLite file holding {@value LeadScoringPipelines#MODEL_INPUT} (with the target)
     * @param heldOutDatabase a SQLite file whose {@value LeadScoringPipelines#MODEL_INPUT} holds labelled rows that
     *                        are in neither model's training data; empty to hold rows out of {@code database}
     * @param tracking        where runs are recorded
     * @param registry        where versions are registered
     * @param options         families, folds, split, seed, names
     * @return the pipeline
     */
    public static Pipeline pipeline(Path database, Optional<Path> heldOutDatabase, TrackingClient tracking,
                                    ModelRegistry registry, TrainingOptions options) {
        TrainingSteps steps = new TrainingSteps(database, heldOutDatabase, tracking, registry, options);
        return Pipeline.builder(TRAINING_PIPELINE)
                .step(Step.named(ENCODE_FEATURES).outputs(ENCODED_FEATURES).persistOutputs(false)
                        .run(steps::encodeFeatures))
                .step(Step.named(GET_TRAINED_MODEL).inputs(ENCODED_FEATURES).outputs(TRAINING_OUTCOME)
                        .persistOutputs(false).run(steps::getTrainedModel))
                .build();
    }

    /**
     * @param database a SQLite file written by the data pipeline
     * @return its table {@value LeadScoringPipelines#MODEL_INPUT}
     * @throws org.mlops4j.core.DataException naming the file when the table is missing
     */
    public static Table readModelInput(Path database) {
        JdbcDatabase db = JdbcDatabase.of("jdbc:sqlite:" + database.toAbsolutePath());
        if (!db.tableNames().contains(LeadScoringPipelines.MODEL_INPUT)) {
            throw new org.mlops4j.core.DataException("The database has no table '" + LeadScoringPipelines.MODEL_INPUT
                    + "'; run the data pipeline on this database first (mlops pipeline run data)",
                    database.toString(), 0, null, null);
        }
        return categoricalText(db.readTable(LeadScoringPipelines.MODEL_INPUT));
    }

    /**
     * @param table a table read from a database or a file
     * @return the table with its text columns turned into categorical columns, so that training, serving and
     *         monitoring see the same column types
     */
    public static Table categoricalText(Table table) {
        List<org.mlops4j.core.data.Column> columns = new ArrayList<>();
        for (org.mlops4j.core.data.Column column : table.columns()) {
            if (column instanceof org.mlops4j.core.data.TextColumn text) {
                org.mlops4j.core.data.CategoricalColumn.Builder categorical =
                        org.mlops4j.core.data.CategoricalColumn.builder(text.name(), text.size());
                for (int row = 0; row < text.size(); row++) {
                    categorical.add(text.get(row));
                }
                columns.add(categorical.build());
            } else {
                columns.add(column);
            }
        }
        return Table.of(columns);
    }

    /** The two steps over one database, tracking store and registry. */
    private static final class TrainingSteps {
        private final Path database;
        private final Optional<Path> heldOutDatabase;
        private final TrackingClient tracking;
        private final ModelRegistry registry;
        private final TrainingOptions options;

        TrainingSteps(Path database, Optional<Path> heldOutDatabase, TrackingClient tracking, ModelRegistry registry,
                      TrainingOptions options) {
            this.database = Objects.requireNonNull(database, "database");
            this.heldOutDatabase = Objects.requireNonNull(heldOutDatabase, "heldOutDatabase");
            this.tracking = Objects.requireNonNull(tracking, "tracking");
            this.registry = Objects.requireNonNull(registry, "registry");
            this.options = Objects.requireNonNull(options, "options");
        }

        StepResult encodeFeatures(StepContext context) {
            Table modelInput = readModelInput(database);
            if (!modelInput.hasColumn(LeadScoringSchemas.TARGET)) {
                throw new org.mlops4j.core.DataException("The model input has no target column '"
                        + LeadScoringSchemas.TARGET + "' (columns: " + modelInput.columnNames()
                        + "); training needs labelled data", database.toString(), 0, LeadScoringSchemas.TARGET, null);
            }
            List<String> features = new ArrayList<>(modelInput.columnNames());
            features.remove(LeadScoringSchemas.TARGET);
            FeatureEncoder encoder = FeatureEncoder.fit(modelInput, features, PreprocessingOptions.defaults());
            context.log().info("{} labelled rows; {} features one-hot encoded into {} model inputs",
                    modelInput.rowCount(), features.size(), encoder.featureNames().size());
            return StepResult.of(ENCODED_FEATURES, modelInput);
        }

        StepResult getTrainedModel(StepContext context) {
            Table rows = context.input(ENCODED_FEATURES, Table.class);
            ActiveRun run = tracking.startRun(tracking.getOrCreateExperiment(options.experiment()), GET_TRAINED_MODEL,
                    Map.of("mlops.pipeline.run_id", context.runId()));
            try {
                TrainingOutcome outcome = train(context, run, rows);
                run.end(RunStatus.FINISHED);
                return StepResult.of(TRAINING_OUTCOME, outcome);
            } catch (RuntimeException e) {
                run.end(RunStatus.FAILED);
                throw e;
            }
        }

        private TrainingOutcome train(StepContext context, ActiveRun run, Table rows) {
            run.logParams(Map.of("families", String.join(",", options.families()), "folds", options.folds(),
                    "train_fraction", options.trainFraction(), "seed", options.seed()));
            ModelingSetup setup = ModelingSetup.builder(rows, LeadScoringSchemas.TARGET)
                    .trainFraction(options.trainFraction()).folds(options.folds()).seed(options.seed())
                    .parallelism(options.parallelism()).listener(TrackingModelingListener.under(run)).build();
            CompareOptions compare = CompareOptions.defaults().sortBy(EvaluationMetric.AUC)
                    .include(options.families().toArray(String[]::new));
            for (String family : options.families()) {
                Map<String, Object> params = options.familyParams().get(family);
                if (params != null) {
                    compare = compare.withParams(family, params);
                }
            }
            Leaderboard board = setup.compareModels(compare);
            context.log().info("Leaderboard:\n{}", board.toText());
            run.logText(board.toJson(), "leaderboard.json");
            run.logText(board.toHtml(), "leaderboard.html");
            LeaderboardEntry best = board.best().filter(e -> e.metric(EvaluationMetric.AUC).available())
                    .orElseThrow(() -> new DataException("No model family could be trained with an AUC on this"
                            + " data; check the model input's target and rows. Leaderboard:\n" + board.toText(), null, 0,
                            null, null));
            context.throwIfCancelled();
            ModelResult result = setup.createModel(best.family(), best.params());
            TrainedModel model = result.model();
            Table heldOut = heldOutDatabase.map(LeadScoringTraining::readModelInput).orElseGet(setup::holdoutRows);
            run.logParam("held_out_rows_from", heldOutDatabase.map(Path::toString).orElse("training split"));
            ModelTracking models = ModelTracking.of(tracking, registry);
            LoggedModel logged = models.logModel(run, model, setup.trainingRows());
            models.logEvaluation(run, ModelEvaluation.of(model, heldOut));  // evaluation.json and evaluation.html
            ModelVersion version = models.register(logged, options.modelName());
            PromotionDecision promotion = ChampionChallenger.of(models, registry).metric(EvaluationMetric.AUC)
                    .alias(CHAMPION_ALIAS).challenge(options.modelName(), version.version(), model, heldOut);
            double newAuc = promotion.candidateScore();
            OptionalDouble productionAuc = promotion.championScore();
            boolean promote = promotion.promoted();
            TrainingOutcome outcome = new TrainingOutcome(board, best.family(), run.id(), version.version(), newAuc,
                    promotion.championVersion(), productionAuc, promote, heldOut.rowCount());
            run.logMetric("held_out_auc", newAuc);
            productionAuc.ifPresent(auc -> run.logMetric("production_held_out_auc", auc));
            run.logMetric("registered_version", version.version());
            run.setTags(Map.of(DECISION_TAG, outcome.decision(), PROMOTED_TAG, Boolean.toString(promote),
                    "mlops.training.family", best.family()));
            context.log().info("{}", outcome.decision());
            return outcome;
        }
    }
}

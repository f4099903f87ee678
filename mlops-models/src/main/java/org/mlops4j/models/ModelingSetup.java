package org.mlops4j.models;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.ProgressListener;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.internal.StratifiedSplits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.provenance.ModelProvenance;

/**
 * The PyCaret workflow on Tribuo: set up once from a table and a target column, then compare model families,
 * create, tune and finalize one, and serve it.
 *
 * <pre>{@code
 * ModelingSetup setup = ModelingSetup.builder(leads, "app_complete_flag")
 *         .trainFraction(0.7).folds(10).seed(42)
 *         .listener(ModelingListener.printingTo(System.out))
 *         .build();
 * Leaderboard board = setup.compareModels(CompareOptions.defaults().timeBudget(Duration.ofMinutes(10)));
 * System.out.println(board.toText());
 * TuningResult tuned = setup.tuneModel("rf", 20, Metric.AUC);
 * TrainedModel model = setup.finalizeModel(tuned.model());
 * Predictions predictions = model.predictor().predict(newLeads);
 * }</pre>
 *
 * <p>Setup splits the rows once: a stratified train/test split (default 70/30) and a stratified k-fold assignment of
 * the training rows (default 10 folds), both from the seed, so every candidate sees the same folds. Preprocessing
 * ({@link FeatureEncoder}) is fitted on each fold's training rows only, and stored with every trained model.
 * Folds run in parallel on a bounded pool ({@link Builder#parallelism(int)} threads, created per call and shut down
 * after it). A setup is immutable; its methods may be called from several threads, each call using its own pool.
 */
public final class ModelingSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ModelingSetup.class);
    private static final Set<String> POSITIVE_NAMES = Set.of("1", "true", "yes", "y", "positive", "pos");

    private final Table all;
    private final int[] trainingIndices;
    private final int[] holdoutIndices;
    private final Table training;
    private final Table holdout;
    private final TargetSpec target;
    private final List<String> features;
    private final Schema inputSchema;
    private final ModelingData data;
    private final int parallelism;
    private final ModelingListener listener;
    private final ProgressListener progress;

    private ModelingSetup(Builder b) {
        Table table = b.table.requireRows("The table given to ModelingSetup");
        Column targetColumn = table.column(b.target);
        TaskType task = b.task.orElseGet(() -> detectTask(targetColumn));
        List<String> featureList = chooseFeatures(b, table);
        this.features = featureList;
        List<String> kept = new ArrayList<>(featureList);
        kept.add(b.target);
        this.all = table.select(kept);
        this.inputSchema = inputSchema(table, featureList);
        int[] strata;
        if (task == TaskType.CLASSIFICATION) {
            String[] labels = new TargetSpec(b.target, task, List.of(), 0).labels(all);
            List<String> classes = classOrder(labels);
            if (classes.size() < 2) {
                throw new DataException("Classification needs at least two classes in the target; found " + classes,
                        null, 0, b.target, null);
            }
            int positive = positiveIndex(classes, b.positiveLabel, b.target);
            this.target = new TargetSpec(b.target, task, classes, positive);
            strata = target.classIndices(all);
        } else {
            this.target = new TargetSpec(b.target, task, List.of(), 0);
            target.values(all);
            strata = new int[all.rowCount()];
        }
        int[][] split = b.trainFraction >= 1.0 ? new int[][] {identity(all.rowCount()), new int[0]}
                : StratifiedSplits.trainTest(strata, b.trainFraction, b.seed);
        this.trainingIndices = split[0];
        this.holdoutIndices = split[1];
        this.training = all.take(split[0]);
        this.holdout = all.take(split[1]);
        int[] trainingStrata = Arrays.stream(split[0]).map(i -> strata[i]).toArray();
        if (b.folds > training.rowCount()) {
            throw new ConfigurationException("Cannot make " + b.folds + " folds of " + training.rowCount()
                    + " training rows; lower folds(...)");
        }
        int[] foldOf = StratifiedSplits.kFold(trainingStrata, b.folds, b.seed);
        this.data = new ModelingData(training, target, featureList, foldOf, b.folds, b.options, b.seed);
        this.parallelism = b.parallelism;
        this.listener = b.listener;
        this.progress = b.progress;
        LOG.info("Modelling setup: {} task, target '{}', {} features, {} training rows in {} folds, {} test rows",
                task.name().toLowerCase(Locale.ROOT), b.target, featureList.size(), training.rowCount(), b.folds,
                holdout.rowCount());
    }

    /**
     * @param table  the labelled rows
     * @param target the target column's name
     * @return a builder; {@link Builder#build()} splits the rows
     */
    public static Builder builder(Table table, String target) {
        return new Builder(table, target);
    }

    // ---- what the setup holds -------------------------------------------------------------------------------------

    /** @return classification or regression */
    public TaskType task() {
        return target.task();
    }

    /** @return the target column's name */
    public String target() {
        return target.column();
    }

    /** @return the class labels in index order (sorted; numerically when they are numbers); empty for regression */
    public List<String> classLabels() {
        return target.classLabels();
    }

    /** @return the positive class of a binary task (the one recall, precision, F1 and AUC are about) */
    public Optional<String> positiveLabel() {
        return target.classLabels().size() == 2 ? Optional.of(target.classLabels().get(target.positiveIndex()))
                : Optional.empty();
    }

    /** @return the feature columns, in order */
    public List<String> features() {
        return features;
    }

    /** @return the training split (features and target) */
    public Table trainingRows() {
        return training;
    }

    /** @return the held-out test split (features and target); empty when the train fraction is 1 */
    public Table holdoutRows() {
        return holdout;
    }

    /** @return the input table's row index of each training row, in training-row order (a copy) */
    public int[] trainingRowIndices() {
        return trainingIndices.clone();
    }

    /** @return the input table's row index of each test row, in test-row order (a copy) */
    public int[] holdoutRowIndices() {
        return holdoutIndices.clone();
    }

    /** @return the number of cross-validation folds */
    public int folds() {
        return data.folds();
    }

    /** @return each training row's fold (a copy), to reproduce the folds elsewhere */
    public int[] foldAssignment() {
        return data.foldOf().clone();
    }

    /** @return the model families of this task, in comparison order */
    public List<ModelFamily> families() {
        return FamilyCatalog.families(task());
    }

    /**
     * @param key a family key
     * @return the family
     * @throws ConfigurationException listing the known keys
     */
    public ModelFamily family(String key) {
        return FamilyCatalog.family(task(), key);
    }

    // ---- compare ----------------------------------------------------------------------------------------------------

    /** @return {@link #compareModels(CompareOptions)} with every family and the default options */
    public Leaderboard compareModels() {
        return compareModels(CompareOptions.defaults());
    }

    /**
     * Cross-validates each chosen family with its defaults, one after another, each one's folds in parallel.
     * A family that fails or cannot run here gets an entry saying why, instead of failing the comparison; when the
     * time budget runs out, the running candidate and those not started are listed as not finished.
     *
     * @param options which families, the sort metric and the time budget
     * @return the leaderboard, best first
     * @throws ConfigurationException when a family key or parameter is unknown or the sort metric is of another task
     */
    public Leaderboard compareModels(CompareOptions options) {
        EvaluationMetric sort = options.sortBy().orElse(EvaluationMetric.defaultFor(task()));
        checkMetric(sort);
        options.params().forEach((key, values) -> family(key).withDefaults(values));
        Set<String> excluded = new HashSet<>();
        options.exclude().forEach(k -> excluded.add(family(k).key()));
        List<ModelFamily> chosen = options.include().isEmpty()
                ? families().stream().filter(f -> f.turbo() || !options.turbo()).toList()
                : options.include().stream().map(this::family).toList();
        long start = System.nanoTime();
        long deadline = options.timeBudget().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
        List<LeaderboardEntry> entries = new ArrayList<>();
        List<ModelFamily> candidates = new LinkedHashSet<>(chosen).stream()
                .filter(f -> !excluded.contains(f.key())).toList();
        ModelingListener told = CandidateProgress.alongside(listener, progress, "compare models", candidates.size(),
                folds());
        ExecutorService executor = newExecutor();
        try {
            for (ModelFamily family : candidates) {
                Map<String, Object> params = family.withDefaults(options.params().getOrDefault(family.key(), Map.of()));
                entries.add(CrossValidator.run(data, family.key(), family, params, executor, deadline, told));
            }
        } finally {
            executor.shutdownNow();
        }
        return new Leaderboard(task(), sort, folds(), entries, Duration.ofNanos(System.nanoTime() - start));
    }

    // ---- create / tune / finalize -------------------------------------------------------------------------------------

    /**
     * @param key a family key
     * @return {@link #createModel(String, Map)} with the family's defaults
     */
    public ModelResult createModel(String key) {
        return createModel(key, Map.of());
    }

    /**
     * Cross-validates one family, then trains it on all training rows and scores it on the test split.
     *
     * @param key    a family key
     * @param params parameters that differ from the family's defaults
     * @return the cross-validation, the model and its holdout scores
     * @throws ConfigurationException for an unknown family or parameter
     * @throws MlopsException when the family cannot run here or its training fails (the message says why)
     */
    public ModelResult createModel(String key, Map<String, ?> params) {
        ModelFamily family = family(key);
        Map<String, Object> complete = family.withDefaults(params);
        ExecutorService executor = newExecutor();
        LeaderboardEntry entry;
        try {
            entry = CrossValidator.run(data, family.key(), family, complete, executor, Long.MAX_VALUE,
                    CandidateProgress.alongside(listener, progress, "create " + family.key(), 1, folds()));
        } finally {
            executor.shutdownNow();
        }
        if (entry.status() != CandidateStatus.COMPLETED) {
            throw new MlopsException("Model family '" + family.key() + "' did not complete cross-validation: "
                    + entry.status() + entry.message().map(m -> " (" + m + ")").orElse(""));
        }
        return trainOnTrainingRows(family, entry);
    }

    /**
     * Random search over the family's documented {@link ModelFamily#searchSpace()}: {@code iterations} sampled
     * configurations plus the defaults, each cross-validated on the same folds; the best by {@code metric} is then
     * trained on all training rows.
     *
     * @param key        a family key
     * @param iterations how many sampled configurations to try, at least 1
     * @param metric     the metric to optimise (a metric of this task)
     * @return every trial, the best one and its model
     * @throws ConfigurationException when the family has nothing to tune, or cannot produce the metric (AUC of a
     *                                model without probabilities)
     * @throws MlopsException when no trial completes
     */
    public TuningResult tuneModel(String key, int iterations, EvaluationMetric metric) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        checkMetric(metric);
        ModelFamily family = family(key);
        if (family.searchSpace().isEmpty()) {
            throw new ConfigurationException("Model family '" + family.key() + "' has no parameters to tune");
        }
        Random random = new Random(data.seed());
        List<LeaderboardEntry> trials = new ArrayList<>();
        ModelingListener told = CandidateProgress.alongside(listener, progress, "tune " + family.key(),
                iterations + 1, folds());
        ExecutorService executor = newExecutor();
        try {
            for (int trial = 0; trial <= iterations; trial++) {
                Map<String, Object> overrides = new LinkedHashMap<>();
                if (trial > 0) {
                    family.searchSpace().forEach(h -> overrides.put(h.name(), h.sample(random)));
                }
                trials.add(CrossValidator.run(data, family.key() + "#" + trial, family,
                        family.withDefaults(overrides), executor, Long.MAX_VALUE, told));
            }
        } finally {
            executor.shutdownNow();
        }
        List<LeaderboardEntry> ranked = Leaderboard.sorted(trials, metric);
        LeaderboardEntry best = ranked.get(0);
        if (best.status() != CandidateStatus.COMPLETED) {
            throw new MlopsException("No trial of model family '" + family.key() + "' completed; the first problem: "
                    + best.message().orElse(best.status().name()));
        }
        if (!best.metric(metric).available()) {
            throw new ConfigurationException("Model family '" + family.key() + "' cannot be tuned for "
                    + metric.label() + ": its models do not produce it; optimise another metric such as accuracy");
        }
        return new TuningResult(family.key(), metric, ranked, best, trainOnTrainingRows(family, best));
    }

    /**
     * Trains the result's family with the same parameters on every row of the setup (training and test splits),
     * as PyCaret's {@code finalize_model}; the cross-validation and holdout scores are recorded with the model.
     *
     * @param result a created or tuned model
     * @return the final model
     */
    public TrainedModel finalizeModel(ModelResult result) {
        ModelFamily family = family(result.family());
        Map<String, Double> metrics = new LinkedHashMap<>(result.model().metrics());
        ModelFitter.Fitted fitted = ModelFitter.fit(all, target, features, family, result.crossValidation().params(),
                data.options(), data.seed());
        return packageModel(family, result.crossValidation().params(), fitted, metrics);
    }

    /**
     * @param model a model of this setup's task
     * @param rows  labelled rows with the model's input columns and the target
     * @return the model's metrics on those rows
     */
    public Map<EvaluationMetric, Double> evaluate(TrainedModel model, Table rows) {
        return model.evaluate(rows);
    }

    /**
     * Evaluates a model on this setup's held-out test split: metrics, confusion matrix, curves or residuals, and
     * feature importances, as PyCaret's {@code plot_model} and {@code evaluate_model} show them.
     *
     * @param model a model of this setup's task, such as {@code createModel("lr").model()}
     * @return the evaluation on the test split
     * @throws MlopsException when the setup keeps no test rows (a train fraction of 1)
     */
    public ModelEvaluation evaluation(TrainedModel model) {
        if (holdout.rowCount() == 0) {
            throw new MlopsException("The setup keeps no test rows (train fraction 1); evaluate on other labelled rows "
                    + "with ModelEvaluation.of(model, rows)");
        }
        return ModelEvaluation.of(model, holdout);
    }

    // ---- internals ----------------------------------------------------------------------------------------------------

    private ModelResult trainOnTrainingRows(ModelFamily family, LeaderboardEntry entry) {
        ModelFitter.Fitted fitted = ModelFitter.fit(training, target, features, family, entry.params(),
                data.options(), data.seed());
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (EvaluationMetric m : EvaluationMetric.forTask(task())) {
            MetricSummary s = entry.metric(m);
            if (s.available()) {
                metrics.put("cv_" + m.id() + "_mean", s.mean());
                metrics.put("cv_" + m.id() + "_std", s.std());
            }
        }
        TrainedModel model = packageModel(family, entry.params(), fitted, metrics);
        Map<EvaluationMetric, Double> holdoutScores = new EnumMap<>(EvaluationMetric.class);
        if (holdout.rowCount() > 0) {
            holdoutScores.putAll(evaluate(model, holdout));
            Map<String, Double> withHoldout = new LinkedHashMap<>(metrics);
            holdoutScores.forEach((m, v) -> {
                if (!v.isNaN()) {
                    withHoldout.put("holdout_" + m.id(), v);
                }
            });
            model = packageModel(family, entry.params(), fitted, withHoldout);
        }
        return new ModelResult(entry, model, holdoutScores);
    }

    /**
     * The schema a model of this setup expects: the feature columns in order, each with its training type, nullable and
     * with any value; missing and extra columns fail by the schema's defaults (a predictor ignores extra columns).
     */
    private static Schema inputSchema(Table table, List<String> features) {
        Schema.Builder schema = Schema.builder();
        features.forEach(f -> schema.column(f, table.column(f).type()));
        return schema.build();
    }

    private TrainedModel packageModel(ModelFamily family, Map<String, Object> params, ModelFitter.Fitted fitted,
            Map<String, Double> metrics) {
        return new TrainedModel(family.key(), task(), params, target.column(), target.classLabels(), positiveLabel(),
                inputSchema, fitted.encoder(), family.scaling(), fitted.model(), metrics,
                provenance(fitted.model(), family));
    }

    private Map<String, String> provenance(Model<?> model, ModelFamily family) {
        Map<String, String> out = new LinkedHashMap<>();
        ModelProvenance p = model.getProvenance();
        out.put("mlops4j.family", family.key());
        out.put("mlops4j.seed", Long.toString(data.seed()));
        out.put("mlops4j.folds", Integer.toString(data.folds()));
        out.put("mlops4j.preprocessing", data.options().toString());
        out.put("tribuo.version", p.getTribuoVersion());
        out.put("java.version", p.getJavaVersion());
        out.put("os", p.getOS() + " " + p.getArch());
        out.put("trained.at", p.getTrainingTime().toString());
        out.put("dataset.examples", Integer.toString(p.getDatasetProvenance().getNumExamples()));
        out.put("dataset.features", Integer.toString(p.getDatasetProvenance().getNumFeatures()));
        out.put("trainer.class", p.getTrainerProvenance().getClassName());
        flatten("trainer", ProvenanceUtil.convertToMap(p.getTrainerProvenance()), out, 0);
        return out;
    }

    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> out, int depth) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (out.size() >= 100) {
                return;
            }
            String key = prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                if (depth < 1) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) nested;
                    flatten(key, typed, out, depth + 1);
                }
            } else if (!(e.getValue() instanceof List<?>)) {
                out.putIfAbsent(key, String.valueOf(e.getValue()));
            }
        }
    }

    private void checkMetric(EvaluationMetric metric) {
        if (metric.task() != task()) {
            throw new ConfigurationException("Metric '" + metric.id() + "' is a " + metric.task() + " metric but this "
                    + "setup is " + task() + "; use one of " + EvaluationMetric.forTask(task()).stream().map(EvaluationMetric::id).toList());
        }
    }

    private ExecutorService newExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "mlops4j-modelling-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static TaskType detectTask(Column target) {
        if (!(target instanceof NumericColumn numeric)) {
            return TaskType.CLASSIFICATION;
        }
        Set<Double> distinct = new HashSet<>();
        for (int i = 0; i < numeric.size() && distinct.size() <= 20; i++) {
            double v = numeric.getDouble(i);
            if (!Double.isNaN(v)) {
                if (v != Math.rint(v)) {
                    return TaskType.REGRESSION;
                }
                distinct.add(v);
            }
        }
        return distinct.size() <= 20 ? TaskType.CLASSIFICATION : TaskType.REGRESSION;
    }

    private static List<String> chooseFeatures(Builder b, Table table) {
        Set<String> ignored = new HashSet<>(b.ignored);
        ignored.add(b.target);
        List<String> out = new ArrayList<>();
        if (b.features.isPresent()) {
            for (String f : b.features.get()) {
                table.column(f);
                if (f.equals(b.target)) {
                    throw new ConfigurationException("The target '" + f + "' cannot also be a feature");
                }
                out.add(f);
            }
        } else {
            for (Column c : table.columns()) {
                if (ignored.contains(c.name())) {
                    continue;
                }
                if (c.type() == ColumnType.TIMESTAMP) {
                    LOG.warn("Column '{}' is a timestamp and is not used as a feature; derive numbers from it to use "
                            + "it", c.name());
                    continue;
                }
                out.add(c.name());
            }
        }
        if (out.isEmpty()) {
            throw new ConfigurationException("No feature columns left besides the target '" + b.target + "'");
        }
        return List.copyOf(out);
    }

    private static List<String> classOrder(String[] labels) {
        List<String> classes = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(labels)));
        boolean numeric = classes.stream().allMatch(ModelingSetup::isNumber);
        classes.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        return classes;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int positiveIndex(List<String> classes, Optional<String> wanted, String target) {
        if (wanted.isPresent()) {
            int index = classes.indexOf(wanted.get());
            if (index < 0) {
                throw new ConfigurationException("Positive label '" + wanted.get() + "' is not a class of target '"
                        + target + "'; classes are " + classes);
            }
            return index;
        }
        if (classes.size() != 2) {
            return 0;
        }
        for (int i = 0; i < 2; i++) {
            if (POSITIVE_NAMES.contains(classes.get(i).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return 1;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    /** Collects the setup's choices; not thread-safe. */
    public static final class Builder {
        private final Table table;
        private final String target;
        private Optional<TaskType> task = Optional.empty();
        private double trainFraction = 0.7;
        private int folds = 10;
        private long seed = 42;
        private Optional<List<String>> features = Optional.empty();
        private final List<String> ignored = new ArrayList<>();
        private PreprocessingOptions options = PreprocessingOptions.defaults();
        private Optional<String> positiveLabel = Optional.empty();
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private ModelingListener listener = ModelingListener.NONE;
        private ProgressListener progress = ProgressListener.NONE;

        private Builder(Table table, String target) {
            this.table = table;
            this.target = target;
            table.column(target);
        }

        /**
         * @param task classification or regression; by default a categorical, boolean or text target, or a numeric
         *             one with at most 20 distinct whole values, means classification, and anything else regression
         * @return this builder
         */
        public Builder task(TaskType task) {
            this.task = Optional.of(task);
            return this;
        }

        /** @param fraction share of rows for training, in (0, 1]; 1 keeps no test rows; default 0.7 @return this */
        public Builder trainFraction(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("trainFraction must be in (0, 1], was " + fraction);
            }
            this.trainFraction = fraction;
            return this;
        }

        /** @param folds the number of cross-validation folds, at least 2; default 10 @return this builder */
        public Builder folds(int folds) {
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, was " + folds);
            }
            this.folds = folds;
            return this;
        }

        /** @param seed the seed of the splits, folds, trainers and random search; default 42 @return this */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param columns the feature columns; by default every column except the target, ignored columns and
         *                timestamps
         * @return this builder
         */
        public Builder features(List<String> columns) {
            this.features = Optional.of(List.copyOf(columns));
            return this;
        }

        /** @param columns columns not to use as features (identifiers, leaks) @return this builder */
        public Builder ignore(String... columns) {
            ignored.addAll(List.of(columns));
            return this;
        }

        /** @param options imputation, rare-level grouping, class weighting @return this builder */
        public Builder preprocessing(PreprocessingOptions options) {
            this.options = options;
            return this;
        }

        /**
         * @param label the positive class of a binary target; by default the class named 1, true, yes, y or
         *              positive (any case), or else the second class in sorted order
         * @return this builder
         */
        public Builder positiveLabel(String label) {
            this.positiveLabel = Optional.of(label);
            return this;
        }

        /** @param threads the most folds trained at once; default the number of processors @return this */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /** @param listener told about every candidate and fold @return this builder */
        public Builder listener(ModelingListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * @param progress told how far {@link #compareModels}, {@link #tuneModel} and {@link #createModel} have come:
         *                 an event when a candidate starts, one per finished fold and one when it ends (a unit of
         *                 work is one fold of one candidate); events come from the calling thread
         * @return this builder
         */
        public Builder progress(ProgressListener progress) {
            this.progress = java.util.Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * @return the setup, with rows split and folds assigned
         * @throws DataException when the table has no rows, or the target has missing values or fewer than two
         *                       classes
         * @throws ConfigurationException when the options do not fit the data
         */
        public ModelingSetup build() {
            return new ModelingSetup(this);
        }
    }
}

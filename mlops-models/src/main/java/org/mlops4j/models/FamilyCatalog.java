package org.mlops4j.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.models.internal.bayes.GaussianNaiveBayesTrainer;
import org.mlops4j.models.internal.linear.LinearRegressionTrainer;
import org.mlops4j.models.internal.linear.LogisticRegressionTrainer;
import org.mlops4j.models.internal.tree.ClassificationTreeTrainer;
import org.mlops4j.models.internal.tree.RegressionTreeTrainer;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.distance.CosineDistance;
import org.tribuo.math.distance.Distance;
import org.tribuo.math.distance.L1Distance;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * The model families and how each becomes a Tribuo trainer.
 */
final class FamilyCatalog {

    /** Large enough that SGD trainers never write progress lines. */
    private static final int NO_LOGGING = Integer.MAX_VALUE;

    /**
     * What a trainer needs beyond its parameters.
     *
     * @param featureCount the number of features in the training data
     * @param seed         the random seed
     * @param labelWeights a weight per class label when class weighting is on; empty otherwise
     */
    public record TrainingContext(int featureCount, long seed, Map<String, Float> labelWeights) {

        /** Copies the weights. */
        public TrainingContext {
            labelWeights = Map.copyOf(labelWeights);
        }
    }

    @FunctionalInterface
    private interface TrainerMaker {
        Trainer<?> make(Params p, TrainingContext context);
    }

    private record Entry(ModelFamily family, TrainerMaker maker) {
    }

    private static final List<Entry> CLASSIFICATION = classification();
    private static final List<Entry> REGRESSION = regression();

    private static volatile Optional<String> xgboostProblem;

    private FamilyCatalog() {
    }

    /**
     * @param task a task
     * @return the families of that task, in leaderboard order
     */
    public static List<ModelFamily> families(TaskType task) {
        return entries(task).stream().map(Entry::family).toList();
    }

    /**
     * @param task a task
     * @param key  a family key, any case
     * @return the family
     * @throws ConfigurationException listing the known keys when there is no such family
     */
    public static ModelFamily family(TaskType task, String key) {
        return entry(task, key).family();
    }

    /**
     * @param family  a family
     * @param params  its complete parameters ({@link ModelFamily#withDefaults})
     * @param context feature count, seed and weights
     * @return a new trainer, used by one training at a time
     * @throws ConfigurationException when a parameter has a value of the wrong kind
     */
    public static Trainer<?> trainer(ModelFamily family, Map<String, Object> params, TrainingContext context) {
        return entry(family.task(), family.key()).maker().make(new Params(family.key(), params), context);
    }

    /**
     * @param family a family
     * @return why this family cannot run on this machine (XGBoost without its native library), if it cannot
     */
    public static Optional<String> unavailableReason(ModelFamily family) {
        if (!family.key().equals("xgboost")) {
            return Optional.empty();
        }
        Optional<String> problem = xgboostProblem;
        if (problem == null) {
            try {
                Class.forName("ml.dmlc.xgboost4j.java.XGBoostJNI", true, FamilyCatalog.class.getClassLoader());
                problem = Optional.empty();
            } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                problem = Optional.of("XGBoost's native library cannot be loaded (" + root
                        + "); on Linux it needs libgomp.so.1 (package libgomp1) and an x86_64 JVM");
            }
            xgboostProblem = problem;
        }
        return problem;
    }

    private static Entry entry(TaskType task, String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        return entries(task).stream().filter(e -> e.family().key().equals(wanted)).findFirst()
                .orElseThrow(() -> new ConfigurationException("Unknown " + task.name().toLowerCase(Locale.ROOT)
                        + " model family '" + key + "'; known families are "
                        + families(task).stream().map(ModelFamily::key).toList()));
    }

    private static List<Entry> entries(TaskType task) {
        return task == TaskType.CLASSIFICATION ? CLASSIFICATION : REGRESSION;
    }

    // ---- classification ---------------------------------------------------------------------------------------

    private static List<Entry> classification() {
        List<Entry> out = new ArrayList<>();
        TaskType c = TaskType.CLASSIFICATION;
        out.add(new Entry(family("lr", "Logistic Regression", c, Scaling.STANDARD, true,
                map("C", 1.0, "max_iter", 1000, "tol", 1e-4),
                List.of(Hyperparameter.logReal("C", 0.001, 100.0, "inverse regularisation strength")),
                "LogisticRegressionTrainer(C, max_iter, tol): L2-regularised logistic regression solved by L-BFGS "
                        + "to scikit-learn's optimum (C * weighted log-loss + 0.5 * ||coef||^2, intercept not "
                        + "penalised; sigmoid for two classes, multinomial softmax for more; scikit-learn 1.2's "
                        + "stopping rules); a genuine Tribuo LinearSGDModel"),
                (p, ctx) -> LogisticRegressionTrainer.of(p.positive("C"), p.positiveInteger("max_iter"),
                        p.nonNegative("tol"))));
        out.add(new Entry(family("sgd_lr", "Logistic Regression (SGD)", c, Scaling.STANDARD, true,
                map("learning_rate", 1.0, "epochs", 5, "minibatch", 1),
                List.of(Hyperparameter.logReal("learning_rate", 0.01, 2.0, "AdaGrad initial learning rate"),
                        Hyperparameter.integer("epochs", 3, 30, "passes over the training data"),
                        Hyperparameter.choice("minibatch", "examples per gradient step", "1", "8", "32")),
                "LinearSGDTrainer(LogMulticlass, AdaGrad(learning_rate, 0.1), epochs, minibatch)"),
                (p, ctx) -> new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(),
                        new AdaGrad(p.real("learning_rate"), 0.1), p.integer("epochs"), NO_LOGGING,
                        p.integer("minibatch"), ctx.seed())));
        out.add(new Entry(family("svm", "SVM - Linear Kernel", c, Scaling.STANDARD, true,
                map("learning_rate", 1.0, "epochs", 5, "minibatch", 1),
                List.of(Hyperparameter.logReal("learning_rate", 0.01, 2.0, "AdaGrad initial learning rate"),
                        Hyperparameter.integer("epochs", 3, 30, "passes over the training data"),
                        Hyperparameter.choice("minibatch", "examples per gradient step", "1", "8", "32")),
                "LinearSGDTrainer(Hinge, AdaGrad(learning_rate, 0.1), epochs, minibatch); no probabilities"),
                (p, ctx) -> new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new Hinge(),
                        new AdaGrad(p.real("learning_rate"), 0.1), p.integer("epochs"), NO_LOGGING,
                        p.integer("minibatch"), ctx.seed())));
        out.add(new Entry(family("liblinear", "LibLinear", c, Scaling.STANDARD, true,
                map("solver", "L2R_L2LOSS_SVC", "cost", 1.0, "max_iterations", 1000, "epsilon", 0.1),
                List.of(Hyperparameter.logReal("cost", 0.001, 10.0, "inverse regularisation strength C"),
                        Hyperparameter.choice("solver", "LibLinear solver; only L2R_LR gives probabilities",
                                "L2R_L2LOSS_SVC_DUAL", "L2R_L2LOSS_SVC", "L2R_LR", "L1R_L2LOSS_SVC")),
                "LibLinearClassificationTrainer(solver, cost, max_iterations, epsilon); the default solver is the "
                        + "primal L2-loss SVM, fast when rows outnumber features; class weighting as label weights"),
                (p, ctx) -> {
                    LibLinearClassificationTrainer t = new LibLinearClassificationTrainer(
                            new LinearClassificationType(p.choice("solver",
                                    LinearClassificationType.LinearType.class)),
                            p.real("cost"), p.integer("max_iterations"), p.real("epsilon"), ctx.seed());
                    if (!ctx.labelWeights().isEmpty()) {
                        Map<Label, Float> weights = new LinkedHashMap<>();
                        ctx.labelWeights().forEach((label, w) -> weights.put(new Label(label), w));
                        t.setLabelWeights(weights);
                    }
                    return t;
                }));
        Map<String, Object> treeDefaults = map("max_depth", 0, "min_child_weight", 5.0, "min_impurity_decrease", 0.0);
        List<Hyperparameter> tree = List.of(
                Hyperparameter.integer("max_depth", 1, 16, "deepest split level (0 = unlimited)"),
                Hyperparameter.real("min_child_weight", 1.0, 20.0, "least example weight in a leaf"),
                Hyperparameter.logReal("min_impurity_decrease", 1e-6, 0.1, "least gain a split must bring"));
        out.add(new Entry(family("dt", "Decision Tree", c, Scaling.NONE, true, treeDefaults, tree,
                "ClassificationTreeTrainer.cart(max_depth, min_child_weight, min_impurity_decrease): mlops4j's CART on "
                        + "features binned once (exact for features with at most 256 distinct values), Gini, "
                        + "per-node histograms; a genuine Tribuo TreeModel whose scores are the leaf's class "
                        + "frequencies"),
                (p, ctx) -> ClassificationTreeTrainer.cart(p.integer("max_depth"), p.real("min_child_weight"),
                        p.real("min_impurity_decrease"), ctx.seed())));
        List<Hyperparameter> forest = List.of(
                Hyperparameter.integer("n_trees", 10, 300, "trees in the ensemble"),
                Hyperparameter.integer("max_depth", 1, 16, "deepest split level (0 = unlimited)"),
                Hyperparameter.choice("max_features", "features considered per split", "sqrt", "log2", "0.5"),
                Hyperparameter.real("min_child_weight", 1.0, 10.0, "least example weight in a leaf"));
        Map<String, Object> forestDefaults = map("n_trees", 100, "max_depth", 0, "max_features", "sqrt",
                "min_child_weight", 1.0, "min_impurity_decrease", 0.0);
        out.add(new Entry(family("rf", "Random Forest", c, Scaling.NONE, true, forestDefaults, forest,
                "ClassificationTreeTrainer.randomForest(n_trees, max_depth, max_features, min_child_weight, "
                        + "min_impurity_decrease): bootstrap samples, max_features features drawn per split, binned "
                        + "histogram CART; a Tribuo WeightedEnsembleModel of TreeModels with "
                        + "FullyWeightedVotingCombiner (the mean of the trees' leaf class frequencies, as scikit-learn)"),
                (p, ctx) -> ClassificationTreeTrainer.randomForest(p.integer("n_trees"), p.integer("max_depth"),
                        p.maxFeatures("max_features"), p.real("min_child_weight"), p.real("min_impurity_decrease"),
                        ctx.seed())));
        out.add(new Entry(family("et", "Extra Trees", c, Scaling.NONE, true, forestDefaults, forest,
                "ClassificationTreeTrainer.extraTrees(n_trees, max_depth, max_features, ...): every row, one random "
                        + "threshold per drawn feature uniform between the node's least and greatest value (as "
                        + "scikit-learn's ExtraTrees), FullyWeightedVotingCombiner"),
                (p, ctx) -> ClassificationTreeTrainer.extraTrees(p.integer("n_trees"), p.integer("max_depth"),
                        p.maxFeatures("max_features"), p.real("min_child_weight"), p.real("min_impurity_decrease"),
                        ctx.seed())));
        out.add(new Entry(slow(family("tribuo_dt", "Decision Tree (Tribuo CART)", c, Scaling.NONE, true,
                treeDefaults, tree, "Tribuo's CARTClassificationTrainer(max_depth, min_child_weight, "
                        + "min_impurity_decrease, Gini): exact splits; slower than dt, left out of comparisons "
                        + "unless named")),
                (p, ctx) -> TribuoTreeTrainers.tree(p.integer("max_depth"), p.real("min_child_weight"),
                        p.real("min_impurity_decrease"), ctx.seed())));
        out.add(new Entry(slow(family("tribuo_rf", "Random Forest (Tribuo)", c, Scaling.NONE, true, forestDefaults,
                forest, "Tribuo's RandomForestTrainer over CARTClassificationTrainer with a feature fraction per "
                        + "split, FullyWeightedVotingCombiner; slower than rf, left out of comparisons unless named")),
                (p, ctx) -> TribuoTreeTrainers.forest(p.integer("n_trees"), p.integer("max_depth"),
                        p.maxFeatures("max_features"), ctx.featureCount(), p.real("min_child_weight"),
                        p.real("min_impurity_decrease"), false, ctx.seed())));
        out.add(new Entry(slow(family("tribuo_et", "Extra Trees (Tribuo)", c, Scaling.NONE, true, forestDefaults,
                forest, "Tribuo's ExtraTreesTrainer over CARTClassificationTrainer with random split points, "
                        + "FullyWeightedVotingCombiner; slower than et, left out of comparisons unless named")),
                (p, ctx) -> TribuoTreeTrainers.forest(p.integer("n_trees"), p.integer("max_depth"),
                        p.maxFeatures("max_features"), ctx.featureCount(), p.real("min_child_weight"),
                        p.real("min_impurity_decrease"), true, ctx.seed())));
        out.add(new Entry(family("xgboost", "Extreme Gradient Boosting", c, Scaling.NONE, true, xgbDefaults(),
                xgbSpace(), "XGBoostClassificationTrainer(GBTREE, tree_method (default HIST: histogram splits, as "
                        + "scikit-learn's HistGradientBoosting), ...) (one thread per model; folds run in parallel)"),
                (p, ctx) -> new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                        p.choice("tree_method", XGBoostTrainer.TreeMethod.class), p.integer("n_trees"),
                        p.real("eta"), p.real("gamma"), p.integer("max_depth"), p.real("min_child_weight"),
                        p.real("subsample"), p.real("colsample"), p.real("lambda"), p.real("alpha"), 1,
                        XGBoostTrainer.LoggingVerbosity.SILENT, ctx.seed())));
        out.add(new Entry(family("nb", "Naive Bayes", c, Scaling.NONE, true, map("var_smoothing", 1e-9),
                List.of(Hyperparameter.logReal("var_smoothing", 1e-9, 1.0, "share of the largest feature variance "
                        + "added to every variance")),
                "GaussianNaiveBayesTrainer(var_smoothing): Gaussian naive Bayes as scikit-learn's GaussianNB "
                        + "(PyCaret's nb): per class a prior and each feature's mean and variance; example weights "
                        + "as sample_weight"),
                (p, ctx) -> new GaussianNaiveBayesTrainer(p.nonNegative("var_smoothing"))));
        out.add(new Entry(family("mnb", "Multinomial Naive Bayes", c, Scaling.MIN_MAX, true, map("alpha", 1.0),
                List.of(Hyperparameter.logReal("alpha", 0.001, 10.0, "additive (Laplace) smoothing")),
                "MultinomialNaiveBayesTrainer(alpha) on features min-max scaled to [0, 1]"),
                (p, ctx) -> new MultinomialNaiveBayesTrainer(p.real("alpha"))));
        out.add(new Entry(family("knn", "K Neighbors Classifier", c, Scaling.STANDARD, false,
                map("k", 5, "distance", "L2", "search", "KD_TREE"),
                List.of(Hyperparameter.integer("k", 1, 50, "neighbours that vote"),
                        Hyperparameter.choice("distance", "distance between rows", "L2", "L1", "COSINE")),
                "KNNTrainer(k, distance, VotingCombiner, search = KD_TREE or BRUTE_FORCE)"),
                (p, ctx) -> new KNNTrainer<Label>(p.integer("k"), distance(p.string("distance")), 1,
                        new VotingCombiner(), KNNModel.Backend.INNERTHREADPOOL,
                        p.choice("search", NeighboursQueryFactoryType.class))));
        out.add(new Entry(family("fm", "Factorization Machine", c, Scaling.STANDARD, true,
                map("learning_rate", 0.1, "epochs", 10, "factors", 5, "variance", 0.1),
                List.of(Hyperparameter.logReal("learning_rate", 0.01, 1.0, "AdaGrad initial learning rate"),
                        Hyperparameter.integer("epochs", 3, 30, "passes over the training data"),
                        Hyperparameter.integer("factors", 2, 20, "size of the factorized interactions"),
                        Hyperparameter.logReal("variance", 0.001, 0.5, "variance of the initial factors")),
                "FMClassificationTrainer(LogMulticlass, AdaGrad(learning_rate, 0.1), epochs, factors, variance)"),
                (p, ctx) -> new FMClassificationTrainer(new LogMulticlass(), new AdaGrad(p.real("learning_rate"),
                        0.1), p.integer("epochs"), NO_LOGGING, 1, ctx.seed(), p.integer("factors"),
                        p.real("variance"))));
        out.add(new Entry(family("dummy", "Dummy Classifier", c, Scaling.NONE, false, map(), List.of(),
                "DummyClassifierTrainer.createMostFrequentTrainer(): always the majority class; no probabilities"),
                (p, ctx) -> DummyClassifierTrainer.createMostFrequentTrainer()));
        return List.copyOf(out);
    }

    // ---- regression -------------------------------------------------------------------------------------------

    private static List<Entry> regression() {
        List<Entry> out = new ArrayList<>();
        TaskType r = TaskType.REGRESSION;
        out.add(new Entry(family("lr", "Linear Regression", r, Scaling.STANDARD, true, map("alpha", 0.0),
                List.of(Hyperparameter.logReal("alpha", 1e-4, 100.0, "L2 penalty (ridge); the default 0 is "
                        + "ordinary least squares")),
                "LinearRegressionTrainer(alpha): least squares solved exactly, as scikit-learn's LinearRegression "
                        + "(alpha 0, the default) or Ridge(alpha): weighted squared error + alpha * ||coef||^2, "
                        + "intercept not penalised; Cholesky on the centred normal equations, the minimum-norm "
                        + "solution by SVD for rank-deficient designs; a genuine Tribuo LinearSGDModel"),
                (p, ctx) -> new LinearRegressionTrainer(p.nonNegative("alpha"))));
        out.add(new Entry(family("sgd_lr", "Linear Regression (SGD)", r, Scaling.STANDARD, true,
                map("learning_rate", 1.0, "epochs", 5, "minibatch", 1),
                List.of(Hyperparameter.logReal("learning_rate", 0.01, 2.0, "AdaGrad initial learning rate"),
                        Hyperparameter.integer("epochs", 3, 30, "passes over the training data"),
                        Hyperparameter.choice("minibatch", "examples per gradient step", "1", "8", "32")),
                "LinearSGDTrainer(SquaredLoss, AdaGrad(learning_rate, 0.1), epochs, minibatch)"),
                (p, ctx) -> new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(),
                        new AdaGrad(p.real("learning_rate"), 0.1), p.integer("epochs"), NO_LOGGING,
                        p.integer("minibatch"), ctx.seed())));
        Map<String, Object> treeDefaults = map("max_depth", 0, "min_child_weight", 5.0, "min_impurity_decrease", 0.0);
        List<Hyperparameter> tree = List.of(
                Hyperparameter.integer("max_depth", 1, 16, "deepest split level (0 = unlimited)"),
                Hyperparameter.real("min_child_weight", 1.0, 20.0, "least example weight in a leaf"));
        out.add(new Entry(family("dt", "Decision Tree Regressor", r, Scaling.NONE, true, treeDefaults, tree,
                "RegressionTreeTrainer.cart(max_depth, min_child_weight, min_impurity_decrease): mlops4j's binned "
                        + "histogram CART, MSE; a genuine Tribuo TreeModel predicting the leaf's weighted mean"),
                (p, ctx) -> RegressionTreeTrainer.cart(p.integer("max_depth"), p.real("min_child_weight"),
                        p.real("min_impurity_decrease"), ctx.seed())));
        Map<String, Object> forestDefaults = map("n_trees", 100, "max_depth", 0, "max_features", "0.5",
                "min_child_weight", 1.0, "min_impurity_decrease", 0.0);
        List<Hyperparameter> forest = List.of(Hyperparameter.integer("n_trees", 10, 300, "trees in the ensemble"),
                Hyperparameter.integer("max_depth", 1, 16, "deepest split level (0 = unlimited)"),
                Hyperparameter.choice("max_features", "features considered per split", "sqrt", "log2", "0.5"));
        out.add(new Entry(family("rf", "Random Forest Regressor", r, Scaling.NONE, true, forestDefaults, forest,
                "RegressionTreeTrainer.randomForest(n_trees, max_depth, max_features, min_child_weight, "
                        + "min_impurity_decrease): bootstrap samples, feature subsampling per split, binned histogram "
                        + "CART (MSE); a Tribuo WeightedEnsembleModel with AveragingCombiner"),
                (p, ctx) -> RegressionTreeTrainer.randomForest(p.integer("n_trees"), p.integer("max_depth"),
                        p.maxFeatures("max_features"), p.real("min_child_weight"), p.real("min_impurity_decrease"),
                        ctx.seed())));
        out.add(new Entry(slow(family("tribuo_dt", "Decision Tree Regressor (Tribuo CART)", r, Scaling.NONE, true,
                treeDefaults, tree, "Tribuo's CARTRegressionTrainer(max_depth, min_child_weight, "
                        + "min_impurity_decrease, MSE); slower than dt, left out of comparisons unless named")),
                (p, ctx) -> TribuoTreeTrainers.regressionTree(p.integer("max_depth"), p.real("min_child_weight"),
                        p.real("min_impurity_decrease"), ctx.seed())));
        out.add(new Entry(slow(family("tribuo_rf", "Random Forest Regressor (Tribuo)", r, Scaling.NONE, true,
                forestDefaults, forest, "Tribuo's RandomForestTrainer over CARTRegressionTrainer with a feature "
                        + "fraction per split, AveragingCombiner; slower than rf, left out of comparisons unless "
                        + "named")),
                (p, ctx) -> TribuoTreeTrainers.regressionForest(p.integer("n_trees"), p.integer("max_depth"),
                        p.maxFeatures("max_features"), ctx.featureCount(), p.real("min_child_weight"),
                        p.real("min_impurity_decrease"), ctx.seed())));
        out.add(new Entry(family("xgboost", "Extreme Gradient Boosting", r, Scaling.NONE, true, xgbDefaults(),
                xgbSpace(), "XGBoostRegressionTrainer(GBTREE, tree_method (default HIST), LINEAR, ...) (one thread per "
                        + "model; folds run in parallel)"),
                (p, ctx) -> new XGBoostRegressionTrainer(XGBoostTrainer.BoosterType.GBTREE,
                        p.choice("tree_method", XGBoostTrainer.TreeMethod.class),
                        XGBoostRegressionTrainer.RegressionType.LINEAR, p.integer("n_trees"), p.real("eta"),
                        p.real("gamma"), p.integer("max_depth"), p.real("min_child_weight"), p.real("subsample"),
                        p.real("colsample"), p.real("lambda"), p.real("alpha"), 1,
                        XGBoostTrainer.LoggingVerbosity.SILENT, ctx.seed())));
        out.add(new Entry(family("dummy", "Dummy Regressor", r, Scaling.NONE, false, map(), List.of(),
                "DummyRegressionTrainer.createMeanTrainer(): always the training mean"),
                (p, ctx) -> DummyRegressionTrainer.createMeanTrainer()));
        return List.copyOf(out);
    }

    // ---- shared pieces ----------------------------------------------------------------------------------------

    private static Map<String, Object> xgbDefaults() {
        return map("n_trees", 100, "eta", 0.3, "max_depth", 6, "min_child_weight", 1.0, "subsample", 1.0,
                "colsample", 1.0, "lambda", 1.0, "alpha", 0.0, "gamma", 0.0, "tree_method", "HIST");
    }

    private static List<Hyperparameter> xgbSpace() {
        return List.of(Hyperparameter.integer("n_trees", 10, 300, "boosting rounds"),
                Hyperparameter.logReal("eta", 0.01, 0.5, "learning rate"),
                Hyperparameter.integer("max_depth", 1, 11, "deepest split level"),
                Hyperparameter.real("min_child_weight", 1.0, 4.0, "least hessian weight in a leaf"),
                Hyperparameter.real("subsample", 0.2, 1.0, "share of rows per tree"),
                Hyperparameter.real("colsample", 0.5, 1.0, "share of features per tree"),
                Hyperparameter.logReal("lambda", 1e-10, 10.0, "L2 regularisation"),
                Hyperparameter.logReal("alpha", 1e-10, 10.0, "L1 regularisation"));
    }

    private static Distance distance(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "L1" -> new L1Distance();
            case "COSINE" -> new CosineDistance();
            case "L2" -> new L2Distance();
            default -> throw new ConfigurationException("Unknown distance '" + name + "'; expected L2, L1 or COSINE");
        };
    }

    private static ModelFamily family(String key, String name, TaskType task, Scaling scaling, boolean weights,
            Map<String, Object> defaults, List<Hyperparameter> space, String description) {
        return new ModelFamily(key, name, task, scaling, weights, defaults, space, description);
    }

    /** @return the family, left out of comparisons of every family unless turbo is off */
    private static ModelFamily slow(ModelFamily f) {
        return new ModelFamily(f.key(), f.name(), f.task(), f.scaling(), f.usesWeights(), f.defaults(),
                f.searchSpace(), f.description(), false);
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    /** Typed access to a family's parameters, with errors that name the family and the parameter. */
    private record Params(String family, Map<String, Object> values) {

        Object raw(String name) {
            Object v = values.get(name);
            if (v == null) {
                throw new ConfigurationException("Model family '" + family + "' needs parameter '" + name + "'");
            }
            return v;
        }

        int integer(String name) {
            Object v = raw(name);
            try {
                return v instanceof Number n ? Math.toIntExact(Math.round(n.doubleValue()))
                        : Integer.parseInt(v.toString().trim());
            } catch (NumberFormatException | ArithmeticException e) {
                throw wrong(name, v, "an integer");
            }
        }

        double real(String name) {
            Object v = raw(name);
            try {
                return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw wrong(name, v, "a number");
            }
        }

        double positive(String name) {
            double v = real(name);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw wrong(name, raw(name), "a positive number");
            }
            return v;
        }

        int positiveInteger(String name) {
            int v = integer(name);
            if (v < 1) {
                throw wrong(name, raw(name), "an integer at least 1");
            }
            return v;
        }

        double nonNegative(String name) {
            double v = real(name);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw wrong(name, raw(name), "a number at least 0");
            }
            return v;
        }

        String string(String name) {
            return raw(name).toString();
        }

        String maxFeatures(String name) {
            String v = string(name).trim().toLowerCase(Locale.ROOT);
            if (v.equals("sqrt") || v.equals("log2") || v.equals("all")) {
                return v;
            }
            try {
                double fraction = Double.parseDouble(v);
                if (fraction > 0 && fraction <= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw wrong(name, v, "sqrt, log2, all or a fraction in (0, 1]");
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            String v = string(name).trim().toUpperCase(Locale.ROOT);
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw wrong(name, v, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        ConfigurationException wrong(String name, Object value, String expected) {
            return new ConfigurationException("Parameter '" + name + "' of model family '" + family + "' is '"
                    + value + "'; expected " + expected);
        }
    }
}

/**
 * Models on Tribuo: the PyCaret workflow (setup, compare, create, tune, finalize, predict) for JVM applications.
 *
 * <h2>Workflow</h2>
 * <ol>
 *   <li>{@link org.mlops4j.models.ModelingSetup#builder} takes a {@link org.mlops4j.core.data.Table} and the
 *       target column; {@code build()} makes a stratified train/test split (default 70/30) and stratified folds
 *       (default 10) from the seed. The task is classification for categorical, boolean and text targets and for
 *       numeric targets with at most 20 distinct whole values, regression otherwise.</li>
 *   <li>{@link org.mlops4j.models.ModelingSetup#compareModels} cross-validates every family and returns a
 *       {@link org.mlops4j.models.Leaderboard} (records; {@code toJson()}, {@code toText()}), with a time budget
 *       that returns the partial board and a {@link org.mlops4j.models.ModelingListener} for progress and
 *       tracking.</li>
 *   <li>{@link org.mlops4j.models.ModelingSetup#createModel}, {@link org.mlops4j.models.ModelingSetup#tuneModel}
 *       (random search over the family's documented space) and
 *       {@link org.mlops4j.models.ModelingSetup#finalizeModel} (refit on every row) give a
 *       {@link org.mlops4j.models.TrainedModel}; its {@link org.mlops4j.models.Predictor} returns a label and
 *       score per row and a per-row error instead of failing the batch;
 *       {@link org.mlops4j.models.TribuoModelFlavor} saves and loads it.</li>
 * </ol>
 *
 * <h2>Preprocessing</h2>
 * {@link org.mlops4j.models.FeatureEncoder}, fitted on training rows only (per fold during cross-validation):
 * median (or mean) imputation of numbers, most-frequent level (or a level of its own) for missing categories,
 * one-hot encoding (sparse: only the row's level is a feature), unseen levels ignored or grouped with rare levels
 * ({@link org.mlops4j.models.PreprocessingOptions#rareLevelThreshold()}), scaling of numeric columns only and
 * only for the families that need it, optional balanced class weights.
 *
 * <h2>Model families</h2>
 * <table>
 *   <caption>Classification</caption>
 *   <tr><th>key</th><th>trainer</th><th>scaling</th><th>AUC</th></tr>
 *   <tr><td>lr</td><td>mlops4j's L-BFGS logistic regression: scikit-learn's LogisticRegression (C = 1, L2, lbfgs,
 *       max_iter = 1000, tol = 1e-4), a Tribuo LinearSGDModel</td><td>standard</td><td>yes</td></tr>
 *   <tr><td>sgd_lr</td><td>LinearSGDTrainer, LogMulticlass, AdaGrad (5 epochs)</td><td>standard</td><td>yes</td></tr>
 *   <tr><td>svm</td><td>LinearSGDTrainer, Hinge, AdaGrad</td><td>standard</td><td>n/a</td></tr>
 *   <tr><td>liblinear</td><td>LibLinearClassificationTrainer (L2R_L2LOSS_SVC)</td><td>standard</td>
 *       <td>only with solver L2R_LR</td></tr>
 *   <tr><td>dt</td><td>mlops4j's histogram CART (Gini; a Tribuo TreeModel, scores: leaf class frequencies)</td>
 *       <td>none</td><td>yes</td></tr>
 *   <tr><td>rf</td><td>mlops4j's random forest: bootstrap samples, 100 trees, sqrt features per split, a Tribuo
 *       WeightedEnsembleModel averaging the leaf frequencies</td><td>none</td><td>yes</td></tr>
 *   <tr><td>et</td><td>mlops4j's extra trees: every row, 100 trees, sqrt features per split, one random threshold per
 *       feature</td><td>none</td><td>yes</td></tr>
 *   <tr><td>xgboost</td><td>XGBoostClassificationTrainer, 100 trees, histogram splits</td><td>none</td><td>yes</td></tr>
 *   <tr><td>nb</td><td>Gaussian naive Bayes as scikit-learn's GaussianNB (mlops4j's)</td><td>none</td><td>yes</td></tr>
 *   <tr><td>mnb</td><td>MultinomialNaiveBayesTrainer (no class prior)</td><td>min-max</td><td>yes</td></tr>
 *   <tr><td>knn</td><td>KNNTrainer, k = 5, L2, k-d tree</td><td>standard</td><td>n/a</td></tr>
 *   <tr><td>fm</td><td>FMClassificationTrainer</td><td>standard</td><td>yes</td></tr>
 *   <tr><td>dummy</td><td>DummyClassifierTrainer, most frequent</td><td>none</td><td>n/a</td></tr>
 * </table>
 * Regression: {@code lr} (mlops4j's exact least squares, scikit-learn's LinearRegression, or Ridge with
 * {@code alpha > 0}; a genuine Tribuo LinearSGDModel), {@code sgd_lr} (Tribuo's LinearSGDTrainer, squared loss,
 * AdaGrad, 5 epochs), {@code dt}, {@code rf} (the same tree trainers, MSE, forests averaged), {@code xgboost},
 * {@code dummy} (mean).
 *
 * <p>The tree families ({@code dt}, {@code rf}, {@code et}) do not use Tribuo's CART trainers, which were the
 * bottleneck of model comparison, but mlops4j's own trainers (internal package {@code ...models.internal.tree}) that
 * return genuine Tribuo models, so saving, loading, provenance and serving are unchanged. They bin each feature once
 * per training set (at most 256 bins; a feature with at most 256 distinct values, absent counting as 0, gets one bin
 * per value, so its splits are exact and equal scikit-learn's; others get bins of about equal row counts), grow each
 * tree depth first over row indices partitioned in place, and find each node's split from histograms of weighted
 * class counts (Gini) or target sums (MSE) over the node's rows, with scikit-learn's criteria, midpoint thresholds and
 * stopping rules ({@code max_depth} 0 = unlimited; {@code min_child_weight}: least total example weight in a leaf;
 * {@code min_impurity_decrease} as scikit-learn's). Forests draw {@code max_features} features per split (as
 * scikit-learn: more only while every drawn one is constant in the node); random forests train each tree on a
 * bootstrap sample, extra trees on every row with one threshold per drawn feature uniform between the node's least
 * and greatest value. Example weights (class weighting) are honoured. A seed gives the same model on any thread.
 * Cross-validation scores these models through their compact array form, with the same results as through Tribuo.
 *
 * <p>{@code lr} is not Tribuo's SGD logistic regression (that is {@code sgd_lr}) but mlops4j's own trainer (internal
 * package {@code ...models.internal.linear}) of scikit-learn's {@code LogisticRegression}: it minimises
 * {@code C * sum_i w_i * loss_i + 0.5 * ||coef||^2} (intercept not penalised, example weights carrying class
 * weighting) by L-BFGS with a strong Wolfe line search, with scikit-learn 1.2's stopping rules (gradient max-norm at
 * most {@code tol}, or scipy's relative decrease test, or {@code max_iter} steps, which logs a warning); two classes
 * get a sigmoid, more a multinomial softmax. Its model is a genuine Tribuo {@code LinearSGDModel} (softmax over one
 * row of weights per class), so saving, loading, provenance and serving are unchanged. Defaults and search spaces: {@link org.mlops4j.models.ModelFamily#defaults()} and
 * {@link org.mlops4j.models.ModelFamily#searchSpace()}, listed by
 * {@link org.mlops4j.models.ModelingSetup#families()}. XGBoost needs its native library (on Linux, libgomp); where
 * it cannot load, its leaderboard entry is {@code UNAVAILABLE} with the reason.
 *
 * <h2>Metrics</h2>
 * {@link org.mlops4j.models.EvaluationMetric}: computed from predictions exactly as scikit-learn does (checked to 1e-9
 * against committed reference values). Binary tasks score the positive class (1, true, yes, or as configured);
 * multiclass precision, recall and F1 are support-weighted and AUC is one-vs-rest support-weighted, as PyCaret
 * reports them. AUC is not available, rather than an error, for models without probabilities.
 *
 * <h2>Evaluation</h2>
 * {@link org.mlops4j.models.ModelEvaluation} is PyCaret's {@code plot_model} / {@code evaluate_model} as data:
 * from one scoring pass over labelled rows ({@link org.mlops4j.models.ModelingSetup#evaluation} uses the test
 * split), the metrics, a {@link org.mlops4j.models.ClassificationEvaluation} (confusion matrix, classification
 * report, ROC, precision-recall and calibration curves, score histograms, gains by decile; checked to 1e-12 against
 * scikit-learn 1.2.1) or a {@link org.mlops4j.models.RegressionEvaluation} (residuals), and
 * {@link org.mlops4j.models.FeatureImportance}s per input column. {@code toJson()} writes the data,
 * {@code toHtml()} a self-contained page of SVG charts; {@link org.mlops4j.models.ModelTracking#logEvaluation}
 * logs both on a run.
 */
package org.mlops4j.models;

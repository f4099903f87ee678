package org.mlops4j.models;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.data.Table;

/**
 * What a data scientist looks at before promoting a model, as PyCaret's {@code plot_model} and
 * {@code evaluate_model} show it: the metrics, the confusion matrix, classification report and curves of a classifier
 * (see {@link ClassificationEvaluation}), the residuals of a regressor (see {@link RegressionEvaluation}), and the
 * model's feature importances mapped back to its input columns. Data first: every number is in this record and in
 * {@link #toJson()}; {@link #toHtml()} draws them as a self-contained page of SVG charts.
 *
 * <pre>{@code
 * ModelEvaluation evaluation = ModelEvaluation.of(model, setup.holdoutRows());
 * evaluation.classification().flatMap(c -> c.rocCurves().stream().findFirst()).map(RocCurve::auc);
 * models.logEvaluation(run, evaluation);   // evaluation.json and evaluation.html as run artifacts
 * }</pre>
 *
 * <p>The JSON document ({@code format} {@code mlops4j.model-evaluation/1}) has the fields {@code family},
 * {@code task} ({@code classification} or {@code regression}), {@code target}, {@code rows}, {@code metrics}
 * (metric id to value), {@code feature_importance} (a list of {@code {column, importance, encoded_features}}), and
 * either {@code classification}: {@code labels}, {@code positive_label} (binary), {@code confusion_matrix}
 * ({@code [actual][predicted]}), {@code classification_report} (a list of {@code {label, precision, recall, f1,
 * support}}), {@code macro_avg}, {@code weighted_avg}, {@code accuracy}, {@code roc_curves} (a list of
 * {@code {label, auc, fpr, tpr, thresholds}}), {@code precision_recall} ({@code {label, average_precision, precision,
 * recall, thresholds}}, binary), {@code calibration} ({@code {bins, prob_true, prob_pred, counts}}, binary),
 * {@code score_histograms} (a list of {@code {label, edges, counts}}) and {@code gains} (a list of {@code {decile,
 * rows, positives, cumulative_rows, cumulative_positives, cumulative_gain, lift, cumulative_lift, min_score,
 * max_score}}); or {@code regression}: {@code residuals} ({@code {rows, mean, std, min, q25, median, q75, max, mae,
 * rmse, r2}}), {@code residual_histogram} and {@code sample} ({@code {actual, predicted}}, at most 2,000 rows). Parts
 * that do not apply (curves of a model without probabilities) are left out or empty; numbers that are not finite are
 * {@code null}.
 *
 * @param family            the model family's key
 * @param task              classification or regression
 * @param target            the target column
 * @param rows              the number of rows evaluated
 * @param metrics           the task's metrics on those rows, as {@link TrainedModel#evaluate(Table)} gives them
 * @param classification    the tables and curves of a classifier
 * @param regression        the residuals of a regressor
 * @param featureImportance per input column, most important first; empty when the model offers none
 */
public record ModelEvaluation(String family, TaskType task, String target, int rows, Map<EvaluationMetric, Double> metrics,
        Optional<ClassificationEvaluation> classification, Optional<RegressionEvaluation> regression,
        List<FeatureImportance> featureImportance) {

    /** The artifact file the JSON document is logged as. */
    public static final String JSON_ARTIFACT = "evaluation.json";
    /** The artifact file the HTML page is logged as. */
    public static final String HTML_ARTIFACT = "evaluation.html";

    /** Copies the collections. */
    public ModelEvaluation {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(target, "target");
        metrics = metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(metrics));
        featureImportance = List.copyOf(featureImportance);
    }

    /**
     * Scores labelled rows with a model once and computes its metrics, tables and curves from those predictions.
     *
     * @param model        a trained model
     * @param labelledRows rows with the model's input columns and its target column
     * @return the evaluation
     * @throws org.mlops4j.core.DataException when there are no rows, a column is missing or a target value is missing
     *                                        or unknown
     */
    public static ModelEvaluation of(TrainedModel model, Table labelledRows) {
        labelledRows.requireRows("The labelled rows of the evaluation");
        TargetSpec spec = model.targetSpec();
        ModelScorer.Scored scored = model.score(labelledRows);  // the one scoring pass, as TrainedModel.evaluate's
        Map<EvaluationMetric, Double> metrics = ModelScorer.metrics(scored, spec);
        Optional<ClassificationEvaluation> classification = Optional.empty();
        Optional<RegressionEvaluation> regression = Optional.empty();
        if (model.task() == TaskType.CLASSIFICATION) {
            classification = Optional.of(ClassificationEvaluation.compute(model.classLabels(), spec.positiveIndex(),
                    scored.actualClass(), scored.predictedClass(), scored.probabilities()));
        } else {
            regression = Optional.of(RegressionEvaluation.compute(scored.actualValue(), scored.predictedValue()));
        }
        return new ModelEvaluation(model.family(), model.task(), model.target(), labelledRows.rowCount(), metrics,
                classification, regression, FeatureImportances.of(model.tribuoModel(), model.encoder()));
    }

    /**
     * Logs this evaluation to a run as two artifacts: {@value #JSON_ARTIFACT} (the data) and {@value #HTML_ARTIFACT}
     * (the charts, which the tracking UI shows in a sandboxed frame on the run's page).
     *
     * @param run the run to log to
     */
    public void logTo(org.mlops4j.core.tracking.ActiveRun run) {
        run.logText(toJson(), JSON_ARTIFACT);
        run.logText(toHtml(), HTML_ARTIFACT);
    }

    /** @return the JSON document described above, indented */
    public String toJson() {
        return EvaluationJson.write(this);
    }

    /**
     * @return a self-contained HTML page (inline SVG and CSS, no scripts) drawing this evaluation; every label and
     *         name from the data is escaped
     */
    public String toHtml() {
        return EvaluationHtml.write(this, "Model evaluation: " + family + " on " + target);
    }

    /**
     * @param title the page's title and heading (escaped)
     * @return a self-contained HTML page drawing this evaluation
     */
    public String toHtml(String title) {
        return EvaluationHtml.write(this, title);
    }
}

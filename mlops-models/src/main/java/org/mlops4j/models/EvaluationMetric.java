package org.mlops4j.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mlops4j.core.ConfigurationException;

/**
 * The scores a leaderboard shows, with the same meaning as scikit-learn's functions of the same name.
 *
 * <p>Classification (binary: the positive class is the one {@link ModelingSetup} reports as positive; multiclass:
 * precision, recall and F1 are averaged over classes weighted by their support, and AUC is one-vs-rest weighted by
 * support, as scikit-learn's {@code average="weighted"} and {@code multi_class="ovr"}):
 * {@link #ACCURACY}, {@link #AUC}, {@link #RECALL}, {@link #PRECISION}, {@link #F1}, {@link #KAPPA}, {@link #MCC}.
 * Regression: {@link #RMSE}, {@link #MAE}, {@link #R2}. Precision, recall and F1 are 0 where their denominator is
 * 0 ({@code zero_division=0}).
 */
public enum EvaluationMetric {
    /** Share of rows predicted right ({@code accuracy_score}). */
    ACCURACY("accuracy", "Accuracy", TaskType.CLASSIFICATION, true),
    /** Area under the ROC curve from predicted probabilities ({@code roc_auc_score}); needs a probabilistic model. */
    AUC("auc", "AUC", TaskType.CLASSIFICATION, true),
    /** Recall of the positive class, or support-weighted for multiclass ({@code recall_score}). */
    RECALL("recall", "Recall", TaskType.CLASSIFICATION, true),
    /** Precision of the positive class, or support-weighted for multiclass ({@code precision_score}). */
    PRECISION("precision", "Prec.", TaskType.CLASSIFICATION, true),
    /** F1 of the positive class, or support-weighted for multiclass ({@code f1_score}). */
    F1("f1", "F1", TaskType.CLASSIFICATION, true),
    /** Cohen's kappa ({@code cohen_kappa_score}). */
    KAPPA("kappa", "Kappa", TaskType.CLASSIFICATION, true),
    /** Matthews correlation coefficient ({@code matthews_corrcoef}). */
    MCC("mcc", "MCC", TaskType.CLASSIFICATION, true),
    /** Root mean squared error. */
    RMSE("rmse", "RMSE", TaskType.REGRESSION, false),
    /** Mean absolute error ({@code mean_absolute_error}). */
    MAE("mae", "MAE", TaskType.REGRESSION, false),
    /** Coefficient of determination ({@code r2_score}). */
    R2("r2", "R2", TaskType.REGRESSION, true);

    private final String id;
    private final String label;
    private final TaskType task;
    private final boolean higherIsBetter;

    EvaluationMetric(String id, String label, TaskType task, boolean higherIsBetter) {
        this.id = id;
        this.label = label;
        this.task = task;
        this.higherIsBetter = higherIsBetter;
    }

    /** @return the stable lower-case key, used in JSON and configuration ({@code "auc"}, {@code "r2"}) */
    public String id() {
        return id;
    }

    /** @return the column heading of a printed leaderboard */
    public String label() {
        return label;
    }

    /** @return the task this metric scores */
    public TaskType task() {
        return task;
    }

    /** @return whether a larger value is better (false for errors such as RMSE) */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * @param task a task
     * @return the metrics of that task, in leaderboard column order
     */
    public static List<EvaluationMetric> forTask(TaskType task) {
        return Arrays.stream(values()).filter(m -> m.task == task).toList();
    }

    /**
     * @param task a task
     * @return the metric a leaderboard is sorted by unless told otherwise: AUC, or R2 for regression
     */
    public static EvaluationMetric defaultFor(TaskType task) {
        return task == TaskType.CLASSIFICATION ? AUC : R2;
    }

    /**
     * @param text a metric's id, label or enum name, in any case ({@code "auc"}, {@code "Prec."}, {@code "R2"})
     * @return the metric
     * @throws ConfigurationException listing the known ids when nothing matches
     */
    public static EvaluationMetric parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (EvaluationMetric metric : values()) {
            if (metric.id.equals(wanted) || metric.label.toLowerCase(Locale.ROOT).equals(wanted)
                    || metric.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return metric;
            }
        }
        throw new ConfigurationException("Unknown metric '" + text + "'; expected one of "
                + Arrays.stream(values()).map(EvaluationMetric::id).toList());
    }
}

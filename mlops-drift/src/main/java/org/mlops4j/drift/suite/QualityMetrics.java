package org.mlops4j.drift.suite;

import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.data.Column;

/**
 * Computes a model quality metric from a labelled window, for {@link CheckKind#MODEL_QUALITY} checks. mlops-drift
 * does not depend on mlops-models, which computes the metrics; the {@code mlops check} command passes an
 * implementation backed by {@code org.mlops4j.models.ClassificationMetrics} and {@code RegressionMetrics}, and code
 * that uses both modules does the same.
 */
@FunctionalInterface
public interface QualityMetrics {

    /** Refuses every metric: for suites run without mlops-models. */
    QualityMetrics NONE = (metric, actual, predicted) -> {
        throw new ConfigurationException("A model_quality check needs metrics from mlops-models; run the suite with"
                + " 'mlops check', or pass a QualityMetrics to CheckSuite.run");
    };

    /**
     * Called on the thread running the suite; may be called from several threads at once.
     *
     * @param metric    the metric's name, such as {@code "accuracy"}, {@code "f1"} or {@code "rmse"}
     * @param actual    the true labels (or values)
     * @param predicted the predicted labels (or values), as many rows
     * @return the metric's value
     * @throws ConfigurationException when the metric is unknown or does not fit the columns
     */
    double compute(String metric, Column actual, Column predicted);
}

package org.mlops4j.drift.suite;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Table;

/**
 * {@link CheckKind#MODEL_QUALITY}: a metric (option {@code metric}) of the predictions (option {@code prediction},
 * default {@code "prediction"}) against the labels (option {@code target}) of the current window, computed by the
 * suite's {@link QualityMetrics}; by default within 20 % of the same metric on the reference window (10 % for the
 * regression metrics), as Evidently's classification and regression tests compare with the reference.
 */
final class ModelQualityCheck {

    /** Metrics compared with the reference within 10 %, as Evidently's regression tests; the others within 20 %. */
    private static final Set<String> REGRESSION_METRICS = Set.of("rmse", "mae", "r2");

    private ModelQualityCheck() {
    }

    static List<CheckResult> run(Check check, SuiteWindows windows) {
        String metric = check.findOption("metric").orElse("accuracy");
        String target = check.findOption("target").orElse("target");
        String prediction = check.findOption("prediction").orElse("prediction");
        String column = target + " vs " + prediction;
        try {
            double value = compute(windows.metrics(), metric, windows.current(), target, prediction, "current");
            Condition condition;
            double reference = Double.NaN;
            if (check.condition().isPresent()) {
                condition = check.condition().get();
            } else {
                reference = compute(windows.metrics(), metric, windows.reference(), target, prediction,
                        "reference");
                double margin = REGRESSION_METRICS.contains(metric) ? 0.1 : 0.2;
                double low = reference * (1 - margin);
                double high = reference * (1 + margin);
                condition = Condition.between(Math.min(low, high), Math.max(low, high));
            }
            return List.of(CheckResult.judged(check, column, value, reference, condition, String.format(Locale.ROOT,
                    "%s of '%s' against '%s' is %s on the current window%s", metric, prediction, target,
                    Condition.format(value), Double.isNaN(reference) ? ""
                        : ", " + Condition.format(reference) + " on the reference")));
        } catch (MlopsException e) {
            return List.of(CheckResult.error(check, column, e.getMessage()));
        }
    }

    private static double compute(QualityMetrics metrics, String metric, Table window, String target,
            String prediction, String which) {
        for (String name : List.of(target, prediction)) {
            if (!window.hasColumn(name)) {
                throw new ConfigurationException("The " + which + " window has no column '" + name + "' for the "
                        + "model quality check; its columns are " + window.columnNames() + "; set the options "
                        + "'target' and 'prediction'");
            }
        }
        return metrics.compute(metric, window.column(target), window.column(prediction));
    }
}

package org.mlops4j.drift.suite;

import java.util.List;
import java.util.Locale;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Table;

/**
 * {@link CheckKind#MODEL_QUALITY}: a metric (option {@code metric}) of the predictions (option {@code prediction},
 * default {@code "prediction"}) against the labels (option {@code target}) of the current window, computed by the
 * suite's {@link QualityMetrics}; by default within 20 % of the same metric on the reference window, as Evidently's
 * quality tests compare with the reference.
 */
final class ModelQualityCheck {

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
                condition = Condition.between(Math.min(reference * 0.8, reference * 1.2),
                        Math.max(reference * 0.8, reference * 1.2));
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

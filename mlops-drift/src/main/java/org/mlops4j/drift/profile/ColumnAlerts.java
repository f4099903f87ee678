package org.mlops4j.drift.profile;

import java.util.List;
import java.util.Locale;

/** The per-column alert rules of a {@link ProfileReport}, as ydata-profiling's. Package-private. */
final class ColumnAlerts {

    private ColumnAlerts() {
    }

    static void add(List<Alert> alerts, ColumnSummary summary, ColumnProfile column, AlertThresholds t) {
        String name = summary.name();
        List<String> at = List.of(name);
        DistinctCount distinct = summary.distinct();
        if (summary.count() > 0 && distinct.rounded() == 1) {
            alerts.add(new Alert(AlertType.CONSTANT, at, 1, "'" + name + "' has a constant value"));
        }
        if (distinct.exact() && summary.count() > 1 && distinct.rounded() == summary.count()) {
            alerts.add(new Alert(AlertType.UNIQUE, at, distinct.estimate(), "'" + name + "' has unique values"));
        }
        if (summary.missingFraction() > t.missingShare()) {
            alerts.add(new Alert(AlertType.MISSING, at, summary.missingFraction(), String.format(Locale.ROOT,
                    "'%s' has %d (%s) missing values", name, summary.missing(),
                    ProfileReport.percent(summary.missingFraction()))));
        }
        long rows = column.rowCount();
        if (column instanceof NumericProfile n) {
            double zeros = rows == 0 ? 0 : (double) n.zeroCount() / rows;
            boolean binary = distinct.exact() && distinct.rounded() <= 2; // a 0/1 flag: zeros are one of its values
            if (zeros > t.zerosShare() && !binary) {
                alerts.add(new Alert(AlertType.ZEROS, at, zeros, String.format(Locale.ROOT,
                        "'%s' has %d (%s) zeros", name, n.zeroCount(), ProfileReport.percent(zeros))));
            }
            double infinite = rows == 0 ? 0 : (double) n.infiniteCount() / rows;
            if (infinite > t.infiniteShare()) {
                alerts.add(new Alert(AlertType.INFINITE, at, infinite, String.format(Locale.ROOT,
                        "'%s' has %d (%s) infinite values", name, n.infiniteCount(),
                        ProfileReport.percent(infinite))));
            }
            double skew = n.skewness();
            if (Math.abs(skew) > t.skewness()) {
                alerts.add(new Alert(AlertType.SKEWED, at, skew, String.format(Locale.ROOT,
                        "'%s' is highly skewed (skewness %.2f)", name, skew)));
            }
            return;
        }
        CategoricalProfile c = (CategoricalProfile) column;
        if (distinct.estimate() > t.cardinality()) {
            alerts.add(new Alert(AlertType.HIGH_CARDINALITY, at, distinct.estimate(), String.format(Locale.ROOT,
                    "'%s' has a high cardinality: %s distinct values", name,
                    ProfileReport.count(distinct.estimate(), distinct.exact()))));
        }
        if (c.exact() && c.count() > 0 && distinct.rounded() > 1) {
            double entropy = 0;
            for (ValueCount v : c.allValues()) {
                double p = (double) v.count() / c.count();
                entropy -= p * Math.log(p);
            }
            double imbalance = 1 - entropy / Math.log(distinct.rounded());
            if (imbalance > t.imbalance()) {
                alerts.add(new Alert(AlertType.IMBALANCE, at, imbalance, String.format(Locale.ROOT,
                        "'%s' is highly imbalanced (%.2f)", name, imbalance)));
            }
        }
    }
}

package org.mlops4j.drift.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;

/**
 * {@link CheckKind#OUT_OF_RANGE_SHARE}: the share of a numeric column's current values (missing and NaN left out)
 * outside the reference's [min, max]; by default none. A reference without values has an empty range, which every
 * current value is outside of; a current window without values has none outside.
 */
final class OutOfRangeCheck {

    private OutOfRangeCheck() {
    }

    static List<CheckResult> run(Check check, SuiteWindows windows) {
        List<CheckResult> results = new ArrayList<>();
        for (String name : windows.columns(check, c -> c.type() == ColumnType.NUMERIC)) {
            String missing = windows.missing(name);
            if (missing != null) {
                results.add(CheckResult.error(check, name, missing));
                continue;
            }
            if (windows.reference().column(name).type() != ColumnType.NUMERIC
                    || windows.current().column(name).type() != ColumnType.NUMERIC) {
                results.add(CheckResult.error(check, name, "Column '" + name + "' is not numeric in both windows"
                        + " (reference " + windows.reference().column(name).type().key() + ", current "
                        + windows.current().column(name).type().key() + "); check only numeric columns"));
                continue;
            }
            results.add(judge(check, name, windows.reference().numeric(name), windows.current().numeric(name)));
        }
        return results;
    }

    private static CheckResult judge(Check check, String name, NumericColumn reference, NumericColumn current) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < reference.size(); row++) {
            double v = reference.getDouble(row);
            if (!reference.isNull(row) && !Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        long values = 0;
        long outside = 0;
        for (int row = 0; row < current.size(); row++) {
            double v = current.getDouble(row);
            if (!current.isNull(row) && !Double.isNaN(v)) {
                values++;
                if (v < min || v > max) {
                    outside++;
                }
            }
        }
        double share = values == 0 ? 0.0 : (double) outside / values;
        Condition condition = check.condition().orElseGet(() -> Condition.eq(0));
        String range = min > max ? "range, which is empty as the reference has no value in the column"
                : "range [" + Condition.format(min) + ", " + Condition.format(max) + "]";
        return CheckResult.judged(check, name, share, Double.NaN, condition, String.format(Locale.ROOT,
                "%d of %d current values (%.2f %%) are outside the reference's %s", outside, values, share * 100,
                range));
    }
}

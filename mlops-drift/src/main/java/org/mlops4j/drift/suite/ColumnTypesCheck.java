package org.mlops4j.drift.suite;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;

/**
 * {@link CheckKind#COLUMN_TYPES}: the number of reference columns missing from the current window or of another type
 * there; by default none. Categorical and text count as one type, as a CSV reader types a string column by its share
 * of distinct values, which differs between windows.
 */
final class ColumnTypesCheck {

    private ColumnTypesCheck() {
    }

    static List<CheckResult> run(Check check, SuiteWindows windows) {
        List<String> changed = new ArrayList<>();
        for (String name : windows.columns(check, c -> true)) {
            if (!windows.reference().hasColumn(name)) {
                return List.of(CheckResult.error(check, null, "The reference has no column '" + name
                        + "'; its columns are " + windows.reference().columnNames()));
            }
            ColumnType expected = windows.reference().column(name).type();
            String found = windows.current().findColumn(name).map(Column::type).map(ColumnType::key)
                    .orElse("missing");
            if (!found.equals("missing") && kind(ColumnType.fromKey(found)).equals(kind(expected))) {
                continue;
            }
            changed.add(name + " (" + expected.key() + " → " + found + ")");
        }
        Condition condition = check.condition().orElseGet(() -> Condition.eq(0));
        String message = changed.isEmpty() ? "Every column has its reference type"
                : changed.size() + " columns changed: " + changed;
        return List.of(CheckResult.judged(check, null, changed.size(), Double.NaN, condition, message));
    }

    private static String kind(ColumnType type) {
        return type == ColumnType.TEXT ? ColumnType.CATEGORICAL.key() : type.key();
    }
}

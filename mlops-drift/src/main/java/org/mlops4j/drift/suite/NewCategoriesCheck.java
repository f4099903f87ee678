package org.mlops4j.drift.suite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mlops4j.core.data.Column;

/**
 * {@link CheckKind#NEW_CATEGORIES}: how many distinct values of a categorical, text or boolean column appear in the
 * current window but not in the reference; by default none.
 */
final class NewCategoriesCheck {

    /** The most new categories a message names. */
    private static final int NAMED = 10;

    private NewCategoriesCheck() {
    }

    static List<CheckResult> run(Check check, SuiteWindows windows) {
        List<CheckResult> results = new ArrayList<>();
        for (String name : windows.columns(check, SuiteWindows::isLabels)) {
            String missing = windows.missing(name);
            if (missing != null) {
                results.add(CheckResult.error(check, name, missing));
                continue;
            }
            Set<String> known = values(windows.reference().column(name));
            Set<String> fresh = new TreeSet<>(values(windows.current().column(name)));
            fresh.removeAll(known);
            Condition condition = check.condition().orElseGet(() -> Condition.eq(0));
            String message = fresh.isEmpty() ? "Every current category is in the reference"
                    : fresh.size() + " current categories are not in the reference: "
                        + fresh.stream().limit(NAMED).toList() + (fresh.size() > NAMED ? " ..." : "");
            results.add(CheckResult.judged(check, name, fresh.size(), Double.NaN, condition, message));
        }
        return results;
    }

    private static Set<String> values(Column column) {
        Set<String> values = new HashSet<>();
        for (int row = 0; row < column.size(); row++) {
            if (!column.isNull(row)) {
                values.add(column.format(row));
            }
        }
        return values;
    }
}

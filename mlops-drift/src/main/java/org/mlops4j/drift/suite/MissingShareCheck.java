package org.mlops4j.drift.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlops4j.core.data.Column;

/** {@link CheckKind#MISSING_SHARE}: share of missing values per column; by default ≤ 1.1 × the reference's share. */
final class MissingShareCheck {

    private MissingShareCheck() {
    }

    static List<CheckResult> run(Check check, SuiteWindows windows) {
        List<CheckResult> results = new ArrayList<>();
        for (String name : windows.columns(check, c -> true)) {
            String missing = windows.missing(name);
            if (missing != null) {
                results.add(CheckResult.error(check, name, missing));
                continue;
            }
            double share = share(windows.current().column(name));
            double reference = share(windows.reference().column(name));
            Condition condition = check.condition().orElseGet(() -> Condition.lte(reference * 1.1));
            results.add(CheckResult.judged(check, name, share, reference, condition, String.format(Locale.ROOT,
                    "%.2f %% of the current values are missing, %.2f %% of the reference's", share * 100,
                    reference * 100)));
        }
        return results;
    }

    private static double share(Column column) {
        return column.size() == 0 ? 0.0 : (double) column.nullCount() / column.size();
    }
}

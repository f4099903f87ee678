package org.mlops4j.drift.suite;

import java.util.List;
import java.util.Locale;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftSummary;

/**
 * {@link CheckKind#DRIFTED_SHARE}: the share of drifted columns among those tested (the check's columns, or every
 * reference column but timestamps), by {@link ColumnDriftCheck}'s options; by default at most one third, as
 * Evidently's {@code TestShareOfDriftedColumns}.
 */
final class DriftedShareCheck {

    private DriftedShareCheck() {
    }

    static List<CheckResult> run(Check check, SuiteWindows windows) {
        List<String> columns = windows.columns(check, c -> c.type() != ColumnType.TIMESTAMP);
        for (String name : columns) {
            String missing = windows.missing(name);
            if (missing != null) {
                return List.of(CheckResult.error(check, null, missing));
            }
        }
        DriftSummary summary;
        try {
            summary = ColumnDriftCheck.drift(check, columns).run(windows.reference(), windows.current()).summary();
        } catch (MlopsException e) {
            return List.of(CheckResult.error(check, null, e.getMessage()));
        }
        Condition condition = check.condition().orElseGet(() -> Condition.lte(1.0 / 3));
        return List.of(CheckResult.judged(check, null, summary.shareOfDriftedColumns(), Double.NaN, condition,
                String.format(Locale.ROOT, "%d of %d columns drifted%s", summary.numberOfDriftedColumns(),
                        summary.numberOfColumns(), summary.driftedColumns().isEmpty() ? ""
                            : ": " + summary.driftedColumns())));
    }
}

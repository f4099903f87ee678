package org.mlops4j.drift.suite;

import java.util.List;

/** {@link CheckKind#ROW_COUNT}: rows in the current window; by default within 10 % of the reference's rows. */
final class RowCountCheck {

    private RowCountCheck() {
    }

    static List<CheckResult> run(Check check, SuiteWindows windows) {
        double rows = windows.current().rowCount();
        double reference = windows.reference().rowCount();
        Condition condition = check.condition().orElseGet(() -> Condition.between(reference * 0.9, reference * 1.1));
        return List.of(CheckResult.judged(check, null, rows, reference, condition,
                "The current window has " + (long) rows + " rows, the reference " + (long) reference));
    }
}

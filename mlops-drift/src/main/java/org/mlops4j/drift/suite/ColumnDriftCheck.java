package org.mlops4j.drift.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.drift.ColumnDrift;
import org.mlops4j.drift.DataDrift;
import org.mlops4j.drift.DriftReport;

/**
 * {@link CheckKind#COLUMN_DRIFT}: each column tested by {@link DataDrift} (its default test, or the option
 * {@code stattest}, with the option {@code threshold}); a drifted column misses, as Evidently's
 * {@code TestColumnDrift}. The value is the test's score; the condition is the test's own threshold.
 */
final class ColumnDriftCheck {

    private ColumnDriftCheck() {
    }

    static List<CheckResult> run(Check check, SuiteWindows windows) {
        List<CheckResult> results = new ArrayList<>();
        for (String name : windows.columns(check, c -> c.type() != ColumnType.TIMESTAMP)) {
            String missing = windows.missing(name);
            if (missing != null) {
                results.add(CheckResult.error(check, name, missing));
                continue;
            }
            try {
                DriftReport report = drift(check, List.of(name)).run(windows.reference(), windows.current());
                results.add(judge(check, report.column(name).orElseThrow()));
            } catch (MlopsException e) {
                results.add(CheckResult.error(check, name, e.getMessage()));
            }
        }
        return results;
    }

    /**
     * @param check   a drift check, whose options {@code stattest} and {@code threshold} apply
     * @param columns the columns to test
     * @return the comparison
     */
    static DataDrift drift(Check check, List<String> columns) {
        DataDrift.Builder builder = DataDrift.builder().columns(columns.toArray(String[]::new));
        check.findOption("stattest").ifPresent(builder::stattest);
        Optional<String> threshold = check.findOption("threshold");
        if (threshold.isPresent()) {
            builder.threshold(SuiteFile.number(threshold.get(), "threshold"));
        }
        return builder.build();
    }

    private static CheckResult judge(Check check, ColumnDrift drift) {
        CheckStatus status = !drift.drifted() ? CheckStatus.PASS
                : check.critical() ? CheckStatus.FAIL : CheckStatus.WARN;
        String verdict = drift.drifted() ? "drift detected" : "no drift";
        String condition = "no drift (drift when " + drift.stattest() + " score " + drift.rule().symbol() + " "
                + Condition.format(drift.threshold()) + ")";
        return new CheckResult(check.kind().key(), Optional.of(drift.column()), status, drift.score(), Double.NaN,
                condition, String.format(Locale.ROOT, "%s: %s score %s, threshold %s", verdict, drift.stattest(),
                        Condition.format(drift.score()), Condition.format(drift.threshold())));
    }
}

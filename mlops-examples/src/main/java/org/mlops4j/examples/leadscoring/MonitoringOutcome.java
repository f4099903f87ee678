package org.mlops4j.examples.leadscoring;

import org.mlops4j.core.monitor.MonitoringRuns;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.monitor.ActionKind;
import org.mlops4j.core.monitor.DecisionOutcome;

/**
 * What one run of the monitoring pipeline found and did.
 *
 * @param window        which batches of the serving log were compared
 * @param rows          rows in the window
 * @param runId         the monitoring run (see {@link MonitoringRuns})
 * @param outcome       the policy's decision with its evidence, and each action's result
 * @param quality       the model's quality on labelled served leads (keys {@code auc}, {@code precision},
 *                      {@code recall}); empty when no labels arrived
 * @param driftReportJson the drift report as JSON
 * @param driftReportHtml the drift report as HTML
 */
public record MonitoringOutcome(String window, int rows, String runId, DecisionOutcome outcome,
                                Map<String, Double> quality, Path driftReportJson, Path driftReportHtml) {

    /** Copies the map and checks that nothing is {@code null}. */
    public MonitoringOutcome {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(outcome, "outcome");
        quality = Collections.unmodifiableMap(new LinkedHashMap<>(quality));
        Objects.requireNonNull(driftReportJson, "driftReportJson");
        Objects.requireNonNull(driftReportHtml, "driftReportHtml");
    }

    /** @return the action decided */
    public ActionKind action() {
        return outcome.decision().action();
    }

    /** @return the largest deviation of a monitored column, in percentage points */
    public double maxDeviation() {
        return outcome.decision().decidingDeviation();
    }

    /** @return the share of monitored columns that drifted */
    public double driftShare() {
        return outcome.decision().drift().shareOfDriftedColumns();
    }
}

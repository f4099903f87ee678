package org.mlops4j.core.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mlops4j.core.DataException;
import org.mlops4j.core.spi.support.Json;

/**
 * The JSON line of a {@link PolicyDecision}, in the stable snake_case shape that {@link DecisionOutcome#toJson()}
 * documents, written and read by the shared {@link Json} mapper. Kinds and the band are kept as their text keys so
 * that the line's shape does not follow the value types' Java names. Package-private.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DecisionLine(String action, String driftAction, String measure, String unit, String decidingColumn,
                    double decidingDeviation, String band, List<Deviation> deviations, Drift drift, Quality quality,
                    Instant decidedAt, String reason) {

    static final String SOURCE = "policy decision JSON";

    /** One monitored column's deviation. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Deviation(String column, String columnType, double deviation) {
    }

    /** The drift report's verdict. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Drift(boolean datasetDrift, double driftShare, int numberOfColumns, int numberOfDriftedColumns,
                 double shareOfDriftedColumns, List<String> driftedColumns) {
    }

    /** The quality check. */
    record Quality(boolean checked, Map<String, Double> measured, Map<String, Double> targets, List<String> missed,
                   String action) {
    }

    /** A decision with its actions: the decision's keys followed by {@code actions}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Outcome(@JsonUnwrapped DecisionLine decision, List<ActionResult> actions) {
    }

    static DecisionLine of(PolicyDecision d) {
        DriftSummary s = d.drift();
        QualityCheck q = d.quality();
        return new DecisionLine(d.action().key(), d.driftAction().key(), d.measure(), d.unit(), d.decidingColumn(),
                d.decidingDeviation(), d.band().interval(),
                d.deviations().stream().map(c -> new Deviation(c.column(), DriftTreatment.key(c.columnType()),
                        c.deviation())).toList(),
                new Drift(s.datasetDrift(), s.driftShare(), s.numberOfColumns(), s.numberOfDriftedColumns(),
                        s.shareOfDriftedColumns(), s.driftedColumns()),
                new Quality(q.checked(), q.measured(), q.targets(), q.missed(), q.action().key()),
                d.decidedAt(), d.reason());
    }

    static String write(PolicyDecision decision) {
        return Json.write(of(decision));
    }

    static String write(DecisionOutcome outcome) {
        return Json.write(new Outcome(of(outcome.decision()), outcome.actions()));
    }

    static PolicyDecision readDecision(String json) {
        return Json.read(json, DecisionLine.class, SOURCE).toDecision();
    }

    static DecisionOutcome readOutcome(String json) {
        Outcome line = Json.read(json, Outcome.class, SOURCE);
        return new DecisionOutcome(line.decision().toDecision(), line.actions());
    }

    /**
     * @return the decision
     * @throws DataException naming the field whose key is not known
     */
    PolicyDecision toDecision() {
        try {
            return decision();
        } catch (NullPointerException e) {
            throw new DataException("A field is null: " + e.getMessage(), SOURCE, 0, e.getMessage(), null, e);
        }
    }

    private PolicyDecision decision() {
        ActionKind driftKind = key("drift_action", driftAction, ActionKind::fromKey);
        return new PolicyDecision(key("action", action, ActionKind::fromKey), driftKind, measure, unit,
                decidingColumn, decidingDeviation, key("band", band, b -> PolicyBand.parse(b, driftKind)),
                deviations.stream().map(c -> new ColumnDeviation(c.column(),
                        key("column_type", c.columnType(), DriftTreatment::fromKey), c.deviation())).toList(),
                new DriftSummary(drift.datasetDrift(), drift.driftShare(), drift.numberOfColumns(),
                        drift.numberOfDriftedColumns(), drift.shareOfDriftedColumns(), drift.driftedColumns()),
                new QualityCheck(quality.checked(), quality.measured(), quality.targets(), quality.missed(),
                        key("quality.action", quality.action(), ActionKind::fromKey)),
                decidedAt, reason);
    }

    private static <T> T key(String field, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new DataException("Cannot read '" + field + "': " + e.getMessage(), SOURCE, 0, field, value, e);
        }
    }
}

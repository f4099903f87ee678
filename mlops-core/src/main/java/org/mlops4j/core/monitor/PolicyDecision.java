package org.mlops4j.core.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link ActionPolicy} decided, with its evidence: the deviation of every monitored column, the column whose
 * deviation decided and the band it fell into, the drift report's verdict, and the quality check.
 *
 * <p>The action is the more severe of the drift action (the band of the largest deviation) and the quality action
 * (when a measured metric missed its target).
 *
 * @param action             what to do
 * @param driftAction        what the deviations alone asked for (the deciding band's action)
 * @param measure            the deviation measure's name, such as {@code tvd}
 * @param unit               the measure's unit, such as {@code percentage points}
 * @param decidingColumn     the column with the largest deviation (the first such column on a tie)
 * @param decidingDeviation  that column's deviation
 * @param band               the band the largest deviation fell into
 * @param deviations         every monitored column's deviation, in the order the columns were monitored
 * @param drift              the drift report's verdict
 * @param quality            the quality check ({@link QualityCheck#notChecked()} when quality was not measured)
 * @param decidedAt          when the decision was made
 * @param reason             one sentence for people: why this action
 */
public record PolicyDecision(ActionKind action, ActionKind driftAction, String measure, String unit,
                             String decidingColumn, double decidingDeviation, PolicyBand band,
                             List<ColumnDeviation> deviations, DriftSummary drift, QualityCheck quality,
                             Instant decidedAt, String reason) {

    /** Copies the list and checks that nothing is missing. */
    public PolicyDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(driftAction, "driftAction");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(decidingColumn, "decidingColumn");
        Objects.requireNonNull(band, "band");
        deviations = List.copyOf(deviations);
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return the decision as one line of JSON with snake_case keys (see {@link DecisionOutcome#toJson()}) */
    public String toJson() {
        return DecisionLine.write(this);
    }

    /**
     * @param json the text {@link #toJson()} wrote
     * @return the decision
     * @throws org.mlops4j.core.DataException when the text is not such a decision, naming the field
     */
    public static PolicyDecision fromJson(String json) {
        return DecisionLine.readDecision(json);
    }
}

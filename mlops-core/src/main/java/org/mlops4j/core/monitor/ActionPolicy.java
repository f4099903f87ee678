package org.mlops4j.core.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.ConfigurationException;

/**
 * Turns how far monitored columns moved into an action: the largest deviation falls into one of a set of bands, each
 * with its action; optionally, model-quality metrics below their targets ask for an action too, and the more severe
 * action wins.
 *
 * <p>The default bands follow the seed's policy for a deviation in percentage points of moved probability mass: up to
 * 2 % no action, 5–8 % retrain, above 10 % escalate to people; what lies between is set explicitly: below 5 % no
 * action, 8–10 % retrain. So:
 *
 * <pre>
 * [0, 5)     none      (5 itself retrains)
 * [5, 10]    retrain   (10 itself still retrains)
 * (10, 100]  escalate
 * </pre>
 *
 * <pre>{@code
 * ActionPolicy policy = ActionPolicy.builder()
 *         .band("[0, 3)", ActionKind.NONE)
 *         .band("[3, 15]", ActionKind.RETRAIN)
 *         .band("(15, 100]", ActionKind.ESCALATE)
 *         .qualityTargets(QualityTargets.exceeding(Map.of("auc", 0.75, "precision", 0.65, "recall", 0.75)))
 *         .build();
 * }</pre>
 *
 * <p>The bands must cover the measure's range ({@code [0, 100]} by default) without gaps or overlaps; building fails
 * with a message that names the gap or overlap. Instances are immutable and thread-safe.
 */
public final class ActionPolicy {

    private final List<PolicyBand> bands;
    private final double rangeLower;
    private final double rangeUpper;
    private final QualityTargets qualityTargets;

    private ActionPolicy(Builder b) {
        List<PolicyBand> sorted = new ArrayList<>(b.bands);
        sorted.sort(Comparator.comparingDouble(PolicyBand::lower)
                .thenComparing(band -> !band.lowerInclusive()));
        this.bands = List.copyOf(sorted);
        this.rangeLower = b.rangeLower;
        this.rangeUpper = b.rangeUpper;
        this.qualityTargets = b.qualityTargets;
        validate();
    }

    /** @return the seed's policy: {@code [0, 5)} none, {@code [5, 10]} retrain, {@code (10, 100]} escalate */
    public static ActionPolicy defaults() {
        return builder().band("[0, 5)", ActionKind.NONE).band("[5, 10]", ActionKind.RETRAIN)
                .band("(10, 100]", ActionKind.ESCALATE).build();
    }

    /**
     * Reads bands written as {@code interval:action} pairs separated by {@code ;}, such as
     * {@code "[0,5):none; [5,10]:retrain; (10,100]:escalate"} (the form of the {@code mlops.monitor.policy.bands}
     * property).
     *
     * @param text the bands
     * @return a builder holding them, over the range {@code [0, 100]}
     * @throws IllegalArgumentException when a pair cannot be read, quoting it
     */
    public static Builder parseBands(String text) {
        Builder builder = builder();
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Cannot read the policy band '" + pair.trim() + "'; write "
                        + "interval:action, such as [5,10]:retrain");
            }
            builder.band(pair.substring(0, colon), ActionKind.fromKey(pair.substring(colon + 1)));
        }
        return builder;
    }

    /** @return a builder without bands over the range {@code [0, 100]} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the bands, ascending */
    public List<PolicyBand> bands() {
        return bands;
    }

    /** @return the quality targets ({@link QualityTargets#none()} by default) */
    public QualityTargets qualityTargets() {
        return qualityTargets;
    }

    /**
     * @param deviation a value of the deviation measure
     * @return the band it falls into
     * @throws IllegalArgumentException when the value is outside the policy's range or not a number
     */
    public PolicyBand bandFor(double deviation) {
        for (PolicyBand band : bands) {
            if (band.contains(deviation)) {
                return band;
            }
        }
        throw new IllegalArgumentException("The deviation " + deviation + " is outside the policy's range "
                + PolicyBand.describe(rangeLower, true, rangeUpper, true) + "; check the deviation measure");
    }

    /**
     * Decides from drift alone.
     *
     * @param measure    the measure's name
     * @param unit       the measure's unit
     * @param deviations every monitored column's deviation, at least one
     * @param drift      the drift report's verdict, kept as evidence
     * @param decidedAt  the time of the decision
     * @return the decision
     * @throws IllegalArgumentException when there is no deviation or one is outside the range
     */
    public PolicyDecision decide(String measure, String unit, List<ColumnDeviation> deviations, DriftSummary drift,
                                 Instant decidedAt) {
        return decide(measure, unit, deviations, drift, Map.of(), decidedAt);
    }

    /**
     * Decides from drift and, when measured, model quality.
     *
     * @param measure        the measure's name
     * @param unit           the measure's unit
     * @param deviations     every monitored column's deviation, at least one
     * @param drift          the drift report's verdict, kept as evidence
     * @param qualityMetrics measured quality metrics by name (such as {@code auc}); empty when not measured
     * @param decidedAt      the time of the decision
     * @return the decision
     * @throws IllegalArgumentException when there is no deviation, one is outside the range, or a metric with a
     *                                  target was not measured
     */
    public PolicyDecision decide(String measure, String unit, List<ColumnDeviation> deviations, DriftSummary drift,
                                 Map<String, Double> qualityMetrics, Instant decidedAt) {
        if (deviations.isEmpty()) {
            throw new IllegalArgumentException("A policy decision needs the deviation of at least one monitored "
                    + "column; none was given");
        }
        ColumnDeviation deciding = deviations.get(0);
        for (ColumnDeviation d : deviations) {
            if (d.deviation() > deciding.deviation()) {
                deciding = d;
            }
        }
        PolicyBand band = bandFor(deciding.deviation());
        QualityCheck quality = qualityTargets.check(qualityMetrics);
        ActionKind action = band.action().atLeast(quality.action());
        String reason = String.format(Locale.ROOT, "Column '%s' moved %.2f %s (%s), the most of %d monitored "
                        + "column(s), in band %s: %s", deciding.column(), deciding.deviation(), unit, measure,
                deviations.size(), band.interval(), band.action().key());
        if (quality.checked()) {
            reason += quality.missed().isEmpty() ? "; quality targets met"
                    : "; quality missed its target in " + quality.missed() + ": " + quality.action().key();
        }
        return new PolicyDecision(action, band.action(), measure, unit, deciding.column(), deciding.deviation(), band,
                deviations, drift, quality, decidedAt, reason + " -> " + action.key());
    }

    private void validate() {
        if (bands.isEmpty()) {
            throw new ConfigurationException("A policy needs at least one band covering "
                    + PolicyBand.describe(rangeLower, true, rangeUpper, true));
        }
        PolicyBand first = bands.get(0);
        if (first.lower() > rangeLower || (first.lower() == rangeLower && !first.lowerInclusive())) {
            throw gap(rangeLower, true, first.lower(), !first.lowerInclusive());
        }
        for (int i = 1; i < bands.size(); i++) {
            PolicyBand previous = bands.get(i - 1);
            PolicyBand next = bands.get(i);
            if (previous.upper() < next.lower()
                    || (previous.upper() == next.lower() && !previous.upperInclusive() && !next.lowerInclusive())) {
                throw gap(previous.upper(), !previous.upperInclusive(), next.lower(), !next.lowerInclusive());
            }
            if (previous.upper() > next.lower()
                    || (previous.upper() == next.lower() && previous.upperInclusive() && next.lowerInclusive())) {
                double overlapUpper = Math.min(previous.upper(), next.upper());
                boolean upperIn = previous.upper() < next.upper() ? previous.upperInclusive()
                        : previous.upper() > next.upper() ? next.upperInclusive()
                        : previous.upperInclusive() && next.upperInclusive();
                throw new ConfigurationException("The policy bands " + previous + " and " + next + " overlap in "
                        + PolicyBand.describe(next.lower(), next.lowerInclusive(), overlapUpper, upperIn)
                        + "; each deviation must fall into exactly one band");
            }
        }
        PolicyBand last = bands.get(bands.size() - 1);
        if (last.upper() < rangeUpper || (last.upper() == rangeUpper && !last.upperInclusive())) {
            throw gap(last.upper(), !last.upperInclusive(), rangeUpper, true);
        }
        if (first.lower() < rangeLower || last.upper() > rangeUpper) {
            throw new ConfigurationException("The policy bands reach beyond the range "
                    + PolicyBand.describe(rangeLower, true, rangeUpper, true) + " (from " + first.interval() + " to "
                    + last.interval() + "); set the range or trim the bands");
        }
    }

    private ConfigurationException gap(double lower, boolean lowerInclusive, double upper, boolean upperInclusive) {
        String where = lower == upper ? "the value " + PolicyBand.format(lower)
                : PolicyBand.describe(lower, lowerInclusive, upper, upperInclusive);
        return new ConfigurationException("The policy bands " + bands + " leave " + where + " uncovered; every "
                + "deviation in " + PolicyBand.describe(rangeLower, true, rangeUpper, true) + " needs a band");
    }

    @Override
    public String toString() {
        return "ActionPolicy" + bands + (qualityTargets.isEmpty() ? "" : " quality " + qualityTargets.minimums());
    }

    /** Collects the bands and targets of an {@link ActionPolicy}; not thread-safe. */
    public static final class Builder {
        private final List<PolicyBand> bands = new ArrayList<>();
        private double rangeLower = 0;
        private double rangeUpper = 100;
        private QualityTargets qualityTargets = QualityTargets.none();

        private Builder() {
        }

        /**
         * @param band a band
         * @return this builder
         */
        public Builder band(PolicyBand band) {
            bands.add(Objects.requireNonNull(band, "band"));
            return this;
        }

        /**
         * @param interval the band in interval notation, such as {@code "[5, 10]"}
         * @param action   what to do for deviations in it
         * @return this builder
         */
        public Builder band(String interval, ActionKind action) {
            return band(PolicyBand.parse(interval, action));
        }

        /**
         * @param lower the smallest value the measure takes (default 0)
         * @param upper the largest value the measure takes, may be infinite (default 100)
         * @return this builder
         */
        public Builder range(double lower, double upper) {
            if (!(lower < upper) || Double.isInfinite(lower)) {
                throw new IllegalArgumentException("A policy range needs a finite lower end below the upper end, got "
                        + lower + " and " + upper);
            }
            this.rangeLower = lower;
            this.rangeUpper = upper;
            return this;
        }

        /**
         * @param targets the quality metrics a model must exceed
         * @return this builder
         */
        public Builder qualityTargets(QualityTargets targets) {
            this.qualityTargets = Objects.requireNonNull(targets, "targets");
            return this;
        }

        /**
         * @return the policy
         * @throws ConfigurationException naming the gap or overlap when the bands do not cover the range exactly
         *                                once
         */
        public ActionPolicy build() {
            return new ActionPolicy(this);
        }
    }
}

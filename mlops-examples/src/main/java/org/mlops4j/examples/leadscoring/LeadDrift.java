package org.mlops4j.examples.leadscoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change to the distribution of one raw column of generated leads, for {@link LeadGenerator.Builder#drift}.
 *
 * <pre>{@code
 * LeadDrift.moveMass("first_platform_c", 6.0);                 // 6 percentage points of probability mass move
 * LeadDrift.shares("first_utm_source_c", Map.of("others", 0.35)); // 35 % of leads from non-significant sources
 * }</pre>
 *
 * <p>Columns that can drift: {@value LeadDataTransforms#CITY}, {@code first_platform_c}, {@code first_utm_medium_c},
 * {@code first_utm_source_c}, {@value LeadDataTransforms#LEADS_DROPPED} and {@value LeadDataTransforms#REFERRED}. The
 * label model does not change: the labels follow the drifted features (covariate shift), unless
 * {@link LeadGenerator.Builder#labelShare} fixes the share of positives.
 */
public sealed interface LeadDrift permits LeadDrift.MassMove, LeadDrift.TargetShares {

    /** The key of {@link TargetShares} that stands for every level not listed as significant for the column. */
    String OTHERS = LeadScoringMappings.OTHERS;

    /** @return the raw column that drifts */
    String column();

    /**
     * Moves a given share of probability mass: the most frequent values that together hold at least half of the mass
     * give it up in proportion to their shares, and all other values (null included) receive it in proportion to
     * theirs. Donors and receivers are disjoint, so the total variation distance between the old and the new
     * distribution is exactly {@code percentagePoints / 100}.
     *
     * @param column           the raw column
     * @param percentagePoints the mass to move, in percentage points, more than 0 and at most 50
     */
    record MassMove(String column, double percentagePoints) implements LeadDrift {

        /** Checks the values. */
        public MassMove {
            Objects.requireNonNull(column, "column");
            if (!(percentagePoints > 0 && percentagePoints <= 50)) {
                throw new IllegalArgumentException("The mass to move must be more than 0 and at most 50 percentage"
                        + " points, was " + percentagePoints);
            }
        }
    }

    /**
     * Sets the shares of some values (raw levels, or {@link #OTHERS} for all non-significant levels together, which
     * keep their proportions among themselves); the other values share the rest in their old proportions.
     *
     * @param column the raw column
     * @param shares the new share of each named value, each in [0, 1], together at most 1
     */
    record TargetShares(String column, Map<String, Double> shares) implements LeadDrift {

        /** Checks and copies the values. */
        public TargetShares {
            Objects.requireNonNull(column, "column");
            shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
            double sum = 0;
            for (Map.Entry<String, Double> entry : shares.entrySet()) {
                double share = entry.getValue();
                if (!(share >= 0 && share <= 1)) {
                    throw new IllegalArgumentException("The share of '" + entry.getKey() + "' in " + column
                            + " must be in [0, 1], was " + share);
                }
                sum += share;
            }
            if (sum > 1 + 1e-9) {
                throw new IllegalArgumentException("The shares set for " + column + " add up to " + sum
                        + ", more than 1");
            }
        }
    }

    /**
     * @param column           the raw column
     * @param percentagePoints the mass to move, in percentage points, more than 0 and at most 50
     * @return the drift
     */
    static LeadDrift moveMass(String column, double percentagePoints) {
        return new MassMove(column, percentagePoints);
    }

    /**
     * @param column the raw column
     * @param shares the new share of each named value
     * @return the drift
     */
    static LeadDrift shares(String column, Map<String, Double> shares) {
        return new TargetShares(column, shares);
    }

    /**
     * The drift the case study's real inference data carries: in each of the three source columns the share of
     * {@code others} (after mapping) rises to 35 %, and platform {@code Level7} falls to 4 %; city tier, leads dropped
     * and referral stay as they were. Use it with {@link LeadGenerator.Builder#labelShare} at 0.502, since the label
     * share did not change either.
     *
     * @return the drifts
     */
    static List<LeadDrift> caseStudyInferenceDrift() {
        Map<String, Double> platform = new LinkedHashMap<>();
        platform.put(OTHERS, 0.35);
        platform.put("Level7", 0.04);
        return List.of(shares("first_platform_c", platform), shares("first_utm_medium_c", Map.of(OTHERS, 0.35)),
                shares("first_utm_source_c", Map.of(OTHERS, 0.35)));
    }
}

package org.mlops4j.drift;

import java.util.Objects;
import java.util.OptionalDouble;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.monitor.DriftRule;
import org.mlops4j.core.monitor.DriftTreatment;
import org.mlops4j.core.monitor.ScoreKind;

/**
 * The drift result of one column.
 *
 * @param column           the column's name
 * @param columnType       how the column was treated ({@link DriftTreatment}): numeric or categorical
 * @param stattest         the test's name, such as {@code ks}
 * @param scoreKind        whether {@code score} is a p-value or a distance
 * @param score            the test's raw score ({@code NaN} when undefined)
 * @param adjustedScore    the p-value after multiple-testing correction; {@code NaN} when no correction applies
 * @param threshold        the threshold the (adjusted) score was compared with
 * @param rule             how score and threshold were compared
 * @param drifted          the verdict
 * @param referenceSize    reference values tested
 * @param currentSize      current values tested
 * @param referenceDropped reference rows left out because they were missing, NaN or infinite
 * @param currentDropped   current rows left out because they were missing, NaN or infinite
 * @param distribution     both distributions, for plots
 */
public record ColumnDrift(String column, ColumnType columnType, String stattest, ScoreKind scoreKind,
                          double score, double adjustedScore, double threshold, DriftRule rule, boolean drifted,
                          int referenceSize, int currentSize, int referenceDropped, int currentDropped,
                          ColumnDistribution distribution) {

    /** Checks that nothing is missing. */
    public ColumnDrift {
        Objects.requireNonNull(column, "column");
        DriftTreatment.require(columnType, column);
        Objects.requireNonNull(stattest, "stattest");
        Objects.requireNonNull(scoreKind, "scoreKind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(distribution, "distribution");
    }

    /** @return the corrected p-value, when a multiple-testing correction applied to this column */
    public OptionalDouble adjusted() {
        return Double.isNaN(adjustedScore) ? OptionalDouble.empty() : OptionalDouble.of(adjustedScore);
    }
}

package org.mlops4j.core.monitor;

import java.util.Set;
import org.mlops4j.core.data.ColumnType;

/**
 * A statistical test that tells whether a column's current values are distributed differently from its reference
 * values. Names, thresholds, rules and scores follow Evidently's stat tests, so a configuration written for Evidently
 * reads the same here.
 *
 * <p>A detector describes itself ({@link #columnTypes()}, {@link #defaultThreshold()}, {@link #scoreKind()},
 * {@link #rule()}) and computes one number, {@link #score(DriftSamples)}; {@link #test} turns that into a verdict.
 * Implementations are stateless (or immutable) and safe to use from several threads at once.
 */
public interface DriftDetector {

    /** @return the test's name, the same as its provider's, such as {@code ks} */
    String name();

    /**
     * @return how the test can treat a column ({@link DriftTreatment}): {@link ColumnType#NUMERIC} (numbers),
     *         {@link ColumnType#CATEGORICAL} (categories) or both
     */
    Set<ColumnType> columnTypes();

    /** @return the threshold used when the caller gives none (Evidently's default for this test) */
    double defaultThreshold();

    /** @return whether the score is a p-value or a distance */
    ScoreKind scoreKind();

    /** @return how the score is compared with the threshold */
    DriftRule rule();

    /**
     * Computes the test's score. Called once per column and report, from any thread.
     *
     * @param samples the reference and current values of one column, without missing or infinite values
     * @return the p-value or distance; {@code NaN} where the test is undefined for these samples
     * @throws org.mlops4j.core.DataException when the samples do not meet the test's conditions (too few values, a
     *                                        constant column where variance is needed, unequal sizes where equal
     *                                        sizes are needed); the message names the column and the condition
     */
    double score(DriftSamples samples);

    /**
     * Runs the test and decides drift.
     *
     * @param samples   the reference and current values of one column
     * @param threshold the threshold to compare the score with
     * @return the score and the verdict
     * @throws org.mlops4j.core.DataException as {@link #score(DriftSamples)}
     * @throws IllegalArgumentException       when the samples' column type is not one of {@link #columnTypes()}
     */
    default DriftTestResult test(DriftSamples samples, double threshold) {
        if (!columnTypes().contains(samples.columnType())) {
            throw new IllegalArgumentException("Test '" + name() + "' accepts "
                    + columnTypes().stream().map(DriftTreatment::key).sorted().toList() + " columns but column '"
                    + samples.column() + "' is treated as " + DriftTreatment.key(samples.columnType()));
        }
        double score = score(samples);
        return new DriftTestResult(name(), scoreKind(), score, threshold, rule(), rule().drifted(score, threshold));
    }

    /**
     * Runs the test with its {@link #defaultThreshold()}.
     *
     * @param samples the reference and current values of one column
     * @return the score and the verdict
     */
    default DriftTestResult test(DriftSamples samples) {
        return test(samples, defaultThreshold());
    }
}

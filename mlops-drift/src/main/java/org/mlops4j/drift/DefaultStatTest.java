package org.mlops4j.drift;

import org.mlops4j.core.data.ColumnType;


/**
 * Evidently's choice of test for a column when none is configured ({@code registry._get_default_stattest}): by the
 * column type, the number of distinct values in both samples together, and the reference size. Up to 1000 reference
 * values: numbers with more than 5 distinct values get {@code ks}, fewer get {@code chisquare} (more than 2) or
 * {@code z}; categories get {@code chisquare} (more than 2) or {@code z}. Above 1000: numbers with more than 5
 * distinct values get {@code wasserstein}, everything else {@code jensenshannon}.
 *
 * <p>Package-private: not part of the API.
 */
final class DefaultStatTest {

    private DefaultStatTest() {
    }

    /**
     * @param type           how the column is treated
     * @param distinctValues the distinct values of both samples together
     * @param referenceSize  the reference values (after dropping missing ones)
     * @return the test's name
     */
    public static String choose(ColumnType type, int distinctValues, int referenceSize) {
        if (referenceSize <= 1000) {
            if (type == ColumnType.NUMERIC && distinctValues > 5) {
                return "ks";
            }
            return distinctValues > 2 ? "chisquare" : "z";
        }
        return type == ColumnType.NUMERIC && distinctValues > 5 ? "wasserstein" : "jensenshannon";
    }
}

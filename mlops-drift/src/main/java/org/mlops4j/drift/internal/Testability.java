package org.mlops4j.drift.internal;

import java.util.Optional;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.monitor.DriftSamples;

/**
 * Why a column cannot be tested for drift, if it cannot: a window without a single usable value (all missing,
 * {@code NaN} or infinite), or one value shared by every row of both windows.
 *
 * <p>This class is internal and is hence not for public use.
 */
public final class Testability {

    private Testability() {
    }

    /**
     * Looks for a window without usable values, before the samples are built (building them refuses empty ones).
     *
     * @param reference the reference column
     * @param current   the current column
     * @return the reason, when a window is empty
     */
    public static Optional<String> emptyWindow(Column reference, Column current) {
        boolean noReference = usableValues(reference) == 0;
        boolean noCurrent = usableValues(current) == 0;
        if (!noReference && !noCurrent) {
            return Optional.empty();
        }
        String where = noReference && noCurrent ? "both windows" : noReference ? "the reference window"
                : "the current window";
        return Optional.of("empty: no values in " + where + " after dropping missing, NaN and infinite values ("
                + reference.size() + " reference rows, " + current.size() + " current rows)");
    }

    /**
     * @param samples both windows' cleaned samples
     * @return the reason, when every value of both windows is the same
     */
    public static Optional<String> constant(DriftSamples samples) {
        if (samples.isNumeric() ? samples.hasMoreDistinctValuesThan(1) : samples.levelCount() > 1) {
            return Optional.empty();
        }
        return Optional.of("constant: every value in both windows is " + samples.levels().get(0)
                + ", so there is no distribution to compare");
    }

    private static int usableValues(Column column) {
        if (column instanceof NumericColumn numbers) {
            int count = 0;
            for (int i = 0; i < numbers.size(); i++) {
                if (!numbers.isNull(i) && Double.isFinite(numbers.getDouble(i))) {
                    count++;
                }
            }
            return count;
        }
        return column.size() - column.nullCount();
    }
}

package org.mlops4j.core.monitor;

import java.util.Objects;
import org.mlops4j.core.data.ColumnType;

/**
 * How far one monitored column moved, by a {@link DeviationMeasure}.
 *
 * @param column     the column's name
 * @param columnType how the column was treated ({@link DriftTreatment}): numeric (binned) or categorical
 * @param deviation  the measure's value, finite and at least 0
 */
public record ColumnDeviation(String column, ColumnType columnType, double deviation) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the deviation is negative, infinite or {@code NaN}
     */
    public ColumnDeviation {
        Objects.requireNonNull(column, "column");
        DriftTreatment.require(columnType, column);
        if (!(deviation >= 0) || Double.isInfinite(deviation)) {
            throw new IllegalArgumentException("The deviation of column '" + column + "' must be a finite number >= 0,"
                    + " got " + deviation);
        }
    }
}

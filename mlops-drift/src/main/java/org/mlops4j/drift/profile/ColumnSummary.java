package org.mlops4j.drift.profile;

import java.util.List;
import java.util.Optional;
import org.mlops4j.core.data.ColumnType;

/**
 * One column of a {@link ProfileReport}.
 *
 * @param name            the column's name
 * @param type            its type
 * @param count           values that are not missing
 * @param missing         missing values (nulls, and NaN in numeric columns)
 * @param missingFraction missing values over rows
 * @param distinct        distinct values, exact or estimated
 * @param numeric         descriptive statistics, for numeric and timestamp columns
 * @param topValues       the most frequent values with counts (levels, or exact numeric values while few)
 * @param histogram       an equal-width histogram, for numeric and timestamp columns with values
 */
public record ColumnSummary(String name, ColumnType type, long count, long missing, double missingFraction,
                            DistinctCount distinct, Optional<NumericSummary> numeric, List<ValueCount> topValues,
                            List<HistogramBin> histogram) {

    /** Copies the lists. */
    public ColumnSummary {
        topValues = List.copyOf(topValues);
        histogram = List.copyOf(histogram);
    }
}

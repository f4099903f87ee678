package org.mlops4j.drift.profile;

import java.util.Map;
import java.util.Optional;

/**
 * The overview of a {@link ProfileReport}, as ydata-profiling's "Dataset statistics".
 *
 * @param rows                 the number of rows
 * @param columns              the number of columns
 * @param missingCells         missing cells over all columns
 * @param missingCellsFraction missing cells over all cells
 * @param duplicateRows        duplicate rows, when counted
 * @param columnsByType        how many columns of each type ({@code "numeric"}, ...)
 */
public record ReportOverview(long rows, int columns, long missingCells, double missingCellsFraction,
                             Optional<DuplicateRows> duplicateRows, Map<String, Integer> columnsByType) {

    /** Copies the map, keeping its order. */
    public ReportOverview {
        columnsByType = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnsByType));
    }
}

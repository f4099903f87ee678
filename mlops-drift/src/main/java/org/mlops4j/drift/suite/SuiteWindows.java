package org.mlops4j.drift.suite;

import java.util.List;
import java.util.function.Predicate;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Table;

/** The two windows a suite compares, and the metrics its model quality checks use. */
record SuiteWindows(Table reference, Table current, QualityMetrics metrics) {

    /**
     * @param check   the declared check
     * @param applies which reference columns the check applies to when it names none
     * @return the columns the check names, or every reference column it applies to
     */
    List<String> columns(Check check, Predicate<Column> applies) {
        if (!check.columns().isEmpty()) {
            return check.columns();
        }
        return reference.columns().stream().filter(applies).map(Column::name).toList();
    }

    /** @return the problem when the column is missing from either window, else null */
    String missing(String column) {
        if (!reference.hasColumn(column)) {
            return "The reference has no column '" + column + "'; its columns are " + reference.columnNames();
        }
        if (!current.hasColumn(column)) {
            return "The current window has no column '" + column + "'; its columns are " + current.columnNames();
        }
        return null;
    }

    /** @return whether the column holds strings (categorical, text) or booleans: values compared as labels */
    static boolean isLabels(Column column) {
        return column.type() == ColumnType.CATEGORICAL || column.type() == ColumnType.TEXT
                || column.type() == ColumnType.BOOLEAN;
    }
}

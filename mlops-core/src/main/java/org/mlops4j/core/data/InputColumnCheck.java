package org.mlops4j.core.data;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.DataException;

/**
 * The check behind {@link Schema#requireColumns}: every column a schema names is in the table, with a type the
 * schema accepts for scoring. Categorical and text stand for each other (a model one-hot encodes both), and a column
 * that holds only nulls says nothing of its type and fits any. Package-private: reached through {@link Schema}.
 */
final class InputColumnCheck {

    private InputColumnCheck() {
    }

    static void require(Schema schema, Table table, String expecter, String source) {
        List<String> missing = new ArrayList<>(0);
        for (ColumnSpec spec : schema.columns()) {
            if (!table.hasColumn(spec.name())) {
                missing.add(spec.name());
            }
        }
        if (!missing.isEmpty()) {
            String columns = (missing.size() == 1 ? "column " : "columns ") + missing;
            throw new DataException(expecter + " expects the input " + columns + ", which the table lacks (its columns"
                    + " are " + table.columnNames() + "); add " + (missing.size() == 1 ? "it" : "them")
                    + " before scoring", source, 0, missing.get(0), null);
        }
        for (ColumnSpec spec : schema.columns()) {
            Column column = table.column(spec.name());
            if (spec.type().isPresent() && !fits(spec.type().get(), column)) {
                String expected = describe(spec.type().get());
                throw new DataException(expecter + " expects column '" + spec.name() + "' to be " + expected
                        + " but the table's column is " + column.type().key() + "; convert the column to "
                        + expected + " before scoring", source, 0, spec.name(), null);
            }
        }
    }

    /** Whether a column can stand for a spec of the given type when scoring. */
    static boolean fits(ColumnType expected, Column column) {
        if (column.nullCount() == column.size() || column.type() == expected) {
            return true;
        }
        return textual(expected) && textual(column.type());
    }

    private static boolean textual(ColumnType type) {
        return type == ColumnType.CATEGORICAL || type == ColumnType.TEXT;
    }

    private static String describe(ColumnType type) {
        return textual(type) ? "categorical or text" : type.key();
    }
}

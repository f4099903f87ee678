package org.mlops4j.serving.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.Column;
import org.mlops4j.core.data.ColumnSpec;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;

/**
 * Checks each row of a scoring request against the model's input schema (see {@link Values} for what each type
 * takes): a row with a wrong value gets a {@link RowError} naming the row, the column, what was expected and what was
 * found, and is left out of the table to score; the other rows are scored. Columns the model does not take are
 * ignored; a column it takes that the request lacks altogether is a {@link BadScoringRequest}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class InputCheck {

    private InputCheck() {
    }

    /**
     * @param request the request's rows
     * @param schema  the model's input columns and their types
     * @return the rows to score and the errors of the others
     * @throws BadScoringRequest when the request lacks a column the model takes
     */
    public static CheckedInput check(RequestTable request, Schema schema) {
        List<ColumnSpec> specs = schema.columns();
        int[] source = new int[specs.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < specs.size(); c++) {
            source[c] = request.columns().indexOf(specs.get(c).name());
            if (source[c] < 0) {
                missing.add(specs.get(c).name());
            }
        }
        if (!missing.isEmpty() && !request.rows().isEmpty()) {
            throw BadScoringRequest.badRequest("The request lacks the input column(s) " + missing + " that the model "
                    + "takes; it has " + request.columns() + ". Send every column of " + schema.columnNames()
                    + " (a value may be null when it is missing).");
        }
        int n = request.rows().size();
        RowError[] errors = new RowError[n];
        int[] kept = new int[n];
        int keptCount = 0;
        for (int row = 0; row < n; row++) {
            RequestTable.Row values = request.rows().get(row);
            errors[row] = values.error().isPresent() ? values.error().get()
                    : firstWrongValue(row, values.values(), specs, source);
            if (errors[row] == null) {
                kept[keptCount++] = row;
            }
        }
        int[] rows = Arrays.copyOf(kept, keptCount);
        List<Column> columns = new ArrayList<>(specs.size());
        for (int c = 0; c < specs.size(); c++) {
            columns.add(column(specs.get(c), source[c], request, rows));
        }
        return new CheckedInput(n, Table.of(columns), rows, errors);
    }

    /** @return the error of the row's first wrong value, or {@code null} when every value fits */
    private static RowError firstWrongValue(int row, JsonNode[] values, List<ColumnSpec> specs, int[] source) {
        for (int c = 0; c < specs.size(); c++) {
            JsonNode value = values[source[c]];
            if (Values.missing(value)) {
                continue;
            }
            ColumnSpec spec = specs.get(c);
            ColumnType type = typeOf(spec);
            boolean fits = switch (type) {
                case NUMERIC -> Values.number(value) != null;
                case BOOLEAN -> Values.bool(value) != null;
                case CATEGORICAL, TEXT -> Values.text(value) != null;
                case TIMESTAMP -> false;
            };
            if (!fits) {
                return RowError.ofValue(row, spec.name(), Values.expected(type), Values.show(value));
            }
        }
        return null;
    }

    /** @return the column's type; a column the schema leaves untyped takes any single value, as text */
    private static ColumnType typeOf(ColumnSpec spec) {
        return spec.type().orElse(ColumnType.TEXT);
    }

    private static Column column(ColumnSpec spec, int source, RequestTable request, int[] rows) {
        String name = spec.name();
        switch (typeOf(spec)) {
            case NUMERIC -> {
                NumericColumn.Builder column = NumericColumn.builder(name, rows.length);
                for (int row : rows) {
                    JsonNode value = request.rows().get(row).values()[source];
                    column.add(Values.missing(value) ? null : Values.number(value));
                }
                return column.build();
            }
            case BOOLEAN -> {
                BooleanColumn.Builder column = BooleanColumn.builder(name);
                for (int row : rows) {
                    JsonNode value = request.rows().get(row).values()[source];
                    column.add(Values.missing(value) ? null : Values.bool(value));
                }
                return column.build();
            }
            default -> {
                CategoricalColumn.Builder column = CategoricalColumn.builder(name, rows.length);
                for (int row : rows) {
                    JsonNode value = request.rows().get(row).values()[source];
                    column.add(Values.missing(value) ? null : Values.text(value));
                }
                return column.build();
            }
        }
    }
}

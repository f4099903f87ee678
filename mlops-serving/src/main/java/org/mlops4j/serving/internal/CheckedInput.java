package org.mlops4j.serving.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mlops4j.core.data.Table;

/**
 * A scoring request after the check against the model's input schema: the rows that passed, as a table with the
 * model's input columns and types, and the error of each row that did not.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Immutable.
 */
public final class CheckedInput {

    private final int requestRows;
    private final Table table;
    private final int[] requestRowOfTableRow;
    private final RowError[] errors;

    CheckedInput(int requestRows, Table table, int[] requestRowOfTableRow, RowError[] errors) {
        this.requestRows = requestRows;
        this.table = table;
        this.requestRowOfTableRow = requestRowOfTableRow.clone();
        this.errors = errors.clone();
    }

    /** @return how many rows the request has */
    public int requestRows() {
        return requestRows;
    }

    /** @return the rows to score, in request order, with the model's input columns in its order */
    public Table table() {
        return table;
    }

    /**
     * @param tableRow a row of {@link #table()}
     * @return its index in the request
     */
    public int requestRow(int tableRow) {
        return requestRowOfTableRow[tableRow];
    }

    /**
     * @param requestRow a row of the request
     * @return why it was not scored; empty when it is a row of {@link #table()}
     */
    public Optional<RowError> error(int requestRow) {
        return Optional.ofNullable(errors[requestRow]);
    }

    /** @return the errors of the rows that were not scored, in request order */
    public List<RowError> errors() {
        return Arrays.stream(errors).filter(e -> e != null).toList();
    }
}

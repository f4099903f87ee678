package org.mlops4j.serving.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Why one row of a scoring request was not scored; the other rows are.
 *
 * @param row      the row's index in the request, from 0 (its place in the answer's {@code predictions})
 * @param column   the input column whose value is wrong; empty when the row as a whole is (a row that is not an
 *                 object, a row with the wrong number of values, a row the model could not score)
 * @param expected what the model takes there, such as {@code a number}
 * @param found    what the request holds there, as JSON text (shortened when long)
 * @param message  the whole sentence: row, column, expected, found
 * @param kind     whether the request's row was wrong ({@link Kind#INPUT}) or the model could not score a row that
 *                 fit its schema ({@link Kind#MODEL})
 */
public record RowError(int row, Optional<String> column, String expected, String found, String message, Kind kind) {

    /** Who caused a row's error. */
    public enum Kind {
        /** The row's values do not fit the model's input schema, or the row is not a row. */
        INPUT,
        /** The row fit, and the model could not score it. */
        MODEL
    }

    /** Checks the values. */
    public RowError {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param row      the row's index in the request
     * @param column   the input column
     * @param expected what the model takes there
     * @param found    what the request holds there
     * @return the error, with a message that names them all
     */
    public static RowError ofValue(int row, String column, String expected, String found) {
        return new RowError(row, Optional.of(column), expected, found, "Row " + row + " (from 0), column '" + column
                + "': expected " + expected + ", found " + found + ".", Kind.INPUT);
    }

    /**
     * @param row      the row's index in the request
     * @param expected what the model takes as a row
     * @param found    what the request holds
     * @return the error, with a message that names them
     */
    public static RowError ofRow(int row, String expected, String found) {
        return new RowError(row, Optional.empty(), expected, found, "Row " + row + " (from 0): expected " + expected
                + ", found " + found + ".", Kind.INPUT);
    }

    /**
     * @param row     the row's index in the request
     * @param problem why the model could not score it
     * @return the error
     */
    public static RowError unscorable(int row, String problem) {
        return new RowError(row, Optional.empty(), "a row the model can score", "a row it cannot", problem,
                Kind.MODEL);
    }
}

package org.mlops4j.drift.profile;

import java.util.Optional;

/**
 * One warning in a {@link ProfileReport}.
 *
 * @param type    what kind of warning
 * @param columns the column (or the two columns of a correlation); empty for table-wide warnings
 * @param value   the measured value that crossed the threshold (a share, a skewness, a count, a correlation)
 * @param message a sentence for people, naming the column and the value
 */
public record Alert(AlertType type, java.util.List<String> columns, double value, String message) {

    /** Copies the columns. */
    public Alert {
        columns = java.util.List.copyOf(columns);
    }

    /** @return the first column the alert is about, if any */
    public Optional<String> column() {
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns.get(0));
    }
}

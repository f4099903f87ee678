package org.mlops4j.serving;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link CsvScoring} did with one file.
 *
 * @param version       the model version that scored it
 * @param rows          the rows of the input
 * @param failedRows    the rows that got an error (in the output's {@value CsvScoring#ERROR_COLUMN} column) instead
 *                      of a prediction
 * @param missingValues per input column, the values the model imputed (only columns above 0)
 * @param unseenLevels  per input column, the categorical levels the model had not seen (only columns above 0)
 */
public record CsvScoringSummary(ServedVersion version, int rows, int failedRows, Map<String, Integer> missingValues,
        Map<String, Integer> unseenLevels) {

    /** Copies the counts, keeping their order. */
    public CsvScoringSummary {
        Objects.requireNonNull(version, "version");
        missingValues = Collections.unmodifiableMap(new LinkedHashMap<>(missingValues));
        unseenLevels = Collections.unmodifiableMap(new LinkedHashMap<>(unseenLevels));
    }
}

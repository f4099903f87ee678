package org.mlops4j.core.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many values of one column a {@link CsvReader} read as missing, and why: which null token each was (see
 * {@link CsvReader.Builder#naValues} and {@link CsvReader.Builder#keepDefaultNa}), so that a report can say, for
 * example, that 9,120 values of a column were dropped as {@code None}.
 *
 * @param count  the column's values read as missing, in the rows kept
 * @param byText how many of them were each null token's text ({@code ""} for empty fields), most frequent first;
 *               only tokens that occurred
 */
public record MissingValues(long count, Map<String, Long> byText) {

    /** Checks and copies the values. */
    public MissingValues {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        byText = Collections.unmodifiableMap(new LinkedHashMap<>(byText));
    }

    /** @return whether the column had no missing value */
    public boolean isEmpty() {
        return count == 0;
    }
}

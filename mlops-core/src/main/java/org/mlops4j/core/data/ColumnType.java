package org.mlops4j.core.data;

import java.util.Locale;

/**
 * The type of a {@link Column}. Each type has one column class and one storage layout.
 */
public enum ColumnType {
    /** Floating-point numbers stored as primitive doubles with a null mask ({@link NumericColumn}). */
    NUMERIC,
    /** Strings from a small set of levels, dictionary-encoded ({@link CategoricalColumn}). */
    CATEGORICAL,
    /** True or false, stored as bits with a null mask ({@link BooleanColumn}). */
    BOOLEAN,
    /** Points in time, stored as epoch milliseconds (UTC) with a null mask ({@link TimestampColumn}). */
    TIMESTAMP,
    /** Free text, one string per row ({@link TextColumn}). */
    TEXT;

    /** @return the lower-case name used in JSON schemas and messages, such as {@code "numeric"} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a type from its {@link #key()} (case-insensitive).
     *
     * @param key the type's name, such as {@code "categorical"}
     * @return the type
     * @throws IllegalArgumentException naming the accepted keys when {@code key} is not one of them
     */
    public static ColumnType fromKey(String key) {
        for (ColumnType type : values()) {
            if (type.key().equalsIgnoreCase(key.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown column type '" + key
                + "'; expected one of numeric, categorical, boolean, timestamp, text");
    }
}

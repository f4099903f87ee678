package org.mlops4j.core.monitor;

import java.util.Locale;

/**
 * How a drift test treats a column: as numbers ({@code num}) or as categories ({@code cat}), with Evidently's keys.
 *
 * <p>A numeric column may be treated as categories (an integer code with few values, say); a text or categorical
 * column is always treated as categories.
 */
public enum DriftColumnType {
    /** Numbers: tests compare distributions on the real line ({@code "num"}). */
    NUM("num"),
    /** Categories: tests compare the frequencies of distinct values ({@code "cat"}). */
    CAT("cat");

    private final String key;

    DriftColumnType(String key) {
        this.key = key;
    }

    /** @return the key used in reports and configuration: {@code "num"} or {@code "cat"} */
    public String key() {
        return key;
    }

    /**
     * @param key {@code num} or {@code cat} (also {@code numerical}, {@code numeric}, {@code categorical}), any case
     * @return the type
     * @throws IllegalArgumentException naming the accepted keys for anything else
     */
    public static DriftColumnType fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "num", "numerical", "numeric" -> NUM;
            case "cat", "categorical" -> CAT;
            default -> throw new IllegalArgumentException("Unknown drift column type '" + key
                    + "'; expected num or cat");
        };
    }
}

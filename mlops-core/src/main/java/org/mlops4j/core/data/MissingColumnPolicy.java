package org.mlops4j.core.data;

import java.util.Locale;

/**
 * What {@link Schema#validate(Table)} does when the table lacks a column that the schema names.
 */
public enum MissingColumnPolicy {
    /** The missing column is a table-level problem; the table is invalid. The default. */
    FAIL,
    /**
     * A nullable missing column is added to the valid rows as a column of nulls of the schema's type (text when the
     * schema gives no type), and a note says so; a missing column that is not nullable is still a table-level problem.
     */
    ADD_NULL;

    /** @return the lower-case name used in JSON schemas, such as {@code "add_null"} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a policy's {@link #key()} (case-insensitive)
     * @return the policy
     * @throws IllegalArgumentException naming the accepted keys when {@code key} is not one of them
     */
    public static MissingColumnPolicy fromKey(String key) {
        for (MissingColumnPolicy policy : values()) {
            if (policy.key().equalsIgnoreCase(key.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Unknown missing-column policy '" + key + "'; expected fail or add_null");
    }
}

package org.mlops4j.core.data;

import java.util.Locale;

/**
 * What {@link Schema#validate(Table)} does with a table column that the schema does not name.
 */
public enum ExtraColumnPolicy {
    /** The extra column is a table-level problem; the table is invalid. The default. */
    FAIL,
    /** The extra column is kept, unchecked, after the schema's columns in the valid rows. */
    IGNORE,
    /** The extra column is left out of the valid rows (the rejected rows keep every original column), with a note. */
    DROP;

    /** @return the lower-case name used in JSON schemas, such as {@code "ignore"} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param key a policy's {@link #key()} (case-insensitive)
     * @return the policy
     * @throws IllegalArgumentException naming the accepted keys when {@code key} is not one of them
     */
    public static ExtraColumnPolicy fromKey(String key) {
        for (ExtraColumnPolicy policy : values()) {
            if (policy.key().equalsIgnoreCase(key.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Unknown extra-column policy '" + key + "'; expected fail, ignore or drop");
    }
}

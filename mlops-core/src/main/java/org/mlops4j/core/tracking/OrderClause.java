package org.mlops4j.core.tracking;

import java.util.Objects;

/**
 * One order-by clause of a run search, such as {@code metrics.auc DESC}. Missing values come last in both directions;
 * NaN comes after every number but before missing values.
 *
 * @param key       what to order by
 * @param ascending the direction
 */
public record OrderClause(SearchKey key, boolean ascending) {

    /** Checks the key is present. */
    public OrderClause {
        Objects.requireNonNull(key, "key");
    }

    /**
     * @param text an identifier optionally followed by {@code ASC} or {@code DESC} (any case), such as
     *             {@code metrics.auc DESC}
     * @return the clause
     * @throws org.mlops4j.core.tracking.FilterSyntaxException when the text is not a valid clause
     */
    public static OrderClause parse(String text) {
        Objects.requireNonNull(text, "text");
        return new FilterParser(text).parseOrderClause();
    }

    @Override
    public String toString() {
        return key + (ascending ? " ASC" : " DESC");
    }
}

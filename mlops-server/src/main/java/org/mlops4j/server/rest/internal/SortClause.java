package org.mlops4j.server.rest.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code order_by} clause of the experiment, registered-model and model-version searches: a field, with an
 * optional {@code attribute.} prefix, then {@code ASC} (the default) or {@code DESC}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param field     the field, lower case, without prefix
 * @param ascending whether the order is ascending
 */
public record SortClause(String field, boolean ascending) {

    /**
     * @param clauses the {@code order_by} clauses, in order
     * @param fields  the comparator of each field that may be named
     * @param tail    the order after the clauses given
     * @param <T>     the items' type
     * @return the order the clauses ask, then {@code tail}
     * @throws RestException when a clause names another field or is malformed
     */
    public static <T> Comparator<T> order(List<String> clauses, Map<String, Comparator<T>> fields,
            Comparator<T> tail) {
        Comparator<T> order = (a, b) -> 0;
        for (String text : clauses) {
            SortClause clause = parse(text, fields);
            Comparator<T> by = fields.get(clause.field());
            order = order.thenComparing(clause.ascending() ? by : by.reversed());
        }
        return order.thenComparing(tail);
    }

    private static SortClause parse(String text, Map<String, ?> fields) {
        String[] words = text.trim().split("\\s+");
        boolean ascending = words.length == 1 || words[1].equalsIgnoreCase("ASC");
        String field = words[0].replaceFirst("(?i)^attributes?\\.", "").toLowerCase(Locale.ROOT);
        if (words.length > 2 || !fields.containsKey(field) || (!ascending && !words[1].equalsIgnoreCase("DESC"))) {
            throw new RestException(ErrorCode.INVALID_PARAMETER_VALUE, "Invalid order_by clause '" + text
                    + "': expected one of " + fields.keySet().stream().sorted().toList() + ", then ASC or DESC.");
        }
        return new SortClause(field, ascending);
    }
}

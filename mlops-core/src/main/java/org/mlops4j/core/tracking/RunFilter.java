package org.mlops4j.core.tracking;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed run filter: terms joined by AND, in MLflow's grammar.
 *
 * <pre>{@code
 * RunFilter filter = RunFilter.parse(
 *         "metrics.auc > 0.8 and params.model = 'lr' and tags.team LIKE '%risk%' and attributes.status = 'FINISHED'");
 * }</pre>
 *
 * <p>Metrics and the attributes {@code start_time} and {@code end_time} are compared with numbers ({@code = != < <=
 * > >=}); params, tags and the other attributes with quoted texts ({@code = != LIKE ILIKE IN NOT IN}, and for params
 * and tags {@code IS NULL} and {@code IS NOT NULL}). Stores evaluate it in memory with {@link #matches(Run)} or
 * translate {@link #terms()} into their own query language. Immutable and thread-safe.
 *
 * @param terms the terms, all of which must hold; empty to match every run
 */
public record RunFilter(List<FilterTerm> terms) {

    /** The filter that matches every run. */
    public static final RunFilter ALL = new RunFilter(List.of());

    /** Copies the terms. */
    public RunFilter {
        terms = List.copyOf(terms);
    }

    /**
     * @param text a filter; {@code null} or blank for none
     * @return the parsed filter
     * @throws org.mlops4j.core.tracking.FilterSyntaxException when the text is not a valid filter; the message shows
     *                                                         the position
     */
    public static RunFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return new RunFilter(new FilterParser(text).parseFilter());
    }

    /**
     * @param run a run with its latest metrics, params and tags
     * @return whether every term holds for it
     */
    public boolean matches(Run run) {
        for (FilterTerm term : terms) {
            if (!term.matches(run)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return terms.stream().map(FilterTerm::toString).collect(Collectors.joining(" AND "));
    }
}

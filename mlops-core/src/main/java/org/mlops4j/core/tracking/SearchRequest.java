package org.mlops4j.core.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run search: in which experiments, with which filter, in which order, how many runs and from where.
 *
 * <pre>{@code
 * SearchRequest request = SearchRequest.builder(experiment.experimentId())
 *         .filter("metrics.auc > 0.8 and params.model = 'lr'")
 *         .orderBy("metrics.auc DESC")
 *         .maxResults(10)
 *         .build();
 * }</pre>
 *
 * <p>The filter and order-by texts are parsed when the request is built, so a syntax error is reported there, with
 * its position.
 *
 * @param experimentIds the experiments to search (at least one)
 * @param filter        the parsed filter ({@link RunFilter#ALL} for none)
 * @param orderBy       the order clauses, applied before the base order ({@code start_time DESC, run_id ASC})
 * @param viewType      which lifecycle stages to include
 * @param maxResults    the page size, 1 to {@value #MAX_RESULTS_LIMIT}
 * @param pageToken     where the page starts, from a previous {@link RunsPage#nextPageToken()}
 */
public record SearchRequest(List<String> experimentIds, RunFilter filter, List<OrderClause> orderBy,
                            ViewType viewType, int maxResults, Optional<PageToken> pageToken) {

    /** The page size when none is given: {@value}. */
    public static final int DEFAULT_MAX_RESULTS = 1000;
    /** The largest page size: {@value}. */
    public static final int MAX_RESULTS_LIMIT = 50_000;

    /** Copies the lists and checks the page size. */
    public SearchRequest {
        experimentIds = List.copyOf(experimentIds);
        if (experimentIds.isEmpty()) {
            throw new IllegalArgumentException("A run search needs at least one experiment id");
        }
        Objects.requireNonNull(filter, "filter");
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(viewType, "viewType");
        if (maxResults < 1 || maxResults > MAX_RESULTS_LIMIT) {
            throw new InvalidTrackingInputException("The number of results per page must be between 1 and "
                    + MAX_RESULTS_LIMIT + ", found " + maxResults + ". Page through larger results with the next page"
                    + " token.");
        }
        Objects.requireNonNull(pageToken, "pageToken");
    }

    /** @return the offset of the first run of the page (0 without a page token) */
    public int offset() {
        return pageToken.map(PageToken::offset).orElse(0);
    }

    /**
     * @param token the next page token of the previous page
     * @return the same search, for the page that token points at
     */
    public SearchRequest withPageToken(String token) {
        return new SearchRequest(experimentIds, filter, orderBy, viewType, maxResults,
                Optional.of(PageToken.decode(token)));
    }

    /**
     * @param experimentIds the experiments to search
     * @return a builder with no filter, no order clauses, active runs only and {@value #DEFAULT_MAX_RESULTS} results
     */
    public static Builder builder(String... experimentIds) {
        return new Builder(List.of(experimentIds));
    }

    /**
     * @param experimentIds the experiments to search
     * @return a builder with no filter, no order clauses, active runs only and {@value #DEFAULT_MAX_RESULTS} results
     */
    public static Builder builder(List<String> experimentIds) {
        return new Builder(experimentIds);
    }

    /** Collects the parts of a {@link SearchRequest}; not thread-safe. */
    public static final class Builder {
        private final List<String> experimentIds;
        private RunFilter filter = RunFilter.ALL;
        private final List<OrderClause> orderBy = new ArrayList<>();
        private ViewType viewType = ViewType.ACTIVE_ONLY;
        private int maxResults = DEFAULT_MAX_RESULTS;
        private Optional<PageToken> pageToken = Optional.empty();

        private Builder(List<String> experimentIds) {
            this.experimentIds = List.copyOf(experimentIds);
        }

        /**
         * @param filterText a filter in MLflow's grammar, such as {@code metrics.auc > 0.8 and params.model = 'lr'};
         *                   blank for none
         * @return this builder
         * @throws FilterSyntaxException when the text is not a valid filter (the message shows where)
         */
        public Builder filter(String filterText) {
            this.filter = RunFilter.parse(filterText);
            return this;
        }

        /**
         * @param parsed a parsed filter
         * @return this builder
         */
        public Builder filter(RunFilter parsed) {
            this.filter = Objects.requireNonNull(parsed, "parsed");
            return this;
        }

        /**
         * @param clauses order clauses such as {@code metrics.auc DESC} or {@code params.model}, most significant
         *                first
         * @return this builder
         * @throws FilterSyntaxException when a clause is not valid
         */
        public Builder orderBy(String... clauses) {
            for (String clause : clauses) {
                orderBy.add(OrderClause.parse(clause));
            }
            return this;
        }

        /**
         * @param view which lifecycle stages to include
         * @return this builder
         */
        public Builder viewType(ViewType view) {
            this.viewType = Objects.requireNonNull(view, "view");
            return this;
        }

        /**
         * @param max the page size, 1 to {@value #MAX_RESULTS_LIMIT}
         * @return this builder
         */
        public Builder maxResults(int max) {
            this.maxResults = max;
            return this;
        }

        /**
         * @param token a next page token from a previous page
         * @return this builder
         */
        public Builder pageToken(String token) {
            this.pageToken = Optional.of(PageToken.decode(token));
            return this;
        }

        /** @return the request */
        public SearchRequest build() {
            return new SearchRequest(experimentIds, filter, orderBy, viewType, maxResults, pageToken);
        }
    }
}

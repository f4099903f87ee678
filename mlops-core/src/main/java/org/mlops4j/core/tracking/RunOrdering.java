package org.mlops4j.core.tracking;

import java.util.Comparator;
import java.util.List;

/**
 * The order of search results: the requested clauses, then the base order {@code start_time DESC, run_id ASC}, as in
 * MLflow. Missing values sort last in either direction; a NaN metric sorts after every number and before missing
 * values. Texts compare by UTF-16 code units ({@link String#compareTo}).
 */
public final class RunOrdering {

    private RunOrdering() {
    }

    /**
     * @param clauses the requested clauses, most significant first
     * @return a comparator of runs that applies them and then the base order
     */
    public static Comparator<Run> comparator(List<OrderClause> clauses) {
        Comparator<Run> order = (a, b) -> 0;
        for (OrderClause clause : clauses) {
            order = order.thenComparing(clause(clause));
        }
        return order.thenComparing(Comparator.comparingLong((Run r) -> r.info().startTime()).reversed())
                .thenComparing(Run::runId);
    }

    private static Comparator<Run> clause(OrderClause clause) {
        SearchKey key = clause.key();
        boolean asc = clause.ascending();
        if (key.isNumeric()) {
            return (a, b) -> compareNumbers(number(key, a), number(key, b), asc);
        }
        return (a, b) -> {
            String x = text(key, a);
            String y = text(key, b);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            return asc ? x.compareTo(y) : y.compareTo(x);
        };
    }

    private static int compareNumbers(Double x, Double y, boolean asc) {
        int rankX = rank(x);
        int rankY = rank(y);
        if (rankX != rankY || rankX != 0) {
            return Integer.compare(rankX, rankY);
        }
        return asc ? Double.compare(x, y) : Double.compare(y, x);
    }

    private static int rank(Double value) {
        return value == null ? 2 : value.isNaN() ? 1 : 0;
    }

    private static Double number(SearchKey key, Run run) {
        if (key.entity() == EntityType.METRIC) {
            Metric metric = run.data().metrics().get(key.key());
            return metric == null ? null : metric.value();
        }
        return key.attribute().number(run.info()).map(Long::doubleValue).orElse(null);
    }

    private static String text(SearchKey key, Run run) {
        return switch (key.entity()) {
            case PARAM -> run.data().params().get(key.key());
            case TAG -> run.data().tags().get(key.key());
            case ATTRIBUTE -> key.attribute().text(run.info()).orElse(null);
            case METRIC -> throw new IllegalStateException("metrics are numeric");
        };
    }
}

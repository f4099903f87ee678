package org.mlops4j.tracking.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.EntityType;
import org.mlops4j.core.tracking.FilterTerm;
import org.mlops4j.core.tracking.FilterValue;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Operator;
import org.mlops4j.core.tracking.OrderClause;
import org.mlops4j.core.tracking.RunAttribute;
import org.mlops4j.core.tracking.SearchKey;
import org.mlops4j.core.tracking.SearchRequest;

/**
 * Translates a run search into one SQL query over {@code runs}, {@code latest_metrics}, {@code params} and
 * {@code tags}. Every value from the request is a bound parameter; only fixed column names, operators and aliases are
 * written into the SQL text. The semantics are those of the in-memory {@link org.mlops4j.core.tracking.RunFilter}
 * and {@link org.mlops4j.core.tracking.RunOrdering}: a missing value never matches, NaN matches only
 * {@code !=}, missing values sort last and NaN just before them.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class SqlRunSearch {

    /** The columns the query selects, in order. */
    public static final String RUN_COLUMNS = "r.run_id, r.experiment_id, r.run_name, r.user_id, r.status, "
            + "r.start_time, r.end_time, r.artifact_uri, r.lifecycle_stage";

    /**
     * A query and its parameters, in the order of the {@code ?} marks.
     *
     * @param sql   the SQL text
     * @param binds the parameter values (String, Double, Long or Integer)
     */
    public record Query(String sql, List<Object> binds) {
        /** Copies the parameters. */
        public Query {
            binds = Collections.unmodifiableList(new ArrayList<>(binds));
        }
    }

    private final SqlDialect dialect;

    /**
     * @param dialect the database's dialect
     */
    public SqlRunSearch(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param request the search
     * @return the query for one page of it (one more row than the page, to tell whether another page follows)
     */
    public Query query(SearchRequest request) {
        StringBuilder joins = new StringBuilder();
        List<Object> joinBinds = new ArrayList<>();
        List<String> orderBy = new ArrayList<>();
        int alias = 0;
        for (OrderClause clause : request.orderBy()) {
            String direction = clause.ascending() ? " ASC" : " DESC";
            SearchKey key = clause.key();
            switch (key.entity()) {
                case METRIC -> {
                    String o = "o" + alias++;
                    joins.append(" LEFT JOIN latest_metrics ").append(o).append(" ON ").append(o)
                            .append(".run_id = r.run_id AND ").append(o).append(".metric_key = ?");
                    joinBinds.add(key.key());
                    orderBy.add("CASE WHEN " + o + ".run_id IS NULL THEN 2 WHEN " + o + ".is_nan = 1 THEN 1 ELSE 0 END");
                    orderBy.add(o + ".metric_value" + direction);
                }
                case PARAM, TAG -> {
                    String o = "o" + alias++;
                    boolean param = key.entity() == EntityType.PARAM;
                    String table = param ? "params" : "tags";
                    String keyColumn = param ? "param_key" : "tag_key";
                    String valueColumn = o + (param ? ".param_value" : ".tag_value");
                    joins.append(" LEFT JOIN ").append(table).append(' ').append(o).append(" ON ").append(o)
                            .append(".run_id = r.run_id AND ").append(o).append('.').append(keyColumn).append(" = ?");
                    joinBinds.add(key.key());
                    orderBy.add("CASE WHEN " + o + ".run_id IS NULL THEN 1 ELSE 0 END");
                    orderBy.add(dialect.binaryOrder(valueColumn) + direction);
                }
                case ATTRIBUTE -> {
                    RunAttribute attribute = key.attribute();
                    String column = "r." + attribute.key();
                    if (attribute == RunAttribute.END_TIME) {
                        orderBy.add("CASE WHEN r.end_time IS NULL THEN 1 ELSE 0 END");
                    }
                    orderBy.add((attribute.isNumeric() ? column : dialect.binaryOrder(column)) + direction);
                }
            }
        }
        orderBy.add("r.start_time DESC");
        orderBy.add(dialect.binaryOrder("r.run_id") + " ASC");

        StringBuilder where = new StringBuilder(" WHERE r.experiment_id IN (");
        List<Object> whereBinds = new ArrayList<>();
        marks(where, request.experimentIds().size());
        whereBinds.addAll(request.experimentIds());
        where.append(')');
        List<String> stages = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            if (request.viewType().includes(stage)) {
                stages.add(stage.storedName());
            }
        }
        where.append(" AND r.lifecycle_stage IN (");
        marks(where, stages.size());
        where.append(')');
        whereBinds.addAll(stages);
        for (FilterTerm term : request.filter().terms()) {
            where.append(" AND ");
            condition(term, where, whereBinds);
        }

        String sql = "SELECT " + RUN_COLUMNS + " FROM runs r" + joins + where + " ORDER BY "
                + String.join(", ", orderBy) + " LIMIT ? OFFSET ?";
        List<Object> binds = new ArrayList<>(joinBinds);
        binds.addAll(whereBinds);
        binds.add(request.maxResults() + 1);
        binds.add(request.offset());
        return new Query(sql, binds);
    }

    private void condition(FilterTerm term, StringBuilder sql, List<Object> binds) {
        SearchKey key = term.key();
        switch (key.entity()) {
            case METRIC -> {
                sql.append("r.run_id IN (SELECT m.run_id FROM latest_metrics m WHERE m.metric_key = ? AND ");
                binds.add(key.key());
                double number = ((FilterValue.Number) term.value()).value();
                switch (term.operator()) {
                    case NE -> sql.append("(m.is_nan = 1 OR m.metric_value <> ?)");
                    default -> sql.append("m.is_nan = 0 AND m.metric_value ").append(term.operator().symbol())
                            .append(" ?");
                }
                binds.add(number);
                sql.append(')');
            }
            case PARAM, TAG -> {
                boolean param = key.entity() == EntityType.PARAM;
                String table = param ? "params" : "tags";
                String keyColumn = param ? "x.param_key" : "x.tag_key";
                String valueColumn = param ? "x.param_value" : "x.tag_value";
                boolean negated = term.operator() == Operator.IS_NULL;
                sql.append(negated ? "r.run_id NOT IN" : "r.run_id IN").append(" (SELECT x.run_id FROM ")
                        .append(table).append(" x WHERE ").append(keyColumn).append(" = ?");
                binds.add(key.key());
                if (!(term.value() instanceof FilterValue.None)) {
                    sql.append(" AND ");
                    textCondition(term, valueColumn, sql, binds);
                }
                sql.append(')');
            }
            case ATTRIBUTE -> {
                RunAttribute attribute = key.attribute();
                String column = "r." + attribute.key();
                if (attribute.isNumeric()) {
                    sql.append(column).append(' ').append(term.operator().symbol()).append(" ?");
                    binds.add(((FilterValue.Number) term.value()).value());
                } else {
                    textCondition(term, column, sql, binds);
                }
            }
        }
    }

    private void textCondition(FilterTerm term, String column, StringBuilder sql, List<Object> binds) {
        switch (term.operator()) {
            case EQ, NE -> {
                sql.append(column).append(term.operator() == Operator.EQ
                        ? " = ?" : " <> ?");
                binds.add(((FilterValue.Text) term.value()).value());
            }
            case LIKE, ILIKE -> {
                boolean ignoreCase = term.operator() == Operator.ILIKE;
                sql.append(dialect.like(column, ignoreCase));
                binds.add(dialect.likePattern(((FilterValue.Text) term.value()).value(), ignoreCase));
            }
            case IN, NOT_IN -> {
                List<String> values = ((FilterValue.TextList) term.value()).values();
                sql.append(column).append(term.operator() == Operator.IN
                        ? " IN (" : " NOT IN (");
                marks(sql, values.size());
                sql.append(')');
                binds.addAll(values);
            }
            default -> throw new IllegalStateException(term.operator() + " on text");
        }
    }

    private static void marks(StringBuilder sql, int count) {
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
    }
}

package org.mlops4j.core.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.data.internal.SqlTableName;
import org.mlops4j.core.data.internal.SqlTimestamps;
import org.mlops4j.core.spi.support.jdbc.JdbcUrls;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * Reads a database table, or the result of a query, into a {@link Table}.
 *
 * <pre>{@code
 * JdbcTableReader reader = JdbcTableReader.builder()
 *         .columnType("city_mapped", ColumnType.CATEGORICAL)
 *         .build();
 * Table leads = reader.readTable(db, "loaded_data");
 * Table recent = reader.readQuery(db, "SELECT * FROM loaded_data WHERE created_date >= ?", cutoff);
 * }</pre>
 *
 * <h2>Column types</h2>
 * A column type set with {@link Builder#columnType(String, ColumnType)} always wins. Otherwise the SQL type decides:
 * <ul>
 *   <li>integer, floating-point and decimal types become {@link ColumnType#NUMERIC};</li>
 *   <li>{@code BOOLEAN} and {@code BIT} become {@link ColumnType#BOOLEAN};</li>
 *   <li>{@code TIMESTAMP} and {@code DATE} become {@link ColumnType#TIMESTAMP}: values without a time zone are taken
 *       as UTC (never the JVM's zone), values with one are converted to UTC, a date is its midnight UTC, and
 *       precision finer than a millisecond is cut off;</li>
 *   <li>{@code VARCHAR} and {@code CHAR} become {@link ColumnType#CATEGORICAL}, {@code TEXT} and {@code CLOB} become
 *       {@link ColumnType#TEXT}; this is how {@link JdbcTableWriter} stores the two, so they come back as they were
 *       written;</li>
 *   <li>strings of a type that says neither (a time of day, a UUID, an enum, a SQLite expression) are decided by
 *       their values: categorical when they have at most {@value StringSink#ALWAYS_CATEGORICAL_LEVELS} distinct
 *       values or at most half of their non-null values are distinct, text otherwise;</li>
 *   <li>binary types, arrays and structures are refused, naming the column; leave them out or convert them in SQL.</li>
 * </ul>
 * For string columns two options override the SQL type (but not {@link Builder#columnType}):
 * {@link Builder#stringsAs(ColumnType)} reads them all as one type, and {@link Builder#stringTypesFromValues()}
 * applies the rule of distinct values to all of them. The latter suits tables written by tools that declare every
 * string {@code TEXT}, such as pandas. SQL {@code NULL} is always a null value, in every column type.
 *
 * <h2>SQLite</h2>
 * SQLite columns have a declared type but may hold values of any type. The declared type decides the column type by
 * SQLite's affinity rules ({@code INT...} and {@code REAL}, {@code FLOAT}, {@code DOUBLE}, {@code NUMERIC}: numeric;
 * {@code ...CHAR...}: categorical; {@code TEXT}, {@code CLOB}: text), except that a name with
 * {@code BOOL} is boolean and one with {@code DATE} or {@code TIME} is a timestamp (ISO-8601 text such as
 * {@code 2021-11-19 15:25:38}, or integer epoch milliseconds). Every value is then checked: a value that does not fit,
 * such as the text {@code abc} in an {@code INTEGER} column, is an error that names the table, row, column and value.
 * An expression (a result column that is not a table's column, such as {@code count(*)} or {@code a || b}) is
 * numeric when all its values are numbers and a string column (decided by its values as above) otherwise. SQLite
 * cannot store {@code NaN}: it stores NULL instead, so a {@code NaN} written there comes back null.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JdbcTableReader {

    private final Map<String, ColumnType> columnTypes;
    private final ColumnType stringsAs;
    private final boolean stringTypesFromValues;
    private final int fetchSize;

    private JdbcTableReader(Builder builder) {
        this.columnTypes = Map.copyOf(builder.columnTypes);
        this.stringsAs = builder.stringsAs;
        this.stringTypesFromValues = builder.stringTypesFromValues;
        this.fetchSize = builder.fetchSize;
    }

    /** @return a builder with the defaults: column types from the SQL types, fetch size 10,000 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every row of a table or view, in the order the database returns them (without {@code ORDER BY}).
     *
     * @param database  the database
     * @param tableName the table's name, optionally with a schema ({@code analytics.leads}); matched exactly, or
     *                  ignoring case when only one table matches that way
     * @return the table, with the database table's columns in order
     * @throws IllegalArgumentException when the name is not a valid table name (letters, digits, underscores)
     * @throws JdbcException            when the table does not exist (the message lists the tables that do) or the
     *                                  database fails
     * @throws org.mlops4j.core.DataException when a value does not fit its column's type
     */
    public Table readTable(JdbcDatabase database, String tableName) {
        SqlTableName wanted = SqlTableName.parse(tableName);
        return database.withSession("read table '" + wanted + "'", session -> {
            Optional<SqlTableName> found = TableCatalog.find(session.connection(), wanted);
            if (found.isEmpty()) {
                throw new JdbcException("Table '" + wanted + "' does not exist in " + session.url()
                        + "; the tables there are " + TableCatalog.tableNames(session.connection(), wanted.schema()),
                        session.url(), null, null);
            }
            String sql = "SELECT * FROM " + found.get().toSql(session.dialect());
            return query(session, sql, new Object[0], "table '" + found.get() + "' in " + session.url());
        });
    }

    /**
     * Reads the result of a query.
     *
     * @param database   the database
     * @param sql        a query, with {@code ?} for parameters
     * @param parameters the parameters' values, in order; an {@link Instant} is passed as a UTC date-time
     * @return the result as a table, with the columns named by their labels
     * @throws JdbcException when the query fails; the message names the database's URL (without password) and the SQL
     * @throws org.mlops4j.core.DataException when a value does not fit its column's type, or two result columns
     *                                        have the same label
     */
    public Table readQuery(JdbcDatabase database, String sql, Object... parameters) {
        Objects.requireNonNull(sql, "sql");
        return database.withSession("run a query", session ->
                query(session, sql, parameters.clone(), "query [" + sql + "] on " + session.url()));
    }

    private Table query(JdbcDatabase.Session session, String sql, Object[] parameters, String source)
            throws SQLException {
        Connection connection = session.connection();
        boolean ownTransaction = session.owned() && connection.getAutoCommit();
        try {
            if (ownTransaction) {
                // a read-only snapshot, and PostgreSQL streams rows with the fetch size only inside a transaction
                connection.setAutoCommit(false);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(fetchSize);
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameter(parameters[i], session.dialect()));
                }
                try (ResultSet result = statement.executeQuery()) {
                    return ResultSetReader.read(result, session.dialect(), source, columnTypes, stringsAs,
                            stringTypesFromValues);
                }
            } finally {
                if (ownTransaction) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            SQLException safe = JdbcUrls.redact(e);
            throw new JdbcException("Query failed on " + session.url() + ": " + safe.getMessage() + "\nSQL: " + sql,
                    session.url(), sql, safe);
        }
    }

    private static Object parameter(Object value, SqlDialect dialect) {
        if (value instanceof Instant instant) {
            long millis = instant.toEpochMilli();
            return dialect == SqlDialect.SQLITE ? SqlTimestamps.format(millis) : SqlTimestamps.toUtc(millis);
        }
        return value;
    }

    /** Options for a {@link JdbcTableReader}; not thread-safe. */
    public static final class Builder {
        private final Map<String, ColumnType> columnTypes = new LinkedHashMap<>();
        private ColumnType stringsAs;
        private boolean stringTypesFromValues;
        private int fetchSize = 10_000;

        private Builder() {
        }

        /**
         * Fixes a column's type, whatever its SQL type; values that do not fit are an error naming row and value.
         *
         * @param column the column's label in the result, exactly
         * @param type   the type to read it as
         * @return this builder
         */
        public Builder columnType(String column, ColumnType type) {
            columnTypes.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Reads every string column whose type is not set by {@link #columnType} as this type, whatever its SQL type.
         *
         * @param type {@link ColumnType#CATEGORICAL} or {@link ColumnType#TEXT}
         * @return this builder
         * @throws IllegalArgumentException for any other type
         */
        public Builder stringsAs(ColumnType type) {
            if (type != ColumnType.CATEGORICAL && type != ColumnType.TEXT) {
                throw new IllegalArgumentException("Strings can be read as categorical or text, not " + type.key());
            }
            this.stringsAs = type;
            this.stringTypesFromValues = false;
            return this;
        }

        /**
         * Decides the type of every string column whose type is not set by {@link #columnType} from its values,
         * whatever its SQL type: categorical when it has at most {@value StringSink#ALWAYS_CATEGORICAL_LEVELS}
         * distinct values or at most half of its non-null values are distinct, text otherwise. Meant for tables
         * whose writer declared every string {@code TEXT}.
         *
         * @return this builder
         */
        public Builder stringTypesFromValues() {
            this.stringTypesFromValues = true;
            this.stringsAs = null;
            return this;
        }

        /**
         * @param rows how many rows the driver fetches at a time; default 10,000
         * @return this builder
         */
        public Builder fetchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("The fetch size must be at least 1, not " + rows);
            }
            this.fetchSize = rows;
            return this;
        }

        /** @return the reader */
        public JdbcTableReader build() {
            return new JdbcTableReader(this);
        }
    }
}

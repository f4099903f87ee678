package org.mlops4j.core.data;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import org.mlops4j.core.data.TableCatalog.TableColumn;
import org.mlops4j.core.data.internal.SqlTableName;
import org.mlops4j.core.spi.support.jdbc.JdbcUrls;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link Table} to a database table, creating it when it is missing.
 *
 * <pre>{@code
 * JdbcTableWriter.builder().mode(JdbcWriteMode.REPLACE).build().write(mapped, db, "city_tier_mapped");
 * }</pre>
 *
 * <h2>All or nothing</h2>
 * The rows go in batches ({@link Builder#batchSize(int)}) inside one transaction. If anything fails (a value the
 * database refuses, a lost connection, an exception from the {@link Builder#progress(LongConsumer) progress}
 * listener) the transaction is rolled back: a table that was to be created or replaced is not there (or is the old
 * one), and a table that was appended to is unchanged. No reader ever sees a half-written table. SQLite and
 * PostgreSQL drop, create and fill the table in that one transaction. H2 commits every {@code CREATE} and
 * {@code DROP} at once, so there the rows go into a new table under a staging name first, which replaces the target
 * only once it is complete (between dropping the old table and renaming the new one the name is briefly absent).
 * When the {@link JdbcDatabase} wraps a host's connection whose auto-commit is off, the write joins the host's
 * transaction: it rolls back to a savepoint on failure and leaves committing to the host (H2 still commits at every
 * {@code CREATE} and {@code DROP}).
 *
 * <h2>Column types</h2>
 * <table>
 *   <caption>SQL types of created columns</caption>
 *   <tr><th>column type</th><th>SQLite</th><th>H2</th><th>PostgreSQL</th></tr>
 *   <tr><td>numeric</td><td>REAL</td><td>DOUBLE PRECISION</td><td>DOUBLE PRECISION</td></tr>
 *   <tr><td>categorical</td><td>VARCHAR</td><td>VARCHAR</td><td>VARCHAR</td></tr>
 *   <tr><td>boolean</td><td>BOOLEAN (0/1)</td><td>BOOLEAN</td><td>BOOLEAN</td></tr>
 *   <tr><td>timestamp</td><td>TIMESTAMP (UTC text)</td><td>TIMESTAMP (UTC)</td><td>TIMESTAMP (UTC)</td></tr>
 *   <tr><td>text</td><td>TEXT</td><td>CLOB</td><td>TEXT</td></tr>
 * </table>
 * SQLite stores a timestamp as text such as {@code 2021-11-19 15:25:38} (with {@code .SSS} when it has milliseconds)
 * and cannot store {@code NaN}: a {@code NaN} becomes NULL there (and a log line says how many did). H2 and PostgreSQL
 * keep {@code NaN} and the infinities. {@link JdbcTableReader} maps these types back, so a table read back is equal
 * to the table written, in every database (apart from SQLite's NaN).
 *
 * <h2>Names</h2>
 * Table names are made of letters, digits and underscores (optionally {@code schema.table}); column names may be
 * anything, such as {@code 1_on_1_industry_mentorship}, and are always quoted. Names are kept exactly, case included.
 * For PostgreSQL, whose batches are faster with it, consider {@code reWriteBatchedInserts=true} in the URL.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JdbcTableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTableWriter.class);

    /** Work in a transaction; may throw {@link SQLException}. */
    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    private final JdbcWriteMode mode;
    private final int batchSize;
    private final LongConsumer progress;

    private JdbcTableWriter(Builder builder) {
        this.mode = builder.mode;
        this.batchSize = builder.batchSize;
        this.progress = builder.progress;
    }

    /** @return a builder with the defaults: mode {@link JdbcWriteMode#FAIL_IF_EXISTS}, batches of 1,000 rows */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a table to a database table, in one transaction.
     *
     * @param table     the table; it must have at least one column
     * @param database  the database
     * @param tableName the database table's name, optionally with a schema ({@code analytics.leads})
     * @throws IllegalArgumentException when the table has no columns or the name is not a valid table name
     * @throws JdbcException            when the database table exists in mode {@link JdbcWriteMode#FAIL_IF_EXISTS},
     *                                  when appending to a table that lacks a column or has an incompatible type,
     *                                  when a name is too long for the database, or when the database fails; nothing
     *                                  is written then
     */
    public void write(Table table, JdbcDatabase database, String tableName) {
        Objects.requireNonNull(table, "table");
        SqlTableName target = SqlTableName.parse(tableName);
        if (table.columnCount() == 0) {
            throw new IllegalArgumentException("A table without columns cannot be written to '" + target + "'");
        }
        database.withSession("write table '" + target + "'", session -> {
            long start = System.nanoTime();
            writeIn(session, table, target);
            LOG.debug("Wrote {} rows x {} columns to table '{}' in {} ({} mode) in {} ms", table.rowCount(),
                    table.columnCount(), target, session.url(), mode, (System.nanoTime() - start) / 1_000_000);
            return null;
        });
    }

    private void writeIn(JdbcDatabase.Session session, Table table, SqlTableName target) throws SQLException {
        checkNames(session, table, target);
        Optional<SqlTableName> existing = TableCatalog.find(session.connection(), target);
        if (existing.isPresent() && mode == JdbcWriteMode.FAIL_IF_EXISTS) {
            throw new JdbcException("Table '" + existing.get() + "' already exists in " + session.url() + "; write"
                    + " with JdbcWriteMode.REPLACE to replace it or APPEND to add rows to it", session.url(), null,
                    null);
        }
        if (existing.isPresent() && mode == JdbcWriteMode.APPEND) {
            append(session, table, existing.get());
            return;
        }
        Optional<SqlTableName> replaced = mode == JdbcWriteMode.REPLACE ? existing : Optional.empty();
        if (session.dialect().transactionalDdl()) {
            inTransaction(session, () -> {
                replaced.ifPresent(old -> execute(session, "DROP TABLE " + old.toSql(session.dialect())));
                createAndFill(session, table, target);
            });
        } else {
            createThroughStaging(session, table, target, replaced);
        }
        if (session.dialect() == SqlDialect.SQLITE) {
            logNaNs(table, target, session.url());
        }
    }

    private void createThroughStaging(JdbcDatabase.Session session, Table table, SqlTableName target,
            Optional<SqlTableName> replaced) throws SQLException {
        SqlDialect dialect = session.dialect();
        SqlTableName staging = target.withName(stagingName(target.name(), dialect));
        try {
            inTransaction(session, () -> createAndFill(session, table, staging));
        } catch (SQLException | RuntimeException | Error e) {
            try (Statement statement = session.connection().createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + staging.toSql(dialect));
            } catch (SQLException dropFailure) {
                e.addSuppressed(dropFailure);
            }
            throw e;
        }
        try {
            inTransaction(session, () -> {
                replaced.ifPresent(old -> execute(session, "DROP TABLE " + old.toSql(dialect)));
                execute(session, "ALTER TABLE " + staging.toSql(dialect) + " RENAME TO "
                        + dialect.quote(target.name()));
            });
        } catch (JdbcException e) {
            // the complete new rows are in the staging table; keep it, since the old table may be gone already
            throw new JdbcException("Cannot put table '" + target + "' in place in " + session.url() + ": "
                    + e.getMessage() + "\nThe new rows are complete in table '" + staging + "'; rename it to '"
                    + target.name() + "' by hand", session.url(), e.sql().orElse(null), e);
        }
    }

    private static String stagingName(String name, SqlDialect dialect) {
        String suffix = "_staging_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        String staging = name + suffix;
        return dialect.fitsIdentifierLength(staging) ? staging : "mlops4j" + suffix;
    }

    private void createAndFill(JdbcDatabase.Session session, Table table, SqlTableName into) throws SQLException {
        SqlDialect dialect = session.dialect();
        List<String> definitions = new ArrayList<>();
        List<ValueBinder> binders = new ArrayList<>();
        for (Column column : table.columns()) {
            definitions.add(dialect.quote(column.name()) + " " + sqlType(dialect, column.type()));
            binders.add(ValueBinder.of(column, dialect, createdKind(column.type())).orElseThrow());
        }
        execute(session, "CREATE TABLE " + into.toSql(dialect) + " (" + String.join(", ", definitions) + ")");
        insert(session, table, into, table.columnNames(), binders);
    }

    private static SqlValueKind createdKind(ColumnType type) {
        return switch (type) {
            case NUMERIC -> SqlValueKind.NUMBER;
            case BOOLEAN -> SqlValueKind.BOOLEAN;
            case TIMESTAMP -> SqlValueKind.LOCAL_TIMESTAMP;
            case CATEGORICAL -> SqlValueKind.SHORT_STRING;
            case TEXT -> SqlValueKind.LONG_STRING;
        };
    }

    private void append(JdbcDatabase.Session session, Table table, SqlTableName existing) throws SQLException {
        SqlDialect dialect = session.dialect();
        List<TableColumn> targetColumns = TableCatalog.columns(session.connection(), dialect, existing);
        List<String> names = new ArrayList<>();
        List<ValueBinder> binders = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Column column : table.columns()) {
            Optional<TableColumn> match = matchColumn(targetColumns, column.name());
            if (match.isEmpty()) {
                missing.add(column.name());
                continue;
            }
            TableColumn target = match.get();
            ValueBinder binder = ValueBinder.of(column, dialect, target.kind()).orElseThrow(() -> new JdbcException(
                    "Cannot append to table '" + existing + "' in " + session.url() + ": column '" + column.name()
                            + "' is " + column.type().key() + " but the database column '" + target.name()
                            + "' is " + target.typeName() + "; convert the column, or write with"
                            + " JdbcWriteMode.REPLACE", session.url(), null, null));
            names.add(target.name());
            binders.add(binder);
        }
        if (!missing.isEmpty()) {
            throw new JdbcException("Cannot append to table '" + existing + "' in " + session.url() + ": it has no"
                    + " column " + missing + "; its columns are " + targetColumns.stream().map(TableColumn::name)
                    .toList() + ". Drop or rename those columns, or write with JdbcWriteMode.REPLACE",
                    session.url(), null, null);
        }
        inTransaction(session, () -> insert(session, table, existing, names, binders));
    }

    private static Optional<TableColumn> matchColumn(List<TableColumn> columns, String name) {
        Optional<TableColumn> exact = columns.stream().filter(c -> c.name().equals(name)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<TableColumn> ignoringCase = columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).toList();
        return ignoringCase.size() == 1 ? Optional.of(ignoringCase.get(0)) : Optional.empty();
    }

    private void insert(JdbcDatabase.Session session, Table table, SqlTableName into, List<String> columnNames,
            List<ValueBinder> binders) throws SQLException {
        SqlDialect dialect = session.dialect();
        String sql = "INSERT INTO " + into.toSql(dialect) + " ("
                + String.join(", ", columnNames.stream().map(dialect::quote).toList()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(binders.size(), "?")) + ")";
        int rows = table.rowCount();
        try (PreparedStatement statement = session.connection().prepareStatement(sql)) {
            int batchStart = 0;
            for (int row = 0; row < rows; row++) {
                for (int k = 0; k < binders.size(); k++) {
                    binders.get(k).bind(statement, k + 1, row);
                }
                statement.addBatch();
                if (row + 1 - batchStart == batchSize || row == rows - 1) {
                    executeBatch(session, statement, sql, batchStart, row);
                    batchStart = row + 1;
                    progress.accept(batchStart);
                }
            }
        }
    }

    private static void executeBatch(JdbcDatabase.Session session, PreparedStatement statement, String sql,
            int firstRow, int lastRow) {
        try {
            statement.executeBatch();
        } catch (SQLException e) {
            SQLException detail = e instanceof BatchUpdateException && e.getNextException() != null
                    ? e.getNextException() : e;
            throw new JdbcException("Writing rows " + (firstRow + 1) + " to " + (lastRow + 1) + " into " + session.url()
                    + " failed, so nothing is written (the transaction is rolled back): "
                    + JdbcUrls.redact(e.getMessage()) + (detail != e ? " " + JdbcUrls.redact(detail.getMessage()) : "")
                    + "\nSQL: " + sql, session.url(), sql, e);
        }
    }

    private static void execute(JdbcDatabase.Session session, String sql) {
        try (Statement statement = session.connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new JdbcException("Statement failed on " + session.url() + ": " + JdbcUrls.redact(e.getMessage())
                    + "\nSQL: " + sql, session.url(), sql, e);
        }
    }

    /**
     * Runs work in a transaction of its own, or inside the host's transaction under a savepoint, and undoes it when
     * anything fails.
     */
    private static void inTransaction(JdbcDatabase.Session session, SqlWork work) throws SQLException {
        Connection connection = session.connection();
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
        } else {
            savepoint = connection.setSavepoint();
        }
        try {
            work.run();
            if (autoCommit) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException | Error e) {
            try {
                if (autoCommit) {
                    connection.rollback();
                } else {
                    connection.rollback(savepoint);
                }
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void checkNames(JdbcDatabase.Session session, Table table, SqlTableName target) {
        SqlDialect dialect = session.dialect();
        if (!dialect.fitsIdentifierLength(target.name())) {
            throw new JdbcException("Table name '" + target.name() + "' is longer than " + dialect.displayName()
                    + " allows (" + dialect.identifierLimit() + "); choose a shorter name", session.url(), null,
                    null);
        }
        for (String name : table.columnNames()) {
            if (!dialect.fitsIdentifierLength(name) || name.indexOf('\0') >= 0) {
                throw new JdbcException("Column name '" + name + "' cannot be used in " + dialect.displayName()
                        + ": names may be at most " + dialect.identifierLimit() + " long and hold no NUL character;"
                        + " rename the column before writing table '" + target + "'", session.url(), null, null);
            }
        }
    }

    private static void logNaNs(Table table, SqlTableName target, String url) {
        for (Column column : table.columns()) {
            if (column instanceof NumericColumn numbers) {
                long nans = numbers.nonNullValues().filter(Double::isNaN).count();
                if (nans > 0) {
                    LOG.info("Column '{}' of table '{}' in {} has {} NaN values, which SQLite stores as NULL", column
                            .name(), target, url, nans);
                }
            }
        }
    }

    /** Options for a {@link JdbcTableWriter}; not thread-safe. */
    public static final class Builder {
        private JdbcWriteMode mode = JdbcWriteMode.FAIL_IF_EXISTS;
        private int batchSize = 1000;
        private LongConsumer progress = rows -> { };

        private Builder() {
        }

        /**
         * @param mode what to do when the database table exists; default {@link JdbcWriteMode#FAIL_IF_EXISTS}
         * @return this builder
         */
        public Builder mode(JdbcWriteMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @param rows how many rows go to the database in one batch; default 1,000
         * @return this builder
         */
        public Builder batchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("The batch size must be at least 1, not " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /**
         * @param listener called on the writing thread after each batch is sent, with the number of rows sent so far
         *                 (they become visible only when the whole table is committed); an exception it throws
         *                 stops the write, rolls it back, and reaches the caller of
         *                 {@link JdbcTableWriter#write(Table, JdbcDatabase, String)} unchanged
         * @return this builder
         */
        public Builder progress(LongConsumer listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the writer */
        public JdbcTableWriter build() {
            return new JdbcTableWriter(this);
        }
    }

    @Override
    public String toString() {
        return "JdbcTableWriter[" + mode.name().toLowerCase(Locale.ROOT) + ", batches of " + batchSize + "]";
    }

    private static String sqlType(SqlDialect dialect, ColumnType type) {
        return switch (type) {
            case NUMERIC -> dialect.doubleType();
            case CATEGORICAL -> dialect.shortTextType();
            case BOOLEAN -> dialect.booleanType();
            case TIMESTAMP -> dialect.timestampType();
            case TEXT -> dialect.largeTextType();
        };
    }
}

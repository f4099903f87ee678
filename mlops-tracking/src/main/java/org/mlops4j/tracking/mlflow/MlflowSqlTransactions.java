package org.mlops4j.tracking.mlflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.mlops4j.core.spi.support.jdbc.ConnectionPool;
import org.mlops4j.core.spi.support.jdbc.JdbcUrls;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * The write transactions of an MLflow database, one per change, as MLflow's {@code ManagedSessionMaker} runs them.
 * SQLite: one connection with a busy timeout and {@code BEGIN IMMEDIATE}, so writers of all processes take turns,
 * used by one thread of this store at a time (threads queue on a fair lock instead of sleeping in SQLite's busy
 * handler); the journal mode stays as MLflow set it (mlops4j's own pools would switch on WAL). PostgreSQL: pooled
 * connections; what must not interleave (a run's latest metrics, a model's next version number) is serialised by
 * locking the owning row with {@link #forUpdate()}.
 *
 * <p>Thread-safe.
 */
final class MlflowSqlTransactions implements AutoCloseable {

    private static final int POSTGRES_WRITERS = 8;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int SQLITE_CONSTRAINT = 19;

    /** One write transaction. */
    @FunctionalInterface
    interface Work<T> {
        /**
         * @param connection a connection in a transaction, committed when this returns and rolled back when it throws
         * @return what the change gives back
         * @throws SQLException when a statement fails
         */
        T run(Connection connection) throws SQLException;
    }

    private final String url;
    private final SqlDialect dialect;
    private final ConnectionPool pool;
    private final ReentrantLock sqliteTurn = new ReentrantLock(true);
    private Connection sqlite;

    /**
     * @param url     the database's JDBC URL
     * @param dialect SQLite or PostgreSQL
     */
    MlflowSqlTransactions(String url, SqlDialect dialect) {
        this.url = url;
        this.dialect = dialect;
        this.pool = dialect == SqlDialect.POSTGRESQL
                ? new ConnectionPool(url, dialect, ConnectionPool.Settings.forWrites(POSTGRES_WRITERS)) : null;
    }

    /**
     * @param work the change
     * @param <T>  what it gives back
     * @return what it gave back, after the commit
     * @throws SQLException when a statement or the commit fails (the driver's message redacted); nothing is kept
     */
    <T> T run(Work<T> work) throws SQLException {
        if (pool == null) {
            sqliteTurn.lock();
            try {
                if (sqlite == null) {
                    Properties properties = new Properties();
                    properties.setProperty("busy_timeout", Integer.toString(SqlDialect.SQLITE_BUSY_TIMEOUT_MS));
                    properties.setProperty("transaction_mode", "IMMEDIATE");
                    sqlite = DriverManager.getConnection(url, properties);
                }
                return inTransaction(sqlite, work);
            } catch (SQLException e) {
                closeSqlite();
                throw JdbcUrls.redact(e);
            } finally {
                sqliteTurn.unlock();
            }
        }
        try (ConnectionPool.Lease lease = pool.lease()) {
            try {
                return inTransaction(lease.connection(), work);
            } catch (SQLException e) {
                lease.markBroken();
                throw JdbcUrls.redact(e);
            }
        }
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            connection.setAutoCommit(true);
            throw e;
        }
    }

    /**
     * @return the clause that locks the rows a {@code SELECT} reads until the transaction ends: {@code FOR UPDATE}
     *         on PostgreSQL; nothing on SQLite, whose write transactions hold the whole database already
     */
    String forUpdate() {
        return dialect == SqlDialect.POSTGRESQL ? " FOR UPDATE" : "";
    }

    /**
     * @param e a failed statement's exception
     * @return whether it broke a primary key or unique constraint (a row that another writer created first)
     */
    boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState()) || dialect == SqlDialect.SQLITE
                && e.getErrorCode() == SQLITE_CONSTRAINT && String.valueOf(e.getMessage()).contains("UNIQUE");
    }

    /** Closes pooled connections. Idempotent. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        sqliteTurn.lock();
        try {
            closeSqlite();
        } finally {
            sqliteTurn.unlock();
        }
    }

    private void closeSqlite() {
        if (sqlite != null) {
            try {
                sqlite.close();
            } catch (SQLException ignored) {
                // a broken connection is opened again by the next transaction
            }
            sqlite = null;
        }
    }
}

package org.mlops4j.tracking.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the databases the JDBC registry supports: column types, connection settings, and which errors
 * mean "try again" or "that key exists".
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public enum SqlDialect {

    /** SQLite through xerial sqlite-jdbc: WAL journal, a busy timeout, writers start with BEGIN IMMEDIATE. */
    SQLITE("TEXT", Set.of()),
    /** H2 2.x. */
    H2("CHARACTER LARGE OBJECT", Set.of("40001", "HYT00")),
    /** PostgreSQL 12 or later. */
    POSTGRESQL("TEXT", Set.of("40001", "40P01", "55P03"));

    /** How long a SQLite connection waits for another writer before failing, in milliseconds. */
    public static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    private final String largeText;
    private final Set<String> transientStates;

    SqlDialect(String largeText, Set<String> transientStates) {
        this.largeText = largeText;
        this.transientStates = transientStates;
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return the dialect of its database
     * @throws ConfigurationException when the database is not one of SQLite, H2 and PostgreSQL
     */
    public static SqlDialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new ConfigurationException("The JDBC model registry supports SQLite (jdbc:sqlite:<file>), H2"
                + " (jdbc:h2:<path>) and PostgreSQL (jdbc:postgresql://<host>/<database>); found '" + jdbcUrl + "'.");
    }

    /** @return the column type for unbounded text */
    public String largeText() {
        return largeText;
    }

    /**
     * @param forWrites whether the connection will run write transactions
     * @return the driver properties for a new connection
     */
    public Properties connectionProperties(boolean forWrites) {
        Properties properties = new Properties();
        if (this == SQLITE) {
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
            properties.setProperty("foreign_keys", "true");
            properties.setProperty("synchronous", "FULL");
            properties.setProperty("transaction_mode", forWrites ? "IMMEDIATE" : "DEFERRED");
        }
        return properties;
    }

    /**
     * Sets what a new connection needs once: read transactions see one snapshot where the database offers it. The
     * connection stays in auto-commit mode while it is idle (an idle SQLite connection in a transaction would hold
     * its lock); the pool switches auto-commit off for each transaction.
     *
     * @param connection a new connection
     * @param forWrites  whether it will run write transactions
     * @throws SQLException when the database refuses
     */
    public void prepare(Connection connection, boolean forWrites) throws SQLException {
        if (this != SQLITE && !forWrites) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    /**
     * Serialises schema migrations between processes, inside the migrating transaction.
     *
     * @param connection a connection in a write transaction
     * @throws SQLException when the lock cannot be taken
     */
    public void lockForMigration(Connection connection) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(7305186402377461)");
            }
        }
    }

    /**
     * @param e a failure
     * @return whether the same transaction may succeed when tried again (a lock was busy, a deadlock victim)
     */
    public boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && transientStates.contains(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && this == H2 && (sql.getErrorCode() == 50200
                    || sql.getErrorCode() == 90131 || sql.getErrorCode() == 40001)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param e a failure
     * @return whether it says a row with the same unique key exists
     */
    public boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                    return true;
                }
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

package org.mlops4j.tracking.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingException;

/**
 * A small, fixed-size pool of JDBC connections, opened on demand with {@link DriverManager} and the dialect's
 * settings. A host that has a pooled {@link javax.sql.DataSource} of its own is better served by it; this pool keeps
 * the store free of extra dependencies.
 *
 * <p>Each connection keeps the statements prepared through {@link Lease#prepared(String)} for its lifetime, so hot
 * paths (logging metrics) do not parse the same SQL again on every call. A cached statement belongs to the lease that
 * holds its connection; it is reused, never closed, by its users.
 *
 * <p>Thread-safe. This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class ConnectionPool implements AutoCloseable {

    private final String url;
    private final SqlDialect dialect;
    private final boolean readOnly;
    private final Semaphore permits;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final Map<Connection, Map<String, PreparedStatement>> statements = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param url     the JDBC URL
     * @param dialect its dialect
     * @param size    the most connections open at once
     */
    public ConnectionPool(String url, SqlDialect dialect, int size) {
        this(url, dialect, size, StoreAccess.READ_WRITE);
    }

    /**
     * @param url     the JDBC URL
     * @param dialect its dialect
     * @param size    the most connections open at once
     * @param access  read-only opens every connection as {@link ReadOnlyDatabase} says
     */
    public ConnectionPool(String url, SqlDialect dialect, int size, StoreAccess access) {
        this.url = url;
        this.dialect = dialect;
        this.readOnly = access == StoreAccess.READ_ONLY;
        this.permits = new Semaphore(size, true);
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /** A connection on loan; closing it gives it back. */
    public final class Lease implements AutoCloseable {
        private final Connection connection;
        private boolean broken;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        /** @return the connection */
        public Connection connection() {
            return connection;
        }

        /**
         * Returns the connection's statement for a SQL text, preparing it the first time. The caller must not close
         * it; it must close the result sets it opens and leave no batch pending.
         *
         * @param sql the SQL text
         * @return the prepared statement, cached with the connection
         * @throws SQLException when the statement cannot be prepared
         */
        public PreparedStatement prepared(String sql) throws SQLException {
            Map<String, PreparedStatement> cache = statements.computeIfAbsent(connection, c -> new HashMap<>());
            PreparedStatement statement = cache.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
                cache.put(sql, statement);
            }
            return statement;
        }

        /** Closes the connection's cached statements (after a failure, when one may be left half used). */
        public void forgetStatements() {
            closeStatements(connection);
        }

        /** Marks the connection as unusable; it is closed instead of given back. */
        public void markBroken() {
            broken = true;
        }

        @Override
        public void close() {
            try {
                if (broken || closed || !connection.getAutoCommit()) {
                    discard(connection);
                } else if (!idle.offer(connection)) {
                    discard(connection);
                }
            } catch (SQLException e) {
                discard(connection);
            } finally {
                permits.release();
            }
        }
    }

    /**
     * @return a connection, waiting while all are in use
     * @throws TrackingException when a connection cannot be opened
     */
    public Lease lease() {
        if (closed) {
            throw new IllegalStateException("The tracking store at " + url + " is closed");
        }
        permits.acquireUninterruptibly();
        Connection connection = idle.poll();
        try {
            if (connection == null) {
                connection = open();
            }
            return new Lease(connection);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection open() {
        try {
            Connection connection = readOnly
                    ? DriverManager.getConnection(ReadOnlyDatabase.url(url),
                            ReadOnlyDatabase.properties(url, dialect.connectionProperties()))
                    : DriverManager.getConnection(url, dialect.connectionProperties());
            try (Statement statement = connection.createStatement()) {
                for (String sql : dialect.connectionSetup()) {
                    statement.execute(sql);
                }
            }
            if (readOnly) {
                ReadOnlyDatabase.prepare(url, connection);
            }
            synchronized (all) {
                all.add(connection);
            }
            return connection;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("No suitable driver")) {
                throw new ConfigurationException("No JDBC driver for " + url + " is on the class path. Add "
                        + dialect.driverArtifact() + ".", e);
            }
            throw new TrackingException("Cannot connect to the tracking database " + url + ": " + e.getMessage(), e);
        }
    }

    private void closeStatements(Connection connection) {
        Map<String, PreparedStatement> cache = statements.remove(connection);
        if (cache != null) {
            for (PreparedStatement statement : cache.values()) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // the connection is being reset or closed
                }
            }
        }
    }

    private void discard(Connection connection) {
        synchronized (all) {
            all.remove(connection);
        }
        closeStatements(connection);
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do with it
        }
    }

    /** Closes every connection, idle or not. */
    @Override
    public void close() {
        closed = true;
        List<Connection> open;
        synchronized (all) {
            open = new ArrayList<>(all);
            all.clear();
        }
        idle.clear();
        for (Connection connection : open) {
            closeStatements(connection);
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}

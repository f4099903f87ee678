package org.mlops4j.core.spi.support.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * A small, fixed-size pool of JDBC connections to one database, opened on demand with {@link DriverManager} and the
 * dialect's settings ({@link SqlDialect#connectionProperties}, {@link SqlDialect#prepare}); read-only, every
 * connection is opened as {@link ReadOnlyDatabase} says. A host that has a pooled {@link javax.sql.DataSource} of its
 * own is better served by it; this pool keeps mlops4j free of extra dependencies.
 *
 * <p>A pool serves one kind of work ({@link Settings#forWrites()}): a store that keeps reads and writes apart (SQLite
 * starts write transactions with {@code BEGIN IMMEDIATE}, reads with a deferred snapshot) opens two pools.
 * Connections are lent in auto-commit mode and must come back in it; one that comes back in a transaction, or marked
 * {@link Lease#markBroken() broken}, is closed instead of kept.
 *
 * <p>Each connection keeps the statements prepared through {@link Lease#prepared(String)} for its lifetime, so hot
 * paths (logging metrics) do not parse the same SQL again on every call. A cached statement belongs to the lease that
 * holds its connection; it is reused, never closed, by its users.
 *
 * <p>Thread-safe. A thread must not hold two leases of one pool at once (it could wait for itself).
 */
public final class ConnectionPool implements AutoCloseable {

    /**
     * How a pool opens its connections.
     *
     * @param size        the most connections open at once; {@link #lease()} waits while all are lent
     * @param forWrites   whether the connections run write transactions (see {@link SqlDialect#connectionProperties})
     * @param syncCommits whether every commit must reach the disk before it returns (see
     *                    {@link SqlDialect#connectionProperties})
     * @param readOnly    whether connections are opened read-only (see {@link ReadOnlyDatabase})
     */
    public record Settings(int size, boolean forWrites, boolean syncCommits, boolean readOnly) {
        /** Checks the size. */
        public Settings {
            if (size < 1) {
                throw new IllegalArgumentException("A connection pool needs room for at least one connection; found "
                        + size);
            }
        }

        /**
         * @param size the most connections open at once
         * @return settings for write transactions, commits durable at the next checkpoint, read-write
         */
        public static Settings forWrites(int size) {
            return new Settings(size, true, false, false);
        }

        /**
         * @param size the most connections open at once
         * @return settings for read transactions, read-write
         */
        public static Settings forReads(int size) {
            return new Settings(size, false, false, false);
        }

        /** @return these settings with every commit synced to disk before it returns */
        public Settings syncingCommits() {
            return new Settings(size, forWrites, true, readOnly);
        }

        /**
         * @param onlyReads whether connections are opened read-only
         * @return these settings, read-only or not
         */
        public Settings readOnly(boolean onlyReads) {
            return new Settings(size, forWrites, syncCommits, onlyReads);
        }
    }

    private final String url;
    private final SqlDialect dialect;
    private final Settings settings;
    private final Semaphore permits;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final Map<Connection, Map<String, PreparedStatement>> statements = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Opens no connection yet.
     *
     * @param url      the JDBC URL
     * @param dialect  its dialect
     * @param settings how connections are opened
     */
    public ConnectionPool(String url, SqlDialect dialect, Settings settings) {
        this.url = url;
        this.dialect = dialect;
        this.settings = settings;
        this.permits = new Semaphore(settings.size(), true);
        this.idle = new ArrayBlockingQueue<>(settings.size());
    }

    /** A connection on loan; closing it gives it back. Used by one thread. */
    public final class Lease implements AutoCloseable {
        private final Connection connection;
        private boolean broken;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        /** @return the connection, in auto-commit mode when lent */
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

        /** Gives the connection back, or closes it when it is broken, in a transaction, or the pool is closed. */
        @Override
        public void close() {
            try {
                if (broken || closed || !connection.getAutoCommit() || !idle.offer(connection)) {
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
     * @return a connection, waiting while all are lent
     * @throws SQLException          when a new connection cannot be opened or prepared (for a missing driver, the
     *                               message of {@link DriverManager}; see {@link SqlDialect#driverArtifact()})
     * @throws IllegalStateException when the pool is closed
     */
    public Lease lease() throws SQLException {
        if (closed) {
            throw new IllegalStateException("The connections to " + JdbcUrls.redact(url) + " are closed");
        }
        permits.acquireUninterruptibly();
        try {
            Connection connection = idle.poll();
            return new Lease(connection == null ? open() : connection);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    private Connection open() throws SQLException {
        Connection connection = settings.readOnly()
                ? DriverManager.getConnection(ReadOnlyDatabase.url(url), ReadOnlyDatabase.properties(url,
                        dialect.connectionProperties(settings.forWrites(), settings.syncCommits())))
                : DriverManager.getConnection(url,
                        dialect.connectionProperties(settings.forWrites(), settings.syncCommits()));
        try {
            dialect.prepare(connection, settings.forWrites());
            if (settings.readOnly()) {
                ReadOnlyDatabase.prepare(url, connection);
            }
        } catch (SQLException | RuntimeException e) {
            close(connection);
            throw e;
        }
        synchronized (all) {
            all.add(connection);
        }
        return connection;
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
        close(connection);
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do with it
        }
    }

    /** Closes every connection, idle or lent (a lent one fails its next statement). Idempotent. */
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
            close(connection);
        }
    }
}

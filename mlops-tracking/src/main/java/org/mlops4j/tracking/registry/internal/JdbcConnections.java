package org.mlops4j.tracking.registry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.tracking.internal.ReadOnlyDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool of JDBC connections to one database, kept apart for read and for write transactions (SQLite starts
 * write transactions with {@code BEGIN IMMEDIATE}, reads with a deferred snapshot). Connections are opened on demand
 * and at most a few idle ones are kept. Thread-safe.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class JdbcConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConnections.class);
    private static final int MAX_IDLE = 4;

    private final String url;
    private final SqlDialect dialect;
    private final boolean readOnly;
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private final Deque<Connection> idleWriters = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param url     the JDBC URL
     * @param dialect its dialect
     */
    public JdbcConnections(String url, SqlDialect dialect) {
        this(url, dialect, StoreAccess.READ_WRITE);
    }

    /**
     * @param url     the JDBC URL
     * @param dialect its dialect
     * @param access  read-only opens every connection as {@link ReadOnlyDatabase} says and creates no folder
     */
    public JdbcConnections(String url, SqlDialect dialect, StoreAccess access) {
        this.url = url;
        this.dialect = dialect;
        this.readOnly = access == StoreAccess.READ_ONLY;
        if (dialect == SqlDialect.SQLITE && !readOnly) {
            createSqliteFolder(url);
        }
    }

    /** @return the JDBC URL */
    public String url() {
        return url;
    }

    /**
     * @param forWrites whether the caller will write
     * @return an open connection in a new transaction (auto-commit off); give it back with {@link #release}
     * @throws SQLException when no connection can be opened or the transaction cannot begin (on SQLite, a writer
     *                      waits here for other writers)
     */
    public Connection borrow(boolean forWrites) throws SQLException {
        Connection connection;
        synchronized (this) {
            if (closed) {
                throw new ModelRegistryException("The model registry at " + url + " is closed.");
            }
            connection = (forWrites ? idleWriters : idleReaders).pollFirst();
        }
        boolean fresh = connection == null;
        if (fresh) {
            connection = readOnly
                    ? DriverManager.getConnection(ReadOnlyDatabase.url(url),
                            ReadOnlyDatabase.properties(url, dialect.connectionProperties(forWrites)))
                    : DriverManager.getConnection(url, dialect.connectionProperties(forWrites));
        }
        try {
            if (fresh) {
                dialect.prepare(connection, forWrites);
                if (readOnly) {
                    ReadOnlyDatabase.prepare(url, connection);
                }
            }
            connection.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    /**
     * @param connection a connection from {@link #borrow}, with its transaction ended
     * @param forWrites  what it was borrowed for
     * @param broken     whether it failed in a way that may have left it unusable
     */
    public void release(Connection connection, boolean forWrites, boolean broken) {
        if (!broken) {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                broken = true;
            }
        }
        synchronized (this) {
            Deque<Connection> idle = forWrites ? idleWriters : idleReaders;
            if (!closed && !broken && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    @Override
    public void close() {
        Deque<Connection> toClose = new ArrayDeque<>();
        synchronized (this) {
            closed = true;
            toClose.addAll(idleReaders);
            toClose.addAll(idleWriters);
            idleReaders.clear();
            idleWriters.clear();
        }
        toClose.forEach(JdbcConnections::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a registry connection failed: {}", e.toString());
        }
    }

    private static void createSqliteFolder(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new ModelRegistryException("Cannot create the folder " + parent + " for the SQLite registry "
                        + url + ": " + e + ".", e);
            }
        }
    }
}

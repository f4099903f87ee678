package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.support.jdbc.ConnectionPool;
import org.mlops4j.core.spi.support.jdbc.JdbcUrls;
import org.mlops4j.core.spi.support.jdbc.ReadOnlyDatabase;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database in MLflow's SQL schema, opened for reading, and for writing through {@link #write} (with connections of
 * its own, see {@link MlflowSqlTransactions}): the {@code jdbc:} providers of the tracking store and
 * the registry ask {@link #detect} first, and open an {@link MlflowSqlStore} or {@link MlflowSqlRegistry} over it
 * when it is MLflow's. Connections are read-only as {@link ReadOnlyDatabase} opens them (SQLite's file in read-only
 * mode, PostgreSQL sessions read-only), so looking and reading create no file, table or row.
 *
 * <p>Thread-safe: the pool is.
 */
final class MlflowDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MlflowDatabase.class);
    private static final int READERS = 4;

    /** Reads through one leased connection. */
    @FunctionalInterface
    interface Reads<T> {
        /**
         * @param connection a read-only connection in auto-commit mode
         * @return what was read
         * @throws SQLException when a statement fails
         */
        T read(Connection connection) throws SQLException;
    }

    private final URI location;
    private final SqlDialect dialect;
    private final ConnectionPool pool;
    private final MlflowSchema schema;
    private final Path folder;
    private final MlflowSqlTransactions transactions;

    private MlflowDatabase(URI location, String url, SqlDialect dialect, ConnectionPool pool, MlflowSchema schema) {
        this.location = location;
        this.folder = dialect == SqlDialect.SQLITE ? sqliteFolder(url) : null;
        this.transactions = new MlflowSqlTransactions(url, dialect);
        this.dialect = dialect;
        this.pool = pool;
        this.schema = schema;
    }

    /**
     * Looks, read-only, whether a database holds MLflow's schema. SQLite files that do not exist and in-memory
     * databases are not looked at (and not created); H2 is never MLflow's. A database that cannot be reached is not
     * reported here: the mlops4j store that opens instead says why.
     *
     * @param location the URI the database was given as
     * @param url      its JDBC URL
     * @param dialect  its dialect
     * @return the database, open for reading, when it is MLflow's
     */
    static Optional<MlflowDatabase> detect(URI location, String url, SqlDialect dialect) {
        if (dialect != SqlDialect.SQLITE && dialect != SqlDialect.POSTGRESQL || !exists(url, location)) {
            return Optional.empty();
        }
        ConnectionPool pool = new ConnectionPool(url, dialect, ConnectionPool.Settings.forReads(READERS)
                .readOnly(true));
        try (ConnectionPool.Lease lease = pool.lease()) {
            Optional<MlflowSchema> schema = MlflowSchema.of(lease.connection());
            if (schema.isPresent()) {
                URI shown = JdbcUrls.redact(location);
                if (!schema.get().isKnown()) {
                    LOG.warn("{} holds MLflow's schema at {}; reading it as far as its tables allow, read-only.",
                            shown, schema.get().describe());
                }
                return Optional.of(new MlflowDatabase(shown, url, dialect, pool, schema.get()));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not look for MLflow's schema in {}: {}", JdbcUrls.redact(location), e.toString());
        }
        pool.close();
        return Optional.empty();
    }

    private static boolean exists(String url, URI location) {
        if (url.toLowerCase(Locale.ROOT).contains(":memory:")) {
            return false;
        }
        try {
            ReadOnlyDatabase.requireExisting(url, location, "");
            return true;
        } catch (ConfigurationException missing) {
            return false;
        }
    }

    private static Path sqliteFolder(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int options = path.indexOf('?');
        path = options < 0 ? path : path.substring(0, options);
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        Path parent = Path.of(path).toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** @return the location, secrets redacted, for messages and {@code location()} */
    URI location() {
        return location;
    }

    /**
     * @return the folder of a SQLite database's file, against which MLflow's relative artifact locations are taken;
     *         empty for other databases
     */
    Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /**
     * Runs one write transaction. Callers check first that the {@link #schema()} allows the write.
     *
     * @param work  the change
     * @param <T>   what it gives back
     * @return what it gave back, after the commit
     * @throws SQLException when a statement fails, the driver's message redacted; nothing is kept
     */
    <T> T write(MlflowSqlTransactions.Work<T> work) throws SQLException {
        return transactions.run(work);
    }

    /** @return how writes lock rows and tell constraint violations */
    MlflowSqlTransactions transactions() {
        return transactions;
    }

    /** @return what the database holds */
    MlflowSchema schema() {
        return schema;
    }

    /**
     * @param reads what to read
     * @param <T>   what it returns
     * @return what was read
     * @throws SQLException when a statement fails, the driver's message redacted
     */
    <T> T read(Reads<T> reads) throws SQLException {
        try (ConnectionPool.Lease lease = pool.lease()) {
            try {
                return reads.read(lease.connection());
            } catch (SQLException e) {
                lease.markBroken();
                throw JdbcUrls.redact(e);
            }
        }
    }

    /** Closes the connections. Idempotent. */
    @Override
    public void close() {
        pool.close();
        transactions.close();
    }
}

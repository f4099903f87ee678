package org.mlops4j.core.spi.support.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database schema with a version, created and migrated in one way for every mlops4j component that keeps tables
 * (the tracking store, the model registry). Migration {@code i} brings the schema from version {@code i} to
 * {@code i + 1}; the version is recorded in a {@link SchemaVersionTable}. Opening read-write {@link #migrate migrates}
 * in the caller's write transaction, under a lock per schema ({@link SqlDialect#lockForMigration}), so several
 * processes may open a new database at once; opening read-only only {@link #requireCurrent checks}, with no DDL.
 *
 * <p>Migration statements may hold the placeholders {@code ${BINARY}} and {@code ${LARGE_TEXT}} (the dialect's
 * {@link SqlDialect#binaryType() binary} and {@link SqlDialect#largeTextType() unbounded text} types), and may start
 * with {@code [not postgresql] } (any dialect's name, lower-case) to be skipped on that database.
 *
 * <p>Immutable and thread-safe.
 */
public final class VersionedSchema {

    private static final Logger LOG = LoggerFactory.getLogger(VersionedSchema.class);

    private final String subject;
    private final SchemaVersionTable versionTable;
    private final long lockKey;
    private final List<List<String>> migrations;
    private final Function<String, ? extends MlopsException> versionMismatch;

    /**
     * @param subject         what the schema holds, for messages ({@code tracking store}, {@code model registry})
     * @param versionTable    where the version is kept
     * @param lockKey         the key of the lock that serialises migrations of this schema between processes
     * @param migrations      the statements of each migration, oldest first
     * @param versionMismatch makes the exception for a database whose version this code cannot use, from a message
     *                        that says what to do
     */
    public VersionedSchema(String subject, SchemaVersionTable versionTable, long lockKey,
            List<List<String>> migrations, Function<String, ? extends MlopsException> versionMismatch) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.versionTable = Objects.requireNonNull(versionTable, "versionTable");
        this.lockKey = lockKey;
        this.migrations = migrations.stream().map(List::copyOf).toList();
        this.versionMismatch = Objects.requireNonNull(versionMismatch, "versionMismatch");
    }

    /** @return the version this code reads and writes */
    public int currentVersion() {
        return migrations.size();
    }

    /** @return where the version is kept */
    public SchemaVersionTable versionTable() {
        return versionTable;
    }

    /**
     * Checks, without changing anything (no statement that writes or creates), that a database holds this schema at
     * this code's version: for a store opened read-only, which may not create or migrate it.
     *
     * @param connection a connection
     * @param location   the database's location for messages, without secrets ({@link JdbcUrls#redact})
     * @param hint       how to give another location
     * @throws ConfigurationException when the database holds no such schema, or cannot be read
     * @throws MlopsException         made by the version-mismatch function when the schema is older or newer
     */
    public void requireCurrent(Connection connection, String location, String hint) {
        int version;
        try {
            version = ReadOnlyDatabase.hasTable(connection, versionTable.table()) ? versionTable.read(connection) : 0;
        } catch (SQLException e) {
            throw new ConfigurationException("The database at " + location + " cannot be read as an mlops4j "
                    + subject + ": " + ReadOnlyDatabase.oneLine(e) + ". " + hint, e);
        }
        if (version == 0) {
            throw new ConfigurationException("The database at " + location + " is not an mlops4j " + subject
                    + ": it has no mlops4j tables (" + versionTable.describe() + "). " + hint + " One is made there"
                    + " by the first command or call that writes to it; reading never creates one.");
        }
        requireNotNewer(version, location);
        if (version < currentVersion()) {
            throw versionMismatch.apply("The " + subject + " at " + location + " has schema version " + version
                    + ", older than the " + currentVersion() + " this mlops4j version reads, and a database opened"
                    + " read-only is not migrated. Open it read-write once (any command or call that writes to it)"
                    + " to migrate it.");
        }
    }

    /**
     * Creates the schema or brings it up to date, in the caller's write transaction.
     *
     * @param connection a connection in a write transaction
     * @param dialect    the database's dialect
     * @param location   the database's location for messages and logs, without secrets
     * @throws SQLException   when a statement fails
     * @throws MlopsException made by the version-mismatch function when the database is newer than this code
     */
    public void migrate(Connection connection, SqlDialect dialect, String location) throws SQLException {
        dialect.lockForMigration(connection, lockKey);
        try (Statement statement = connection.createStatement()) {
            statement.execute(versionTable.createSql());
            int found = versionTable.read(connection);
            requireNotNewer(found, location);
            if (found == currentVersion()) {
                return;
            }
            if (found == 0) {
                LOG.info("Creating the {} schema at {}, version {}", subject, location, currentVersion());
            }
            for (int version = found; version < currentVersion(); version++) {
                if (found > 0) {
                    LOG.info("Migrating the {} schema at {} from version {} to {}", subject, location, version,
                            version + 1);
                }
                for (String sql : migrations.get(version)) {
                    Optional<String> rendered = render(sql, dialect);
                    if (rendered.isPresent()) {
                        statement.execute(rendered.get());
                    }
                }
            }
            versionTable.write(connection, currentVersion(), found);
        }
    }

    private void requireNotNewer(int version, String location) {
        if (version > currentVersion()) {
            throw versionMismatch.apply("The " + subject + " at " + location + " has schema version " + version
                    + ", newer than the " + currentVersion() + " this mlops4j version knows. Upgrade mlops4j to"
                    + " use it.");
        }
    }

    private static Optional<String> render(String sql, SqlDialect dialect) {
        String skipMarker = "[not " + dialect.name().toLowerCase(Locale.ROOT) + "] ";
        if (sql.startsWith(skipMarker)) {
            return Optional.empty();
        }
        String statement = sql.startsWith("[not ") ? sql.substring(sql.indexOf("] ") + 2) : sql;
        return Optional.of(statement.replace("${BINARY}", dialect.binaryType())
                .replace("${LARGE_TEXT}", dialect.largeTextType()));
    }
}

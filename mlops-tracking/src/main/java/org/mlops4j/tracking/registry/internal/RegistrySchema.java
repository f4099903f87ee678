package org.mlops4j.tracking.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.support.jdbc.ReadOnlyDatabase;
import org.mlops4j.core.spi.support.jdbc.SchemaVersionTable;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.spi.support.jdbc.VersionedSchema;
import org.mlops4j.core.tracking.ModelRegistryException;

/**
 * The registry's tables and their versions. The schema version lives in {@code registry_schema_version}, apart from
 * the tracking store's, so a registry and a tracking store can share one database. Every statement is idempotent
 * ({@code IF NOT EXISTS}), and migrations run in a write transaction (on PostgreSQL under an advisory lock), so
 * several processes may open a new database at once (see {@link VersionedSchema}).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class RegistrySchema {

    /** The table that holds the registry's schema version. */
    public static final String VERSION_TABLE = "registry_schema_version";

    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE IF NOT EXISTS registered_models (
              model_id VARCHAR(36) NOT NULL PRIMARY KEY,
              name VARCHAR(255) NOT NULL UNIQUE,
              created_at BIGINT NOT NULL,
              updated_at BIGINT NOT NULL,
              description ${LARGE_TEXT} NOT NULL,
              last_version INTEGER NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS registered_model_tags (
              model_id VARCHAR(36) NOT NULL REFERENCES registered_models (model_id),
              tag_key VARCHAR(250) NOT NULL,
              tag_value VARCHAR(5000) NOT NULL,
              PRIMARY KEY (model_id, tag_key))""",
            """
            CREATE TABLE IF NOT EXISTS model_versions (
              model_id VARCHAR(36) NOT NULL REFERENCES registered_models (model_id),
              version INTEGER NOT NULL,
              created_at BIGINT NOT NULL,
              updated_at BIGINT NOT NULL,
              stage VARCHAR(20) NOT NULL,
              source ${LARGE_TEXT} NOT NULL,
              run_id VARCHAR(256),
              input_schema ${LARGE_TEXT},
              description ${LARGE_TEXT} NOT NULL,
              PRIMARY KEY (model_id, version))""",
            "CREATE INDEX IF NOT EXISTS model_versions_run_id_idx ON model_versions (run_id)",
            """
            CREATE TABLE IF NOT EXISTS model_version_tags (
              model_id VARCHAR(36) NOT NULL,
              version INTEGER NOT NULL,
              tag_key VARCHAR(250) NOT NULL,
              tag_value VARCHAR(5000) NOT NULL,
              PRIMARY KEY (model_id, version, tag_key),
              FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version))""",
            """
            CREATE TABLE IF NOT EXISTS registered_model_aliases (
              model_id VARCHAR(36) NOT NULL,
              alias VARCHAR(255) NOT NULL,
              version INTEGER NOT NULL,
              PRIMARY KEY (model_id, alias),
              FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version))"""));

    private static final VersionedSchema SCHEMA = new VersionedSchema("model registry",
            new SchemaVersionTable.OwnTable(VERSION_TABLE), 7305186402377461L, MIGRATIONS,
            ModelRegistryException::new);

    private RegistrySchema() {
    }

    /** @return the schema version this code reads and writes */
    public static int currentVersion() {
        return SCHEMA.currentVersion();
    }

    /**
     * Checks, without changing anything, that a database can be read as a registry: it holds the registry's tables at
     * this code's version, or none of them but a tracking store's (a store where no model was registered yet).
     *
     * @param connection a connection in a read transaction
     * @param location   the registry location without secrets, for messages
     * @param hint       how to give another location
     * @return whether the registry's tables exist
     * @throws ConfigurationException when the database holds no mlops4j store
     * @throws ModelRegistryException when the registry's schema is older or newer than this code's
     */
    public static boolean requireReadable(Connection connection, String location, String hint) {
        try {
            if (!ReadOnlyDatabase.hasTable(connection, VERSION_TABLE)) {
                if (ReadOnlyDatabase.hasTable(connection, "schema_version")) {
                    return false;
                }
                throw new ConfigurationException("The database at " + location + " is not an mlops4j store: it has"
                        + " no model registry tables (" + VERSION_TABLE + ") and no tracking tables (schema_version)."
                        + " " + hint + " A registry is made there by the first command or call that writes to it;"
                        + " reading never creates one.");
            }
        } catch (SQLException e) {
            throw new ConfigurationException("The database at " + location + " cannot be read as an mlops4j model"
                    + " registry: " + ReadOnlyDatabase.oneLine(e) + ". " + hint, e);
        }
        SCHEMA.requireCurrent(connection, location, hint);
        return true;
    }

    /**
     * Creates or upgrades the tables, in the caller's write transaction.
     *
     * @param connection a connection in a write transaction
     * @param dialect    the database's dialect
     * @param location   the registry location without secrets, for messages
     * @throws SQLException when a statement fails
     * @throws ModelRegistryException when the database holds a newer schema than this code knows
     */
    public static void migrate(Connection connection, SqlDialect dialect, String location) throws SQLException {
        SCHEMA.migrate(connection, dialect, location);
    }
}

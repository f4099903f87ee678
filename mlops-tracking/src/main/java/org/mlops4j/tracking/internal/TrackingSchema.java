package org.mlops4j.tracking.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.support.jdbc.SchemaVersionTable;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.spi.support.jdbc.VersionedSchema;
import org.mlops4j.core.tracking.TrackingException;

/**
 * The versioned schema of the JDBC tracking store. The table {@code schema_version(component, version, applied_at)}
 * records the version of each component that shares the database (this one is {@code tracking}; the model registry
 * keeps its own tables, {@code registered_models} and {@code model_versions}). Opening a store applies the migrations
 * it has not seen yet, in one transaction; a database newer than this code is refused (see {@link VersionedSchema}).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class TrackingSchema {

    /** The component's row in {@code schema_version}. */
    public static final String COMPONENT = "tracking";

    /**
     * Marks statements PostgreSQL skips: its B-tree index entries are limited to about 2.7 kB, less than the longest
     * param and tag values, so it filters those on the key index alone.
     */
    private static final String NOT_POSTGRESQL = "[not postgresql] ";

    /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE experiments (experiment_id VARCHAR(64) NOT NULL PRIMARY KEY, name VARCHAR(500) NOT NULL, "
                    + "artifact_location VARCHAR(2000) NOT NULL, lifecycle_stage VARCHAR(16) NOT NULL, "
                    + "creation_time BIGINT NOT NULL, last_update_time BIGINT NOT NULL, deleted_time BIGINT, "
                    + "CONSTRAINT experiments_name_unique UNIQUE (name))",
            "CREATE TABLE experiment_tags (experiment_id VARCHAR(64) NOT NULL REFERENCES experiments (experiment_id), "
                    + "tag_key VARCHAR(250) NOT NULL, tag_value VARCHAR(5000) NOT NULL, "
                    + "PRIMARY KEY (experiment_id, tag_key))",
            "CREATE TABLE runs (run_id VARCHAR(64) NOT NULL PRIMARY KEY, "
                    + "experiment_id VARCHAR(64) NOT NULL REFERENCES experiments (experiment_id), "
                    + "run_name VARCHAR(250) NOT NULL, user_id VARCHAR(256) NOT NULL, status VARCHAR(16) NOT NULL, "
                    + "start_time BIGINT NOT NULL, end_time BIGINT, artifact_uri VARCHAR(2000) NOT NULL, "
                    + "lifecycle_stage VARCHAR(16) NOT NULL, deleted_time BIGINT)",
            "CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time)",
            "CREATE TABLE params (run_id VARCHAR(64) NOT NULL REFERENCES runs (run_id), "
                    + "param_key VARCHAR(250) NOT NULL, param_value VARCHAR(6000) NOT NULL, "
                    + "PRIMARY KEY (run_id, param_key))",
            "CREATE INDEX params_by_key ON params (param_key, run_id)",
            NOT_POSTGRESQL + "CREATE INDEX params_by_key_value ON params (param_key, param_value, run_id)",
            "CREATE TABLE tags (run_id VARCHAR(64) NOT NULL REFERENCES runs (run_id), tag_key VARCHAR(250) NOT NULL, "
                    + "tag_value VARCHAR(8000) NOT NULL, PRIMARY KEY (run_id, tag_key))",
            "CREATE INDEX tags_by_key ON tags (tag_key, run_id)",
            NOT_POSTGRESQL + "CREATE INDEX tags_by_key_value ON tags (tag_key, tag_value, run_id)",
            "CREATE TABLE metric_batches (run_id VARCHAR(64) NOT NULL REFERENCES runs (run_id), "
                    + "metric_key VARCHAR(250) NOT NULL, value_count INT NOT NULL, packed_values ${BINARY} NOT NULL)",
            "CREATE INDEX metric_batches_by_run ON metric_batches (run_id, metric_key)",
            "CREATE TABLE latest_metrics (run_id VARCHAR(64) NOT NULL REFERENCES runs (run_id), "
                    + "metric_key VARCHAR(250) NOT NULL, metric_value DOUBLE PRECISION NOT NULL, "
                    + "is_nan SMALLINT NOT NULL, logged_at BIGINT NOT NULL, step BIGINT NOT NULL, "
                    + "PRIMARY KEY (run_id, metric_key))",
            "CREATE INDEX latest_metrics_by_key ON latest_metrics (metric_key, is_nan, metric_value, run_id)"),
            // 2: metric values packed with delta-coded timestamps and steps (PackedMetrics.DELTA); old rows keep 0
            List.of("ALTER TABLE metric_batches ADD COLUMN value_encoding SMALLINT DEFAULT 0 NOT NULL"));

    private static final VersionedSchema SCHEMA = new VersionedSchema("tracking store",
            new SchemaVersionTable.ComponentRow("schema_version", COMPONENT), 7160415001L, MIGRATIONS,
            TrackingException::new);

    private TrackingSchema() {
    }

    /** @return the schema version this code writes */
    public static int currentVersion() {
        return SCHEMA.currentVersion();
    }

    /**
     * Checks, without changing anything, that a database holds the tracking schema this code reads: for a store
     * opened read-only, which may not create or migrate it.
     *
     * @param connection a connection
     * @param location   the tracking URI without secrets, for messages
     * @param hint       how to give another location
     * @throws ConfigurationException when the database holds no mlops4j tracking store
     * @throws TrackingException      when its schema is older or newer than this code's (the message says what to do)
     */
    public static void requireCurrent(Connection connection, String location, String hint) {
        SCHEMA.requireCurrent(connection, location, hint);
    }

    /**
     * Brings the schema up to date. The caller runs this in a transaction.
     *
     * @param connection a connection in a transaction
     * @param dialect    the database's dialect
     * @param location   the tracking URI without secrets, for messages
     * @throws SQLException      when a statement fails
     * @throws TrackingException when the database is newer than this code
     */
    public static void migrate(Connection connection, SqlDialect dialect, String location) throws SQLException {
        SCHEMA.migrate(connection, dialect, location);
    }
}

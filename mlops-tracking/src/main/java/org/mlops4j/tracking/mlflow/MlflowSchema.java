package org.mlops4j.tracking.mlflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.spi.support.jdbc.ReadOnlyDatabase;

/**
 * What an MLflow database holds, read from the database itself without writing: the alembic revision recorded in its
 * {@code alembic_version} table, and the tables and columns that revision added which the readers use. MLflow's
 * tracking store ({@code mlflow/store/tracking/sqlalchemy_store.py}) creates and upgrades its schema through alembic
 * ({@code mlflow/store/db_migrations/versions/}); a database is MLflow's when it has {@code alembic_version} with a
 * row, {@code experiments} and {@code runs}.
 *
 * <p>Columns are read where they exist, so revisions between those listed in {@link #KNOWN_REVISIONS} read alike;
 * a revision outside the list is read as far as its tables allow, with a warning that names it.
 *
 * @param revision         the {@code version_num} of {@code alembic_version}
 * @param latestMetrics    whether {@code latest_metrics} exists (since {@code 89d4b8295536}); without it the latest
 *                         values are chosen from {@code metrics} by MLflow's rule
 * @param metricNaN        whether {@code metrics.is_nan} exists (since {@code 181f10493468})
 * @param experimentTags   whether {@code experiment_tags} exists (since {@code df50e92ffc5e})
 * @param experimentTimes  whether {@code experiments} has {@code creation_time} and {@code last_update_time} (since
 *                         {@code 97727af70f4d})
 * @param runDeletedTime   whether {@code runs.deleted_time} exists (since {@code 0c779009ac13})
 * @param registry         whether the registry's tables exist (since {@code 2b4d017a5e9b})
 * @param modelTags        whether {@code registered_model_tags} exists (since {@code 728d730b5ebd})
 * @param versionTags      whether {@code model_version_tags} exists (since {@code 27a6a02d2cf1})
 * @param aliases          whether {@code registered_model_aliases} exists (since {@code 3500859a5d39})
 * @param runLink          whether {@code model_versions.run_link} exists (since {@code 84291f40a231})
 * @param storageLocation  whether {@code model_versions.storage_location} exists (since {@code acf3f17fdcc7})
 */
record MlflowSchema(String revision, boolean latestMetrics, boolean metricNaN, boolean experimentTags,
        boolean experimentTimes, boolean runDeletedTime, boolean registry, boolean modelTags, boolean versionTags,
        boolean aliases, boolean runLink, boolean storageLocation) {

    /** The revision {@link MlflowDatabases#createEmpty} writes: the last of {@link #KNOWN_REVISIONS}. */
    static final String CURRENT_REVISION = "acf3f17fdcc7";

    /**
     * The alembic revisions this reader was written against, oldest first: MLflow's chain from its first revision
     * ({@code 451aebb31d03}, MLflow 1.0) to {@code acf3f17fdcc7} (MLflow 2.9). Later revisions add tables mlops4j
     * does not read (traces, logged models, scorers) and widen columns.
     */
    static final List<String> KNOWN_REVISIONS = List.of(
            "451aebb31d03", "90e64c465722", "181f10493468", "df50e92ffc5e", "7ac759974ad8", "89d4b8295536",
            "2b4d017a5e9b", "cfd24bdc0731", "0a8213491aaa", "728d730b5ebd", "27a6a02d2cf1", "84291f40a231",
            "a8c4a736bde6", "39d1c3be5f05", "c48cb773bb87", "bd07f7e963c5", "0c779009ac13", "cc1f77228345",
            "97727af70f4d", "3500859a5d39", "7f2a7d5fae7d", "2d6e25af4d3e", "acf3f17fdcc7");

    /**
     * @return whether mlops4j writes runs, metrics, params and tags into this schema: a known revision that has
     *         {@code latest_metrics} and {@code metrics.is_nan}, which every write keeps as MLflow does
     */
    boolean writesRuns() {
        return isKnown() && latestMetrics && metricNaN;
    }

    /**
     * @return whether mlops4j writes experiments (create, rename, tags, delete, restore): as {@link #writesRuns()},
     *         with {@code experiment_tags}
     */
    boolean writesExperiments() {
        return writesRuns() && experimentTags;
    }

    /**
     * @return whether mlops4j writes the registry: as {@link #writesRuns()}, with the registry's tables and their tag
     *         tables; aliases are written where the revision has them
     */
    boolean writesRegistry() {
        return writesRuns() && registry && modelTags && versionTags;
    }

    /** @return whether the revision is one of {@link #KNOWN_REVISIONS} */
    boolean isKnown() {
        return KNOWN_REVISIONS.contains(revision);
    }

    /**
     * Looks at a database through a read-only connection; reads metadata and one row, writes nothing.
     *
     * @param connection a connection
     * @return the schema when the database is MLflow's, empty otherwise
     * @throws SQLException when the metadata cannot be read
     */
    static Optional<MlflowSchema> of(Connection connection) throws SQLException {
        if (!ReadOnlyDatabase.hasTable(connection, "alembic_version") || !ReadOnlyDatabase.hasTable(connection,
                "experiments") || !ReadOnlyDatabase.hasTable(connection, "runs")) {
            return Optional.empty();
        }
        Optional<String> revision = revision(connection);
        if (revision.isEmpty()) {
            return Optional.empty();
        }
        boolean registry = ReadOnlyDatabase.hasTable(connection, "registered_models")
                && ReadOnlyDatabase.hasTable(connection, "model_versions");
        return Optional.of(new MlflowSchema(revision.get(), ReadOnlyDatabase.hasTable(connection, "latest_metrics"),
                hasColumn(connection, "metrics", "is_nan"), ReadOnlyDatabase.hasTable(connection, "experiment_tags"),
                hasColumn(connection, "experiments", "creation_time"),
                hasColumn(connection, "runs", "deleted_time"), registry,
                registry && ReadOnlyDatabase.hasTable(connection, "registered_model_tags"),
                registry && ReadOnlyDatabase.hasTable(connection, "model_version_tags"),
                registry && ReadOnlyDatabase.hasTable(connection, "registered_model_aliases"),
                registry && hasColumn(connection, "model_versions", "run_link"),
                registry && hasColumn(connection, "model_versions", "storage_location")));
    }

    private static Optional<String> revision(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version_num FROM alembic_version");
             ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)).map(String::trim).filter(r -> !r.isEmpty())
                    : Optional.empty();
        }
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet columns = metaData.getColumns(connection.getCatalog(), connection.getSchema(), name,
                    null)) {
                while (columns.next()) {
                    if (column.equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** @return how messages name the revision: "a8c4a736bde6" or "9999 (a revision mlops4j does not know)" */
    String describe() {
        return isKnown() ? "alembic revision " + revision : "alembic revision " + revision
                + ", which mlops4j does not know (it reads " + KNOWN_REVISIONS.get(0) + " to "
                + KNOWN_REVISIONS.get(KNOWN_REVISIONS.size() - 1) + ")";
    }
}

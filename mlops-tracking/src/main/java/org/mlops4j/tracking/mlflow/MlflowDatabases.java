package org.mlops4j.tracking.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.spi.support.jdbc.JdbcUrls;
import org.mlops4j.core.spi.support.jdbc.ReadOnlyDatabase;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * Where the {@code jdbc:} providers of the tracking store and the registry ask whether a database is MLflow's: when it
 * holds MLflow's schema (see {@link MlflowSchema}), they get an {@link MlflowSqlStore} or {@link MlflowSqlRegistry}
 * over it, which write only what {@link MlflowSqlStore} says; otherwise they open mlops4j's own store. Looking writes
 * nothing.
 *
 * <p><b>New databases keep mlops4j's own schema</b> unless {@code mlops.tracking.jdbc.schema=mlflow}
 * ({@link #createWhenEmpty}). MLflow's UI and clients reach an mlops4j store through {@code mlops server} (MLflow's
 * REST API) whatever its schema; mlops4j's schema is faster (measured with {@code SchemaComparisonBenchmark} on
 * SQLite: 1000-value batches about 1.5 to 4 times, single values about 10 times, a filtered search over 2000 runs
 * about 6 to 12 times), holds what MLflow's lacks at {@value MlflowSchema#CURRENT_REVISION} (input schemas, tag
 * values of 8000 characters, experiment names of 500, artifact URIs longer than 200), and changes only with
 * mlops4j's own migrations, while MLflow's changes with each MLflow release. MLflow's schema is for teams whose other
 * tools open the database itself.
 */
public final class MlflowDatabases {

    private MlflowDatabases() {
    }

    /**
     * @param location the tracking URI
     * @param url      its JDBC URL
     * @param dialect  its dialect
     * @return a store reading the database in place, when it holds MLflow's schema; the caller closes it
     */
    public static Optional<TrackingStore> trackingStore(URI location, String url, SqlDialect dialect) {
        return MlflowDatabase.detect(location, url, dialect).map(MlflowSqlStore::new);
    }

    /**
     * @param location the registry URI
     * @param url      its JDBC URL
     * @param dialect  its dialect
     * @return a registry reading the database in place, when it holds MLflow's schema; the caller closes it
     */
    public static Optional<ModelRegistry> registry(URI location, String url, SqlDialect dialect) {
        return MlflowDatabase.detect(location, url, dialect).map(MlflowSqlRegistry::new);
    }

    /**
     * Makes an empty database hold MLflow's schema at alembic revision {@value MlflowSchema#CURRENT_REVISION} (MLflow
     * 2.9), as {@code mlflow db upgrade} leaves a new database, with experiment 0 ({@code Default}) whose artifacts go
     * to {@code <artifactRoot>/0}. The DDL is mlops4j's own, one script per dialect
     * ({@code mlflow-schema-sqlite.sql}, {@code mlflow-schema-postgresql.sql} beside this class), written from
     * MLflow's migrations. Afterwards the {@code jdbc:} providers open the database as MLflow's, and MLflow 2.9 opens
     * it without migrating (a later MLflow upgrades it with {@code mlflow db upgrade}).
     *
     * @param location     the database's URI, for messages
     * @param url          its JDBC URL (SQLite or PostgreSQL; SQLite's file is created when missing)
     * @param dialect      its dialect
     * @param artifactRoot where experiments' artifacts go, as MLflow's {@code --default-artifact-root}: a path or
     *                     URI without a trailing {@code /}
     * @throws TrackingException when the dialect is not SQLite or PostgreSQL, the database already has an
     *                           {@code experiments} or {@code alembic_version} table, or a statement fails (nothing
     *                           is kept then)
     */
    public static void createEmpty(URI location, String url, SqlDialect dialect, String artifactRoot) {
        URI shown = JdbcUrls.redact(location);
        if (dialect != SqlDialect.SQLITE && dialect != SqlDialect.POSTGRESQL) {
            throw new TrackingException("Cannot create MLflow's schema in " + shown + ": MLflow's databases are"
                    + " SQLite or PostgreSQL here, found " + dialect + ".");
        }
        String script = script(dialect.name().toLowerCase(Locale.ROOT));
        try (Connection connection = DriverManager.getConnection(url)) {
            if (ReadOnlyDatabase.hasTable(connection, "experiments")
                    || ReadOnlyDatabase.hasTable(connection, "alembic_version")) {
                throw new TrackingException("Cannot create MLflow's schema in " + shown + ": it already has an"
                        + " experiments or alembic_version table. Give an empty database.");
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(script);
                long now = System.currentTimeMillis();
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO experiments (experiment_id,"
                        + " name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (0, ?, ?,"
                        + " 'active', ?, ?)")) {
                    insert.setString(1, Experiment.DEFAULT_NAME);
                    insert.setString(2, artifactRoot.replaceAll("/+$", "") + "/0");
                    insert.setLong(3, now);
                    insert.setLong(4, now);
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TrackingException("Cannot create MLflow's schema in " + shown + ": "
                    + JdbcUrls.redact(e).getMessage(), e);
        }
    }

    /**
     * Gives a new database MLflow's schema ({@link #createEmpty}) when it has none yet: called by the {@code jdbc:}
     * providers when {@code mlops.tracking.jdbc.schema=mlflow}. A database that is MLflow's, or already has an
     * {@code experiments} table (mlops4j's own schema), is left as it is; in-memory SQLite databases too.
     *
     * @param location     the database's URI
     * @param url          its JDBC URL
     * @param dialect      its dialect; only SQLite and PostgreSQL get MLflow's schema
     * @param artifactRoot where experiments' artifacts go
     */
    public static void createWhenEmpty(URI location, String url, SqlDialect dialect, String artifactRoot) {
        if (dialect != SqlDialect.SQLITE && dialect != SqlDialect.POSTGRESQL
                || url.toLowerCase(Locale.ROOT).contains(":memory:")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url)) {
            if (ReadOnlyDatabase.hasTable(connection, "experiments")
                    || ReadOnlyDatabase.hasTable(connection, "alembic_version")) {
                return;
            }
        } catch (SQLException e) {
            return; // the store that opens next says why the database cannot be reached
        }
        createEmpty(location, url, dialect, artifactRoot);
    }

    private static String script(String dialect) {
        String name = "mlflow-schema-" + dialect + ".sql";
        try (InputStream in = MlflowDatabases.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + name + " is missing beside "
                        + MlflowDatabases.class.getName() + "; the mlops-tracking jar is incomplete.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.mlops4j.tracking.jdbc;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.spi.TrackingStoreProvider;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.readonly.ReadOnlyTrackingStore;
import org.mlops4j.tracking.mlflow.MlflowDatabases;

/**
 * Opens {@link JdbcTrackingStore}s for {@code jdbc:} URIs: {@code jdbc:sqlite:runs.db},
 * {@code jdbc:h2:file:./runs}, {@code jdbc:postgresql://host/db?user=...}. The URI is the JDBC URL as the driver
 * expects it; SQLite's driver ships with mlops4j, H2's and PostgreSQL's are added by the host.
 *
 * <p>Configuration: {@value #ARTIFACT_ROOT} (where artifacts go; default {@code mlartifacts} beside a SQLite or H2
 * database file, else {@code ./mlartifacts}) and {@value #POOL_SIZE} (connections; default 4 for SQLite, 8 else).
 */
public final class JdbcTrackingStoreProvider implements TrackingStoreProvider {

    /** The folder for artifacts of runs kept in a database. */
    public static final String ARTIFACT_ROOT = "mlops.tracking.artifact-root";
    /** The most database connections a store opens. */
    public static final String POOL_SIZE = "mlops.tracking.jdbc.pool-size";
    /**
     * The schema a new database gets: {@code mlops} (default; mlops4j's own, versioned, faster) or {@code mlflow}
     * (MLflow's at alembic revision {@code acf3f17fdcc7}, which MLflow's UI and clients open; see
     * {@link MlflowDatabases#createEmpty}). A database that holds a schema already keeps it.
     */
    public static final String SCHEMA = "mlops.tracking.jdbc.schema";

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public JdbcTrackingStoreProvider() {
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public String description() {
        return "Tracking store in a database: SQLite, H2 or PostgreSQL (versioned schema, indexed search)";
    }

    @Override
    public Set<String> uriSchemes() {
        return Set.of("jdbc");
    }

    @Override
    public TrackingStore open(URI location, MlopsConfig config) {
        return open(location, config, StoreAccess.READ_WRITE);
    }

    /**
     * Opens the store in the database the URI names. A database holding MLflow's own schema (an
     * {@code alembic_version} row beside MLflow's tables) opens, either way, as MLflow's store read in place
     * ({@link MlflowDatabases}); read-write, it writes experiments, runs and artifacts as MLflow does at the revisions mlops4j writes and
     * refuses changes to other revisions. Otherwise, read-write, the schema is created or migrated when needed.
     * Read-only, the database must exist and hold the current tracking schema; no file, table or row is created, the
     * connections are read-only, and writes through the store are refused.
     *
     * @param location a {@code jdbc:} URI
     * @param config   the host's configuration ({@value #ARTIFACT_ROOT}, {@value #POOL_SIZE})
     * @param access   whether the caller only reads
     * @return the store; read-only, wrapped in a {@link ReadOnlyTrackingStore}
     * @throws ConfigurationException when the database is not supported, or read-only and missing or not a store
     */
    @Override
    public TrackingStore open(URI location, MlopsConfig config, StoreAccess access) {
        String url = "jdbc:" + location.getSchemeSpecificPart();
        SqlDialect dialect = SqlDialect.ofUrl(url).orElseThrow(() -> new ConfigurationException("The tracking URI '"
                + location + "' names a database mlops4j does not support; supported: " + SqlDialect.supported()
                + "."));
        Path artifactRoot = artifactRoot(config, url, dialect);
        if (access == StoreAccess.READ_WRITE && wantsMlflowSchema(config)) {
            MlflowDatabases.createWhenEmpty(location, url, dialect, artifactRoot.toAbsolutePath().toString());
        }
        Optional<TrackingStore> mlflow = MlflowDatabases.trackingStore(location, url, dialect);
        if (mlflow.isPresent()) {
            return access == StoreAccess.READ_ONLY ? ReadOnlyTrackingStore.of(mlflow.get()) : mlflow.get();
        }
        int poolSize = config.getInt(POOL_SIZE, dialect == SqlDialect.SQLITE ? 4 : 8);
        if (url.toLowerCase(Locale.ROOT).contains(":memory:") || url.toLowerCase(Locale.ROOT).startsWith(
                "jdbc:sqlite:file::memory")) {
            poolSize = 1;
        }
        JdbcTrackingStore store = new JdbcTrackingStore(location, url, dialect, poolSize, artifactRoot, access);
        return access == StoreAccess.READ_ONLY ? ReadOnlyTrackingStore.of(store) : store;
    }

    /**
     * @param config the host's configuration
     * @return whether {@value #SCHEMA} asks for MLflow's schema
     * @throws ConfigurationException when it names neither {@code mlops} nor {@code mlflow}
     */
    public static boolean wantsMlflowSchema(MlopsConfig config) {
        String schema = config.get(SCHEMA).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("mlops");
        if (!schema.equals("mlops") && !schema.equals("mlflow")) {
            throw new ConfigurationException(SCHEMA + " is '" + schema + "'; expected 'mlops' (mlops4j's own schema,"
                    + " the default) or 'mlflow' (MLflow's).");
        }
        return schema.equals("mlflow");
    }

    /**
     * @param config  the host's configuration
     * @param url     a JDBC URL
     * @param dialect its dialect
     * @return {@value #ARTIFACT_ROOT} when set, else {@link #defaultArtifactRoot}
     */
    public static Path artifactRoot(MlopsConfig config, String url, SqlDialect dialect) {
        return config.get(ARTIFACT_ROOT).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> defaultArtifactRoot(url, dialect));
    }

    /**
     * @param url     a JDBC URL
     * @param dialect its dialect
     * @return {@code mlartifacts} beside a SQLite or H2 database file, else {@code ./mlartifacts}
     */
    static Path defaultArtifactRoot(String url, SqlDialect dialect) {
        String rest = url.substring(url.indexOf(':', 5) + 1);
        int options = rest.indexOf(dialect == SqlDialect.H2 ? ';' : '?');
        if (options >= 0) {
            rest = rest.substring(0, options);
        }
        if (dialect == SqlDialect.H2 && rest.startsWith("file:")) {
            rest = rest.substring(5);
        }
        boolean fileDatabase = (dialect == SqlDialect.SQLITE && !rest.contains(":memory:") && !rest.isBlank())
                || (dialect == SqlDialect.H2 && !rest.startsWith("mem:") && !rest.startsWith("tcp:")
                && !rest.startsWith("ssl:"));
        if (fileDatabase) {
            Path parent = Path.of(rest).toAbsolutePath().getParent();
            if (parent != null) {
                return parent.resolve("mlartifacts");
            }
        }
        return Path.of("mlartifacts");
    }
}

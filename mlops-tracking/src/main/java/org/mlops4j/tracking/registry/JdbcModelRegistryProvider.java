package org.mlops4j.tracking.registry;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.spi.ModelRegistryProvider;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.readonly.ReadOnlyModelRegistry;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;
import org.mlops4j.tracking.mlflow.MlflowDatabases;
import org.mlops4j.tracking.registry.internal.JdbcModelRegistry;

/**
 * The model registry in a SQL database, for {@code jdbc:} locations: SQLite ({@code jdbc:sqlite:registry.db}), H2
 * ({@code jdbc:h2:./registry}) and PostgreSQL ({@code jdbc:postgresql://host/db?user=...}). The driver must be on the
 * class path (SQLite's comes with mlops-tracking).
 *
 * <p>The registry keeps its tables ({@code registered_models}, {@code model_versions}, {@code model_version_tags},
 * {@code registered_model_tags}, {@code registered_model_aliases}) and its schema version
 * ({@code registry_schema_version}) apart from a tracking store's, so both can share one database. It creates or
 * upgrades them when opened. Version numbers are allocated inside a transaction that locks the model's row, so they
 * are unique and gap-free across threads and processes; SQLite runs in WAL mode with a busy timeout.
 */
public final class JdbcModelRegistryProvider implements ModelRegistryProvider {

    /** Creates the provider; cheap, touches nothing. */
    public JdbcModelRegistryProvider() {
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public String description() {
        return "Model registry in SQLite, H2 or PostgreSQL (jdbc:<database>:...)";
    }

    @Override
    public Set<String> uriSchemes() {
        return Set.of("jdbc");
    }

    /**
     * Connects to the database and creates or upgrades the registry tables. Called once per registry the host asks
     * for; the registry keeps a few pooled connections until it is closed.
     *
     * @param location a {@code jdbc:sqlite:}, {@code jdbc:h2:} or {@code jdbc:postgresql:} URI
     * @param config   the host's configuration (no keys are read yet)
     * @return the registry; the caller closes it
     * @throws org.mlops4j.core.ConfigurationException      when the database is not one of those supported
     * @throws org.mlops4j.core.tracking.ModelRegistryException when the database cannot be reached or its tables
     *                                                      created
     */
    @Override
    public ModelRegistry open(URI location, MlopsConfig config) {
        return open(location, config, StoreAccess.READ_WRITE);
    }

    /**
     * Connects to the database. A database holding MLflow's own schema opens, either way, as MLflow's registry read
     * in place, and written as MLflow writes it at the revisions mlops4j writes ({@link MlflowDatabases}). Otherwise, read-write, the registry tables are created or upgraded. Read-only, the database must
     * exist and hold an mlops4j store (a tracking store without registry tables reads as an empty registry); no file,
     * table or row is created, the connections are read-only, and writes through the registry are refused.
     *
     * @param location a {@code jdbc:sqlite:}, {@code jdbc:h2:} or {@code jdbc:postgresql:} URI
     * @param config   the host's configuration (no keys are read yet)
     * @param access   whether the caller only reads
     * @return the registry; read-only, wrapped in a {@link ReadOnlyModelRegistry}; the caller closes it
     * @throws org.mlops4j.core.ConfigurationException when the database is not supported, or read-only and missing
     *                                                 or not a store
     */
    @Override
    public ModelRegistry open(URI location, MlopsConfig config, StoreAccess access) {
        String url = location.toString();
        if (access == StoreAccess.READ_WRITE && JdbcTrackingStoreProvider.wantsMlflowSchema(config)) {
            SqlDialect.ofUrl(url).ifPresent(d -> MlflowDatabases.createWhenEmpty(location, url, d,
                    JdbcTrackingStoreProvider.artifactRoot(config, url, d).toAbsolutePath().toString()));
        }
        Optional<ModelRegistry> mlflow = SqlDialect.ofUrl(url).flatMap(d -> MlflowDatabases.registry(location, url,
                d));
        if (mlflow.isPresent()) {
            return access == StoreAccess.READ_ONLY ? ReadOnlyModelRegistry.of(mlflow.get()) : mlflow.get();
        }
        JdbcModelRegistry registry = new JdbcModelRegistry(location, access);
        return access == StoreAccess.READ_ONLY ? ReadOnlyModelRegistry.of(registry) : registry;
    }
}

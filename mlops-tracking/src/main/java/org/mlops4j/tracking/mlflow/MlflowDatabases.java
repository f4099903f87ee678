package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.util.Optional;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * Where the {@code jdbc:} providers of the tracking store and the registry ask whether a database is MLflow's: when it
 * holds MLflow's schema (see {@link MlflowSchema}), they get an {@link MlflowSqlStore} or {@link MlflowSqlRegistry}
 * over it, which write only what {@link MlflowSqlStore} says; otherwise they open mlops4j's own store. Looking writes
 * nothing.
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
}

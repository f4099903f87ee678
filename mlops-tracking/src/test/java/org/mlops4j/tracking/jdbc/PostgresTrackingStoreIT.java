package org.mlops4j.tracking.jdbc;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tck.tracking.TrackingStoreContractTest;

/**
 * The tracking store contract, on a real PostgreSQL server whose JDBC URL is in the environment variable
 * {@code MLOPS_TEST_POSTGRES_URL} (or the system property {@code mlops.test.postgres.url}). Without one the tests are
 * skipped, except on CI ({@code CI=true}), where they fail. Each test works in a schema of its own, dropped after it.
 */
class PostgresTrackingStoreIT extends TrackingStoreContractTest {

    private String baseUrl;
    private String schema;

    private void createSchema() {
        baseUrl = postgresUrl();
        schema = "mlops_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(baseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema + " at " + baseUrl, e);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(baseUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Override
    protected TrackingStore openStore() {
        createSchema();
        return reopenStore();
    }

    @Override
    protected TrackingStore reopenStore() {
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new JdbcTrackingStoreProvider().open(URI.create(url), MlopsConfig.ofOnly(Map.of(
                JdbcTrackingStoreProvider.ARTIFACT_ROOT, tempDir.resolve("artifacts").toString())));
    }

    static String postgresUrl() {
        Optional<String> url = Optional.ofNullable(System.getenv("MLOPS_TEST_POSTGRES_URL"))
                .or(() -> Optional.ofNullable(System.getProperty("mlops.test.postgres.url")))
                .filter(s -> !s.isBlank());
        if (url.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but MLOPS_TEST_POSTGRES_URL is not set; .ci/run starts a "
                    + "PostgreSQL server and sets it.");
        }
        Assumptions.assumeTrue(url.isPresent(), "MLOPS_TEST_POSTGRES_URL is not set; skipping PostgreSQL tests");
        return url.get();
    }
}

package org.mlops4j.tracking.registry;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server the integration tests use, named by the environment variable {@code MLOPS_TEST_POSTGRES_URL}
 * or the system property {@code mlops.test.postgres.url} (a JDBC URL with credentials). Without one the tests are
 * skipped, except on CI ({@code CI=true}), where a missing server is a failure.
 */
public final class PostgresTestDatabase {

    private PostgresTestDatabase() {
    }

    /** @return the server's JDBC URL; skips (or on CI fails) the calling test when there is none */
    public static String url() {
        Optional<String> url = Optional.ofNullable(System.getenv("MLOPS_TEST_POSTGRES_URL"))
                .or(() -> Optional.ofNullable(System.getProperty("mlops.test.postgres.url")))
                .filter(u -> !u.isBlank());
        if (url.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but MLOPS_TEST_POSTGRES_URL is not set: the PostgreSQL tests must run on CI.");
        }
        assumeTrue(url.isPresent(), "MLOPS_TEST_POSTGRES_URL is not set; PostgreSQL tests skipped");
        return url.get();
    }

    /**
     * Creates an empty schema of its own for one test, so tests never see each other's tables.
     *
     * @return the JDBC URL of the new schema
     */
    public static String freshSchemaUrl() throws SQLException {
        String url = url();
        String schema = "registry_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schemas the tests made. */
    public static void dropTestSchemas() throws SQLException {
        String url = url();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DO $$ DECLARE r record; BEGIN FOR r IN SELECT nspname FROM pg_namespace"
                    + " WHERE nspname LIKE 'registry_test_%' LOOP EXECUTE 'DROP SCHEMA ' || r.nspname || ' CASCADE';"
                    + " END LOOP; END $$");
        }
    }
}

package org.mlops4j.tracking.readonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.support.jdbc.ConnectionPool;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.tck.readonly.ReadOnlyStoreContractTest;
import org.mlops4j.tracking.jdbc.JdbcTrackingStoreProvider;
import org.mlops4j.tracking.registry.PostgresTestDatabase;

/**
 * Read-only opening of the PostgreSQL tracking store and registry, on the server {@link PostgresTestDatabase} names
 * (skipped without one, except on CI). A "missing" location is a schema that does not exist; the database's schemas
 * and tables are compared before and after, so no DDL can go unnoticed.
 */
class PostgresReadOnlyIT extends ReadOnlyStoreContractTest {

    private static final String MISSING_PREFIX = "mlops_missing_";

    @AfterAll
    static void dropSchemas() throws SQLException {
        PostgresTestDatabase.dropTestSchemas();
    }

    @Override
    protected URI newStoreLocation() {
        try {
            return URI.create(PostgresTestDatabase.freshSchemaUrl());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make a test schema", e);
        }
    }

    @Override
    protected URI missingLocation() {
        String url = PostgresTestDatabase.url();
        String schema = MISSING_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return URI.create(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Override
    protected List<URI> nonStoreLocations() throws SQLException {
        URI other = newStoreLocation();
        try (Connection c = DriverManager.getConnection(other.toString()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40))");
            s.execute("INSERT INTO items VALUES (1, 'chair')");
        }
        return List.of(other, newStoreLocation());
    }

    /** Messages name the location with its password masked, so they are checked for its schema. */
    @Override
    protected String nameOf(URI location) {
        String url = location.toString();
        return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    }

    @Override
    protected Mlops mlops(URI location) {
        return Mlops.builder().property(MlopsProperties.TRACKING_URI, location.toString())
                .property(JdbcTrackingStoreProvider.ARTIFACT_ROOT, tempDir.resolve("artifacts").toString()).build();
    }

    @Test
    void aReadOnlyPostgresqlSessionReadsButCannotWrite() throws SQLException {
        String url = newStoreLocation().toString();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY)");
            s.execute("INSERT INTO items VALUES (1)");
        }
        try (ConnectionPool pool = new ConnectionPool(url, SqlDialect.POSTGRESQL,
                ConnectionPool.Settings.forReads(1).readOnly(true));
             ConnectionPool.Lease lease = pool.lease();
             Statement s = lease.connection().createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM items")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO items VALUES (2)"));
            assertThrows(SQLException.class, () -> s.execute("CREATE TABLE more (id INT)"));
        }
    }

    /** @return every schema and table of the test schemas, and every "missing" schema that was made by mistake */
    @Override
    protected Object databaseState() throws SQLException {
        List<String> state = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.url());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n.nspname, c.relname FROM pg_namespace n LEFT JOIN pg_class c"
                     + " ON c.relnamespace = n.oid WHERE n.nspname LIKE 'registry_test_%' OR n.nspname LIKE '"
                     + MISSING_PREFIX + "%' ORDER BY 1, 2")) {
            while (rs.next()) {
                state.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return state.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}

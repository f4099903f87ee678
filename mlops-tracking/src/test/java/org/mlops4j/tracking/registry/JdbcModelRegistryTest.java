package org.mlops4j.tracking.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.ModelRegistryProvider;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.NewModelVersion;

/** What is particular to the JDBC store: discovery, its schema version table, sharing a database, errors. */
class JdbcModelRegistryTest {

    @TempDir
    Path folder;

    private final MlopsConfig config = MlopsConfig.ofOnly(Map.of());

    @Test
    void isFoundByDiscoveryForJdbcAndFileLocations() {
        Mlops mlops = Mlops.builder().build();
        assertEquals("jdbc", mlops.modelRegistryProvider(URI.create("jdbc:sqlite:x.db")).name());
        assertEquals("jdbc", mlops.modelRegistryProvider(URI.create("jdbc:postgresql://h/db")).name());
        assertEquals("file", mlops.modelRegistryProvider(URI.create("file:./mlruns")).name());
        assertEquals("http", mlops.modelRegistryProvider(URI.create("http://127.0.0.1:5000")).name());
        assertEquals(java.util.List.of("file", "http", "jdbc"), mlops.providers(ModelRegistryProvider.class).names());
    }

    @Test
    void keepsTheInputSchemaAsItsJsonTextAndReadsAForeignDocumentAsNoSchema() throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve("schemas.db");
        Schema schema = Schema.builder().column("age", ColumnType.NUMERIC).build();
        try (ModelRegistry registry = new JdbcModelRegistryProvider().open(URI.create(url), config)) {
            registry.register(NewModelVersion.builder("m", "runs:/r1/model").inputSchema(schema).build());
            registry.register(NewModelVersion.builder("m", "runs:/r2/model").inputSchema(schema).build());
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT input_schema FROM model_versions WHERE version = 1")) {
                assertTrue(rs.next());
                assertEquals(schema, Schema.fromJson(rs.getString(1)), "the schema's own JSON form");
            }
            s.execute("UPDATE model_versions SET input_schema = '{\"columns\":[{\"levels\":[1]}]}' WHERE version = 2");
        }
        try (ModelRegistry registry = new JdbcModelRegistryProvider().open(URI.create(url), config)) {
            assertEquals(Optional.of(schema), registry.getVersion("m", 1).inputSchema());
            assertEquals(Optional.empty(), registry.getVersion("m", 2).inputSchema(), "still opens, no schema");
        }
    }

    @Test
    void recordsItsSchemaVersionInATableOfItsOwn() throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve("shared.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE experiments (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE schema_version (version INTEGER)");
            s.execute("INSERT INTO schema_version VALUES (7)");
        }
        try (ModelRegistry registry = new JdbcModelRegistryProvider().open(URI.create(url), config)) {
            registry.register(NewModelVersion.builder("m", "runs:/r1/model").build());
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version FROM registry_schema_version")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1), "the tracking store's schema version is left alone");
            }
        }
        try (ModelRegistry reopened = new JdbcModelRegistryProvider().open(URI.create(url), config)) {
            assertEquals(2, reopened.register(NewModelVersion.builder("m", "runs:/r2/model").build()).version());
        }
    }

    @Test
    void refusesADatabaseWithANewerRegistrySchema() throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve("newer.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE registry_schema_version (version INTEGER NOT NULL)");
            s.execute("INSERT INTO registry_schema_version VALUES (99)");
        }
        ModelRegistryException e = assertThrows(ModelRegistryException.class,
                () -> new JdbcModelRegistryProvider().open(URI.create(url), config));
        assertTrue(e.getMessage().contains("schema version 99") && e.getMessage().contains("Upgrade mlops4j"),
                e.getMessage());
    }

    @Test
    void refusesDatabasesItDoesNotSupport() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new JdbcModelRegistryProvider().open(URI.create("jdbc:mysql://h/db"), config));
        assertTrue(e.getMessage().contains("jdbc:mysql://h/db"), e.getMessage());
    }

    @Test
    void masksAPasswordInTheLocationItReports() {
        String url = "jdbc:h2:" + folder.resolve("masked") + ";USER=sa;PASSWORD=secret";
        try (ModelRegistry registry = new JdbcModelRegistryProvider().open(URI.create(url), config)) {
            assertTrue(registry.location().toString().endsWith("PASSWORD=***"), registry.location().toString());
            ModelRegistryException e = assertThrows(ModelRegistryException.class, () -> registry.getModel("x"));
            assertTrue(!e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Test
    void refusesWorkAfterClose() {
        ModelRegistry registry = new JdbcModelRegistryProvider()
                .open(URI.create("jdbc:sqlite:" + folder.resolve("closed.db")), config);
        registry.close();
        registry.close();
        assertThrows(ModelRegistryException.class, registry::listModels);
    }
}

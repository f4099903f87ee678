package org.mlops4j.core.spi.support.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.tracking.TrackingException;

/** One way to create, version and migrate a schema, on a real (in-memory H2) database. */
class VersionedSchemaTest {

    private static final List<List<String>> TWO_VERSIONS = List.of(
            List.of("CREATE TABLE notes (id INT PRIMARY KEY, body ${LARGE_TEXT})",
                    "[not h2] CREATE TABLE skipped_on_h2 (id INT)"),
            List.of("ALTER TABLE notes ADD COLUMN blob_value ${BINARY}"));

    private Connection connection;

    @BeforeEach
    void openDatabase() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID());
    }

    @Test
    void aNewDatabaseGetsEveryMigrationAndItsVersion() throws SQLException {
        VersionedSchema schema = schema(TWO_VERSIONS, new SchemaVersionTable.ComponentRow("schema_version", "notes"));
        schema.migrate(connection, SqlDialect.H2, "test-db");
        assertEquals(2, schema.versionTable().read(connection));
        assertTrue(ReadOnlyDatabase.hasTable(connection, "notes"));
        assertFalse(ReadOnlyDatabase.hasTable(connection, "skipped_on_h2"), "marked [not h2]");
        schema.requireCurrent(connection, "test-db", "hint");
        schema.migrate(connection, SqlDialect.H2, "test-db");
        assertEquals(2, schema.versionTable().read(connection), "migrating again changes nothing");
    }

    @Test
    void anOlderDatabaseIsMigratedFromItsVersionOn() throws SQLException {
        SchemaVersionTable own = new SchemaVersionTable.OwnTable("notes_schema_version");
        schema(TWO_VERSIONS.subList(0, 1), own).migrate(connection, SqlDialect.H2, "test-db");
        TrackingException readOnly = assertThrows(TrackingException.class,
                () -> schema(TWO_VERSIONS, own).requireCurrent(connection, "test-db", "hint"));
        assertTrue(readOnly.getMessage().contains("schema version 1, older than the 2"), readOnly.getMessage());
        schema(TWO_VERSIONS, own).migrate(connection, SqlDialect.H2, "test-db");
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO notes (id, body, blob_value) VALUES (1, 'text', X'00')");
        }
        assertEquals(2, own.read(connection));
    }

    @Test
    void aNewerDatabaseIsRefusedWithAnUpgradeHint() throws SQLException {
        SchemaVersionTable own = new SchemaVersionTable.OwnTable("notes_schema_version");
        schema(TWO_VERSIONS, own).migrate(connection, SqlDialect.H2, "test-db");
        VersionedSchema older = schema(TWO_VERSIONS.subList(0, 1), own);
        TrackingException e = assertThrows(TrackingException.class,
                () -> older.migrate(connection, SqlDialect.H2, "test-db"));
        assertTrue(e.getMessage().contains("test-db has schema version 2") && e.getMessage().contains(
                "Upgrade mlops4j"), e.getMessage());
    }

    @Test
    void aDatabaseWithoutTheSchemaIsNoStoreAndIsLeftUnchanged() throws SQLException {
        VersionedSchema schema = schema(TWO_VERSIONS, new SchemaVersionTable.ComponentRow("schema_version", "notes"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> schema.requireCurrent(connection, "test-db", "Give another URI."));
        assertTrue(e.getMessage().contains("is not an mlops4j notes store") && e.getMessage().contains(
                "schema_version with a 'notes' row") && e.getMessage().contains("Give another URI."), e.getMessage());
        assertFalse(ReadOnlyDatabase.hasTable(connection, "schema_version"), "a check creates nothing");
    }

    private static VersionedSchema schema(List<List<String>> migrations, SchemaVersionTable table) {
        return new VersionedSchema("notes store", table, 42L, migrations, TrackingException::new);
    }
}

package org.mlops4j.core.spi.support.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a {@link VersionedSchema} keeps its version in the database. Two layouts exist, and databases written by
 * earlier mlops4j versions keep theirs: a row per component in a table several components share
 * ({@link ComponentRow}), or a table of its own ({@link OwnTable}).
 */
public sealed interface SchemaVersionTable {

    /** @return the table's name */
    String table();

    /** @return the idempotent DDL that creates the table */
    String createSql();

    /** @return what a database of this schema holds, for "not an mlops4j store" messages */
    String describe();

    /**
     * @param connection a connection; the table exists
     * @return the version recorded, 0 when none is
     * @throws SQLException when the table cannot be read
     */
    int read(Connection connection) throws SQLException;

    /**
     * Records a version, in the caller's transaction.
     *
     * @param connection a connection in a write transaction; the table exists
     * @param version    the version now in place
     * @param previous   the version read before migrating, 0 when none was recorded
     * @throws SQLException when the table cannot be written
     */
    void write(Connection connection, int version, int previous) throws SQLException;

    /**
     * A row per component in a shared table {@code (component, version, applied_at)}.
     *
     * @param table     the shared table, e.g. {@code schema_version}
     * @param component the component's key, e.g. {@code tracking}
     */
    record ComponentRow(String table, String component) implements SchemaVersionTable {

        @Override
        public String createSql() {
            return "CREATE TABLE IF NOT EXISTS " + table + " (component VARCHAR(64) NOT NULL PRIMARY KEY, "
                    + "version INT NOT NULL, applied_at BIGINT NOT NULL)";
        }

        @Override
        public String describe() {
            return table + " with a '" + component + "' row";
        }

        @Override
        public int read(Connection connection) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT version FROM " + table + " WHERE component = ?")) {
                select.setString(1, component);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        }

        @Override
        public void write(Connection connection, int version, int previous) throws SQLException {
            String sql = previous == 0
                    ? "INSERT INTO " + table + " (version, applied_at, component) VALUES (?, ?, ?)"
                    : "UPDATE " + table + " SET version = ?, applied_at = ? WHERE component = ?";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                write.setInt(1, version);
                write.setLong(2, System.currentTimeMillis());
                write.setString(3, component);
                write.executeUpdate();
            }
        }
    }

    /**
     * A table of the component's own with one column {@code version}; the highest row counts.
     *
     * @param table the table, e.g. {@code registry_schema_version}
     */
    record OwnTable(String table) implements SchemaVersionTable {

        @Override
        public String createSql() {
            return "CREATE TABLE IF NOT EXISTS " + table + " (version INTEGER NOT NULL)";
        }

        @Override
        public String describe() {
            return table;
        }

        @Override
        public int read(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM " + table)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }

        @Override
        public void write(Connection connection, int version, int previous) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM " + table);
                statement.executeUpdate("INSERT INTO " + table + " (version) VALUES (" + version + ")");
            }
        }
    }
}

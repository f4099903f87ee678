package org.mlops4j.tracking.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * The shared dialect tells "try again" and "that key exists" apart from the failures real SQLite and H2 drivers
 * raise, by SQL state and vendor code alone (mlops-core loads no driver class).
 */
class SqlDialectFailuresTest {

    @TempDir
    Path folder;

    @Test
    void aDuplicateKeyInSqliteIsAUniqueViolationAndNotTransient() throws SQLException {
        SQLException e = duplicateKey("jdbc:sqlite:" + folder.resolve("keys.db"));
        assertTrue(SqlDialect.SQLITE.isUniqueViolation(e), e.getMessage());
        assertFalse(SqlDialect.SQLITE.isTransient(e), e.getMessage());
    }

    @Test
    void aDuplicateKeyInH2IsAUniqueViolationAndNotTransient() throws SQLException {
        SQLException e = duplicateKey("jdbc:h2:mem:keys;DB_CLOSE_DELAY=-1");
        assertTrue(SqlDialect.H2.isUniqueViolation(e), e.getMessage());
        assertFalse(SqlDialect.H2.isTransient(e), e.getMessage());
    }

    @Test
    void aNotNullViolationInSqliteIsNoUniqueViolation() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("nulls.db"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT NOT NULL)");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO items VALUES (NULL)"));
            assertFalse(SqlDialect.SQLITE.isUniqueViolation(e), e.getMessage());
        }
    }

    @Test
    void aSecondSqliteWriterThatFindsTheDatabaseBusyMayTryAgain() throws SQLException {
        String url = "jdbc:sqlite:" + folder.resolve("busy.db");
        Properties noWait = new Properties();
        noWait.setProperty("busy_timeout", "0");
        try (Connection first = DriverManager.getConnection(url); Statement s1 = first.createStatement();
             Connection second = DriverManager.getConnection(url, noWait); Statement s2 = second.createStatement()) {
            s1.execute("CREATE TABLE items (id INT)");
            s1.execute("BEGIN IMMEDIATE");
            s1.execute("INSERT INTO items VALUES (1)");
            SQLException e = assertThrows(SQLException.class, () -> s2.execute("INSERT INTO items VALUES (2)"));
            assertTrue(SqlDialect.SQLITE.isTransient(e), e.getMessage());
            assertFalse(SqlDialect.SQLITE.isUniqueViolation(e), e.getMessage());
            s1.execute("COMMIT");
        }
    }

    @Test
    void anH2LockTimeoutMayTryAgain() throws SQLException {
        String url = "jdbc:h2:mem:locks;DB_CLOSE_DELAY=-1";
        try (Connection first = DriverManager.getConnection(url); Statement s1 = first.createStatement();
             Connection second = DriverManager.getConnection(url); Statement s2 = second.createStatement()) {
            s1.execute("CREATE TABLE items (id INT PRIMARY KEY, n INT)");
            s1.execute("INSERT INTO items VALUES (1, 0)");
            first.setAutoCommit(false);
            s1.executeUpdate("UPDATE items SET n = 1 WHERE id = 1");
            s2.execute("SET LOCK_TIMEOUT 50");
            SQLException e = assertThrows(SQLException.class,
                    () -> s2.executeUpdate("UPDATE items SET n = 2 WHERE id = 1"));
            assertTrue(SqlDialect.H2.isTransient(e), e.getMessage());
            first.rollback();
        }
    }

    private static SQLException duplicateKey(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) UNIQUE)");
            s.execute("INSERT INTO items VALUES (1, 'a')");
            return assertThrows(SQLException.class, () -> s.execute("INSERT INTO items VALUES (2, 'a')"));
        }
    }
}

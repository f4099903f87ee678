package org.mlops4j.tracking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.spi.support.jdbc.ConnectionPool;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * Connections a read-only pool opens refuse writes in the database itself, not only in mlops4j's code: SQLite opens
 * the file read-only, H2 with read-only data access.
 */
class ReadOnlyDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void aReadOnlySqliteConnectionReadsButCannotWrite() throws SQLException {
        assertReadsButCannotWrite("jdbc:sqlite:" + folder.resolve("items.db"), SqlDialect.SQLITE);
    }

    @Test
    void aReadOnlyH2ConnectionReadsButCannotWrite() throws SQLException {
        assertReadsButCannotWrite("jdbc:h2:file:" + folder.resolve("items"), SqlDialect.H2);
    }

    static void assertReadsButCannotWrite(String url, SqlDialect dialect) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY)");
            s.execute("INSERT INTO items VALUES (1)");
        }
        try (ConnectionPool pool = new ConnectionPool(url, dialect,
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
}

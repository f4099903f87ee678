package org.mlops4j.tracking.readonly;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.mlops4j.tck.readonly.ReadOnlyStoreContractTest;

/** Read-only opening of the H2 tracking store and registry (embedded database files). */
class H2ReadOnlyTest extends ReadOnlyStoreContractTest {

    @Override
    protected URI newStoreLocation() {
        return URI.create("jdbc:h2:file:" + tempDir.resolve("runs"));
    }

    @Override
    protected URI missingLocation() {
        return URI.create("jdbc:h2:file:" + tempDir.resolve("nonexistent").resolve("runs"));
    }

    @Override
    protected List<URI> nonStoreLocations() throws Exception {
        String other = "jdbc:h2:file:" + tempDir.resolve("inventory");
        try (Connection c = DriverManager.getConnection(other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40))");
            s.execute("INSERT INTO items VALUES (1, 'chair')");
        }
        return List.of(URI.create(other));
    }
}

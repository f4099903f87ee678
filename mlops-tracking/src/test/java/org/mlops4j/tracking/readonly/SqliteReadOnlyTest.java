package org.mlops4j.tracking.readonly;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.mlops4j.tck.readonly.ReadOnlyStoreContractTest;

/** Read-only opening of the SQLite tracking store and registry. */
class SqliteReadOnlyTest extends ReadOnlyStoreContractTest {

    @Override
    protected URI newStoreLocation() {
        return URI.create("jdbc:sqlite:" + tempDir.resolve("runs.db"));
    }

    @Override
    protected URI missingLocation() {
        return URI.create("jdbc:sqlite:" + tempDir.resolve("nonexistent").resolve("runs.db"));
    }

    @Override
    protected List<URI> nonStoreLocations() throws Exception {
        Path other = tempDir.resolve("inventory.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO items (name) VALUES ('chair')");
        }
        Path text = Files.writeString(tempDir.resolve("notes.db"), "not a database at all\n");
        return List.of(URI.create("jdbc:sqlite:" + other), URI.create("jdbc:sqlite:" + text));
    }

    @Override
    protected boolean readersMakeCoordinationFiles() {
        return true;
    }
}

package org.mlops4j.tracking.jdbc;

import java.net.URI;
import org.mlops4j.tck.tracking.MultiProcessStoreContractIT;

/** Two processes on one SQLite database, and a writer killed mid-write. */
class SqliteMultiProcessIT extends MultiProcessStoreContractIT {

    @Override
    protected URI storeUri() {
        return URI.create("jdbc:sqlite:" + tempDir.resolve("runs.db"));
    }
}

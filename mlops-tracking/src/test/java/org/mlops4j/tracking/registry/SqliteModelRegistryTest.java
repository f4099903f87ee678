package org.mlops4j.tracking.registry;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.tck.registry.ModelRegistryContractTest;

class SqliteModelRegistryTest extends ModelRegistryContractTest {

    @TempDir
    Path folder;

    @Override
    protected URI newStoreLocation() {
        return URI.create("jdbc:sqlite:" + folder.resolve("store/registry.db"));
    }
}

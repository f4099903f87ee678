package org.mlops4j.tracking.registry;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.mlops4j.tck.registry.ModelRegistryContractTest;

class PostgresModelRegistryIT extends ModelRegistryContractTest {

    @Override
    protected URI newStoreLocation() throws Exception {
        return URI.create(PostgresTestDatabase.freshSchemaUrl());
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        if (System.getenv("MLOPS_TEST_POSTGRES_URL") != null || !System.getProperty("mlops.test.postgres.url", "")
                .isBlank()) {
            PostgresTestDatabase.dropTestSchemas();
        }
    }
}

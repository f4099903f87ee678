package org.mlops4j.tracking.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.migration.MigrationCounts;
import org.mlops4j.core.tracking.migration.MigrationEnd;
import org.mlops4j.core.tracking.migration.MigrationListener;
import org.mlops4j.core.tracking.migration.StoreMigration;
import org.mlops4j.tracking.registry.PostgresTestDatabase;

/** A migration from our file store into PostgreSQL; skipped without {@code MLOPS_TEST_POSTGRES_URL}. */
class StoreMigrationPostgresIT {

    @TempDir
    Path tempDir;

    @Test
    void aFileStoreMigratesIntoPostgresqlAndASecondRunCopiesNothing() throws Exception {
        URI target = URI.create(PostgresTestDatabase.freshSchemaUrl());
        URI source = tempDir.resolve("source").toUri();
        try (MigrationEnd end = MigrationStores.open(source, StoreAccess.READ_WRITE)) {
            MigrationStores.fill(end, 1);
        }
        try (MigrationEnd in = MigrationStores.open(source, StoreAccess.READ_ONLY);
             MigrationEnd out = MigrationStores.open(target, StoreAccess.READ_WRITE)) {
            StoreMigration migration = new StoreMigration(in, out);
            MigrationCounts first = migration.copy(MigrationListener.NONE);
            assertEquals(MigrationStores.ACTIVE_RUNS + 1, first.runsCopied());
            assertEquals(List.of(), migration.check());
            assertFalse(migration.copy(MigrationListener.NONE).movedAnything());
        }
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        if (System.getenv("MLOPS_TEST_POSTGRES_URL") != null || !System.getProperty("mlops.test.postgres.url", "")
                .isBlank()) {
            PostgresTestDatabase.dropTestSchemas();
        }
    }
}

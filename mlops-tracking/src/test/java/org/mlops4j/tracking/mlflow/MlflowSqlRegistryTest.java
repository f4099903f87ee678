package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;

/**
 * The registry of MLflow databases at two schema revisions, read through a {@code jdbc:sqlite:} URI: models with
 * tags and (since 3500859a5d39) aliases, versions with stages, sources, runs and tags, a version deleted through
 * MLflow never shown.
 */
class MlflowSqlRegistryTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = {MlflowSqlFixtures.MLFLOW1, MlflowSqlFixtures.MLFLOW2})
    void modelsAndVersionsReadWithStagesTagsAndAliases(String script) throws Exception {
        Path db = MlflowSqlFixtures.sqlite(script, tempDir);
        boolean aliases = script.equals(MlflowSqlFixtures.MLFLOW2);
        try (ModelRegistry registry = MlflowSqlStoreTest.mlops(db).openModelRegistryReadOnly()) {
            assertEquals(List.of("churn", "lead-scoring"), registry.listModels().stream().map(RegisteredModel::name)
                    .toList());
            RegisteredModel leads = registry.getModel("lead-scoring");
            assertEquals("Scores inbound leads", leads.description());
            assertEquals(Map.of("owner", "growth"), leads.tags());
            assertEquals(aliases ? Map.of("champion", 2, "challenger", 3) : Map.of(), leads.aliases());
            assertEquals(Instant.ofEpochMilli(1600001500000L), leads.updatedAt());

            List<ModelVersion> versions = registry.listVersions("lead-scoring");
            assertEquals(List.of(1, 2, 3), versions.stream().map(ModelVersion::version).toList(),
                    "version 4 was deleted through MLflow (Deleted_Internal)");
            assertEquals(List.of(ModelStage.ARCHIVED, ModelStage.PRODUCTION, ModelStage.STAGING),
                    versions.stream().map(ModelVersion::stage).toList());
            ModelVersion production = versions.get(1);
            assertEquals(Optional.of(MlflowSqlFixtures.FOREST), production.runId());
            assertEquals("the forest", production.description());
            assertEquals(Map.of("validated", "true"), production.tags());
            assertEquals(aliases ? Set.of("champion") : Set.of(), production.aliases());
            assertEquals("./mlruns/1/" + MlflowSqlFixtures.FOREST + "/artifacts/model", production.source());

            ModelVersion churn = registry.getVersion("churn", 1);
            assertEquals(ModelStage.NONE, churn.stage());
            assertTrue(churn.runId().isEmpty(), "registered from a path, run_id NULL");
            assertTrue(registry.findVersion("lead-scoring", 4).isEmpty());

            assertEquals(List.of("lead-scoring/2"), registry.versionsOfRun(MlflowSqlFixtures.FOREST).stream()
                    .map(v -> v.name() + "/" + v.version()).toList());
            assertEquals(List.of("lead-scoring/3"), registry.versionsOfRun(MlflowSqlFixtures.BOOSTING).stream()
                    .map(v -> v.name() + "/" + v.version()).toList(), "the deleted version 4 is left out");
            assertEquals(List.of("lead-scoring"), registry.searchModels("lead%").stream().map(RegisteredModel::name)
                    .toList());
        }
    }
}

package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlops4j.tracking.mlflow.MlflowStores.FOREST;
import static org.mlops4j.tracking.mlflow.MlflowStores.LOGISTIC;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;

/** MLflow's file registry ({@code models/}) read through a {@code file:} registry URI. */
class MlflowFileRegistryTest {

    @TempDir
    Path tempDir;

    private ModelRegistry registry;

    @BeforeEach
    void openThePycaretRegistry() throws IOException {
        URI location = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir).toUri();
        registry = Mlops.builder().property(MlopsProperties.TRACKING_URI, location.toString()).build()
                .openModelRegistryReadOnly();
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void modelsReadWithDescriptionsTagsAliasesAndTimes() {
        assertEquals(List.of("churn", "lead-scoring"), registry.listModels().stream().map(RegisteredModel::name)
                .toList());
        RegisteredModel leads = registry.getModel("lead-scoring");
        assertEquals("Scores inbound leads", leads.description());
        assertEquals(Map.of("task", "classification"), leads.tags());
        assertEquals(Map.of("champion", 2, "challenger", 3), leads.aliases());
        assertEquals(Instant.ofEpochMilli(1700000500000L), leads.createdAt());
        assertEquals(Instant.ofEpochMilli(1700000900000L), leads.updatedAt());
        assertEquals("", registry.getModel("churn").description(), "description: null");
        assertEquals(List.of("lead-scoring"), registry.searchModels("lead-%").stream().map(RegisteredModel::name)
                .toList());
    }

    @Test
    void versionsReadWithStagesAndAVersionDeletedThroughMlflowIsGone() {
        List<ModelVersion> versions = registry.listVersions("lead-scoring");
        assertEquals(List.of(1, 2, 3), versions.stream().map(ModelVersion::version).toList());
        assertEquals(List.of(ModelStage.ARCHIVED, ModelStage.PRODUCTION, ModelStage.STAGING),
                versions.stream().map(ModelVersion::stage).toList());
        assertTrue(registry.findVersion("lead-scoring", 4).isEmpty(), "current_stage: Deleted_Internal");
        ModelVersion production = versions.get(1);
        assertEquals(Optional.of(FOREST), production.runId());
        assertEquals("Tuned random forest", production.description());
        assertEquals(Map.of("validation_status", "approved"), production.tags());
        assertEquals(Set.of("champion"), production.aliases());
        assertEquals("file:///home/analyst/lead%20scoring/mlruns/493128577612458123/" + FOREST
                + "/artifacts/model", production.source());
        assertTrue(production.inputSchema().isEmpty());
    }

    @Test
    void aliasesStagesAndRunsResolveVersions() {
        assertEquals(2, registry.getByAlias("lead-scoring", "champion").version());
        assertEquals(3, registry.resolve("models:/lead-scoring@challenger").version());
        assertEquals(2, registry.resolve("models:/lead-scoring/Production").version());
        assertEquals(3, registry.resolve("models:/lead-scoring/latest").version());
        assertEquals(List.of(1, 3), registry.versionsOfRun(LOGISTIC).stream().map(ModelVersion::version).toList());
        ModelVersion churn = registry.getVersion("churn", 1);
        assertEquals(ModelStage.NONE, churn.stage());
        assertTrue(churn.runId().isEmpty(), "run_id: null, registered from a path");
        assertEquals("/srv/models/churn/1", churn.source());
    }

    @Test
    void namesThatCannotBeAModelFolderAreRefusedAndMissingOnesFindNothing() {
        for (String name : List.of("..", ".", "lead-scoring/version-1", "50%")) {
            assertThrows(InvalidRegistryValueException.class, () -> registry.findModel(name), name);
        }
        assertTrue(registry.findModel("missing").isEmpty());
        assertTrue(registry.findVersion("missing", 1).isEmpty());
    }
}

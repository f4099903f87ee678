package org.mlops4j.tracking.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.StoreAccess;

/**
 * What mlops4j writes into MLflow's file registry ({@code models/}), file by file, checked against the fields and
 * types MLflow's {@code mlflow/store/model_registry/file_store.py} writes and reads
 * ({@code _save_registered_model_as_meta_file}: {@code dict(RegisteredModel)} without tags and latest versions;
 * {@code _save_model_version_as_meta_file}: {@code dict(FileModelVersion)} without tags), and read back by the MLflow
 * reader in a fresh, read-only registry.
 */
class MlflowRegistryWritesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    /** The fields of {@code RegisteredModel._properties()} that MLflow keeps in a model's meta.yaml. */
    private static final List<String> MODEL_FIELDS = List.of("aliases", "creation_timestamp", "description",
            "last_updated_timestamp", "name");
    /** The fields of {@code FileModelVersion._properties()} (MLflow 2.x) that MLflow keeps in a version's meta.yaml. */
    private static final List<String> VERSION_FIELDS = List.of("aliases", "creation_timestamp", "current_stage",
            "description", "last_updated_timestamp", "name", "run_id", "run_link", "source", "status",
            "status_message", "storage_location", "user_id", "version");
    private static final Schema SCHEMA = Schema.builder().column("age", ColumnType.NUMERIC).build();

    @TempDir
    Path tempDir;

    private Path newStore() {
        Path root = tempDir.resolve("mlruns");
        MlflowFileStore.create(root.toUri(), root).close();
        return root;
    }

    private static MlflowFileRegistry writable(Path root) {
        return new MlflowFileRegistry(root.toUri(), root, StoreAccess.READ_WRITE);
    }

    @Test
    void modelsAndVersionsAreWrittenFieldByFieldAsMlflowWritesThem() throws IOException {
        Path root = newStore();
        try (ModelRegistry registry = writable(root)) {
            registry.createModel("lead-scoring", "Scores leads", Map.of("team", "growth"));
            registry.register(NewModelVersion.builder("lead-scoring", "runs:/a1b2/model").inputSchema(SCHEMA)
                    .tag("auc", "0.91").build());
            registry.register(NewModelVersion.builder("lead-scoring", "s3://bucket/m/2").description("second")
                    .build());
            registry.setAlias("lead-scoring", "champion", 2);
            registry.transitionStage("lead-scoring", 2, ModelStage.PRODUCTION, true);
        }
        Path model = root.resolve("models/lead-scoring");

        JsonNode meta = yaml(model.resolve("meta.yaml"));
        assertEquals(MODEL_FIELDS, names(meta));
        assertEquals("lead-scoring", meta.get("name").textValue());
        assertEquals("Scores leads", meta.get("description").textValue());
        assertTrue(meta.get("creation_timestamp").isIntegralNumber());
        assertTrue(meta.get("last_updated_timestamp").isIntegralNumber());
        assertTrue(meta.get("last_updated_timestamp").longValue() >= meta.get("creation_timestamp").longValue());
        assertTrue(meta.get("aliases").isObject(), "dict(RegisteredModel) holds the aliases as a mapping");
        assertEquals("2", meta.get("aliases").get("champion").textValue(), "the alias file's text");
        assertTrue(Files.readString(model.resolve("meta.yaml")).startsWith("aliases:\n  champion: '2'\n"));
        assertEquals("growth", Files.readString(model.resolve("tags/team")), "one file per tag, no newline");
        assertEquals("2", Files.readString(model.resolve("aliases/champion")), "the version number, no newline");

        JsonNode first = yaml(model.resolve("version-1/meta.yaml"));
        assertEquals(VERSION_FIELDS, names(first));
        assertEquals(1, first.get("version").intValue(), "the number is an integer");
        assertTrue(first.get("version").isInt());
        assertEquals("lead-scoring", first.get("name").textValue());
        assertEquals("None", first.get("current_stage").textValue());
        assertEquals("READY", first.get("status").textValue());
        assertEquals("runs:/a1b2/model", first.get("source").textValue());
        assertEquals("runs:/a1b2/model", first.get("storage_location").textValue());
        assertEquals("a1b2", first.get("run_id").textValue());
        for (String none : List.of("description", "run_link", "status_message", "user_id")) {
            assertTrue(first.get(none).isNull(), none + " is null, as the client leaves it");
        }
        assertTrue(first.get("aliases").isArray() && first.get("aliases").isEmpty());
        assertEquals("0.91", Files.readString(model.resolve("version-1/tags/auc")));
        assertEquals(SCHEMA, Schema.fromJson(Files.readString(model.resolve("version-1/tags/"
                + MlflowModelFolder.INPUT_SCHEMA_TAG))), "the schema is a version tag MLflow shows");

        JsonNode second = yaml(model.resolve("version-2/meta.yaml"));
        assertEquals(VERSION_FIELDS, names(second));
        assertEquals("Production", second.get("current_stage").textValue());
        assertEquals("second", second.get("description").textValue());
        assertTrue(second.get("run_id").isNull(), "registered from a path");
        assertEquals(List.of("champion"), List.of(second.get("aliases").get(0).textValue()));
        assertTrue(Files.readString(model.resolve("version-2/meta.yaml")).startsWith("aliases:\n- champion\n"));

        try (ModelRegistry reader = new MlflowFileRegistry(root.toUri(), root)) {
            ModelVersion v1 = reader.getVersion("lead-scoring", 1);
            assertEquals(Optional.of(SCHEMA), v1.inputSchema());
            assertEquals(Map.of("auc", "0.91"), v1.tags(), "the schema tag is not a tag to mlops4j");
            assertEquals(Map.of("champion", 2), reader.getModel("lead-scoring").aliases());
            assertEquals(2, reader.resolve("models:/lead-scoring/Production").version());
        }
    }

    @Test
    void deletingAVersionKeepsItsFolderAsDeletedInternalAndRemovesItsAliases() throws IOException {
        Path root = newStore();
        try (ModelRegistry registry = writable(root)) {
            registry.register(NewModelVersion.builder("m", "runs:/r1/model").build());
            registry.register(NewModelVersion.builder("m", "runs:/r2/model").build());
            registry.setAlias("m", "champion", 2);
            registry.setAlias("m", "challenger", 1);
            registry.deleteVersion("m", 2);
            assertEquals(3, registry.register(NewModelVersion.builder("m", "runs:/r3/model").build()).version());
        }
        Path model = root.resolve("models/m");
        JsonNode deleted = yaml(model.resolve("version-2/meta.yaml"));
        assertEquals("Deleted_Internal", deleted.get("current_stage").textValue());
        assertEquals(VERSION_FIELDS, names(deleted));
        assertFalse(Files.exists(model.resolve("aliases/champion")));
        assertEquals("1", Files.readString(model.resolve("aliases/challenger")));
        assertEquals("1", yaml(model.resolve("meta.yaml")).get("aliases").get("challenger").textValue());
        assertFalse(yaml(model.resolve("meta.yaml")).get("aliases").has("champion"));
    }

    @Test
    void renamingAndDeletingAModelLeaveOnlyModelFoldersWhereMlflowLooks() throws IOException {
        Path root = newStore();
        try (ModelRegistry registry = writable(root)) {
            registry.createModel("old", "", Map.of("k", "v"));
            registry.register(NewModelVersion.builder("old", "runs:/r1/model").tag("t", "x").build());
            registry.setAlias("old", "champion", 1);
            registry.renameModel("old", "new");
            registry.register(NewModelVersion.builder("gone", "runs:/r2/model").build());
            registry.deleteModel("gone");
        }
        assertFalse(Files.exists(root.resolve("models/old")));
        assertFalse(Files.exists(root.resolve("models/gone")));
        assertEquals("new", yaml(root.resolve("models/new/meta.yaml")).get("name").textValue());
        assertEquals("new", yaml(root.resolve("models/new/version-1/meta.yaml")).get("name").textValue());
        assertEquals("x", Files.readString(root.resolve("models/new/version-1/tags/t")));
        assertEquals("v", Files.readString(root.resolve("models/new/tags/k")));
        assertEquals("1", Files.readString(root.resolve("models/new/aliases/champion")));

        // MLflow reads every sub-folder of models/ as a model, every file of tags/ and aliases/ as a key, and every
        // root sub-folder but models and those ending in .trash as an experiment
        try (Stream<Path> children = Files.list(root.resolve("models"))) {
            assertEquals(List.of("new"), children.map(p -> p.getFileName().toString()).toList());
        }
        List<String> misplaced = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root.resolve("models"))) {
            walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".tmp") || p.endsWith(".lock")).forEach(misplaced::add);
        }
        assertEquals(List.of(), misplaced);
        try (Stream<Path> children = Files.list(root)) {
            List<String> folders = children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .sorted().toList();
            assertEquals(List.of(".mlops4j-registry.trash", ".trash", "0", "models"), folders);
        }
        try (Stream<Path> work = Files.list(root.resolve(MlflowRegistryWriter.WORK_FOLDER))) {
            assertEquals(0, work.count(), "removed models are gone from the work folder too");
        }
        try (Stream<Path> children = Files.list(root)) {
            assertTrue(children.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .allMatch(name -> name.matches("\\.mlops4j-(store|models-\\d\\d)\\.lock")));
        }
        try (MlflowFileStore store = new MlflowFileStore(root.toUri(), root)) {
            assertEquals(List.of("0"), store.listExperiments(org.mlops4j.core.tracking.ViewType.ALL).stream()
                    .map(e -> e.experimentId()).toList(), "the work folder is no experiment");
        }
    }

    @Test
    void aModelOrVersionLeftHalfMadeByAKilledWriterIsNotSeen() throws IOException {
        Path root = newStore();
        Path half = Files.createDirectories(root.resolve(MlflowRegistryWriter.WORK_FOLDER).resolve("new-x/tags"));
        Files.writeString(half.resolve("k"), "v");
        try (ModelRegistry registry = writable(root)) {
            assertEquals(List.of(), registry.listModels());
            assertEquals(1, registry.register(NewModelVersion.builder("m", "runs:/r1/model").build()).version());
            assertEquals(List.of("m"), registry.listModels().stream().map(m -> m.name()).toList());
        }
    }

    @Test
    void writesIntoARegistryMlflowWroteKeepItsFieldsAndNumbers() throws IOException {
        Path root = MlflowStores.copy(MlflowStores.MLFLOW3, tempDir);
        try (ModelRegistry registry = writable(root)) {
            registry.transitionStage("iris", 1, ModelStage.STAGING, false);
            assertEquals(2, registry.register(NewModelVersion.builder("iris", "runs:/r9/model").build()).version());
        }
        JsonNode first = yaml(root.resolve("models/iris/version-1/meta.yaml"));
        assertEquals("Staging", first.get("current_stage").textValue());
        assertEquals("m-0123456789abcdef0123456789abcdef", first.get("model_id").textValue(),
                "a field of MLflow 3 that mlops4j does not know is kept");
        assertEquals(List.of("champion"), List.of(first.get("aliases").get(0).textValue()));

        Path leads = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir.resolve("pycaret"));
        try (ModelRegistry registry = writable(leads)) {
            assertEquals(5, registry.register(NewModelVersion.builder("lead-scoring", "runs:/r9/model").build())
                    .version(), "version 4, deleted through MLflow, keeps its number");
            assertThrows(InvalidRegistryValueException.class, () -> registry.setVersionTag("lead-scoring", 5,
                    MlflowModelFolder.INPUT_SCHEMA_TAG, "{}"));
        }
    }

    @Test
    void theRegistryFixturesDumpBackByteForByte() throws IOException {
        Path fixtures = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir);
        for (String file : List.of("models/lead-scoring/meta.yaml", "models/churn/meta.yaml",
                "models/lead-scoring/version-2/meta.yaml", "models/lead-scoring/version-4/meta.yaml",
                "models/churn/version-1/meta.yaml")) {
            Path path = fixtures.resolve(file);
            assertEquals(Files.readString(path), new String(MetaYaml.dump(MetaYaml.of(path.getParent()).toMap()),
                    StandardCharsets.UTF_8), file);
        }
    }

    @Test
    void aRegistryOpenedReadOnlyRefusesChangesAndWritesNothing() throws IOException {
        Path root = MlflowStores.copy(MlflowStores.PYCARET_MLFLOW2, tempDir);
        Map<String, String> before = MlflowStores.contents(root);
        try (ModelRegistry registry = new MlflowFileRegistry(root.toUri(), root)) {
            ModelRegistryException e = assertThrows(ModelRegistryException.class,
                    () -> registry.setAlias("lead-scoring", "x", 1));
            assertTrue(e.getMessage().contains("opened read-only"), e.getMessage());
            assertEquals(Set.of("champion"), registry.getVersion("lead-scoring", 2).aliases());
        }
        assertEquals(before, MlflowStores.contents(root));
    }

    private static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

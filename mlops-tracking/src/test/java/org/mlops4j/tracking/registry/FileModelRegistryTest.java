package org.mlops4j.tracking.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.tck.registry.ModelRegistryContractTest;

class FileModelRegistryTest extends ModelRegistryContractTest {

    @TempDir
    Path folder;

    /** A new store in mlops4j's own layout (new file stores are made in MLflow's unless asked otherwise). */
    @Override
    protected URI newStoreLocation() {
        FileModelRegistryProvider.open(folder.resolve("mlruns")).close();
        return folder.resolve("mlruns").toUri();
    }

    private Path models() {
        return folder.resolve("mlruns").resolve("models");
    }

    @Test
    void keepsEachModelInOneJsonFileUnderModels() throws Exception {
        registry.register(NewModelVersion.builder("lead-scoring", "runs:/r1/model")
                .inputSchema(Schema.ofNames("a")).build());
        registry.transitionStage("lead-scoring", 1, ModelStage.PRODUCTION, true);
        registry.setAlias("lead-scoring", "champion", 1);
        JsonNode file = new ObjectMapper().readTree(models().resolve("lead-scoring").resolve("model.json").toFile());
        assertEquals(1, file.get("format").asInt());
        assertEquals(1, file.get("lastVersion").asInt());
        assertEquals(1, file.get("aliases").get("champion").asInt());
        JsonNode version = file.get("versions").get(0);
        assertEquals("Production", version.get("stage").asText());
        assertEquals("r1", version.get("runId").asText());
        assertEquals(Schema.ofNames("a"), Schema.fromJson(version.get("inputSchema").asText()),
                "the schema's JSON text");
    }

    @Test
    void ignoresWhatAnInterruptedWriterLeftBehind() throws Exception {
        registry.register(NewModelVersion.builder("m", "runs:/r1/model").build());
        Path dir = models().resolve("m");
        Files.writeString(dir.resolve(".model.json.123.tmp"), "{\"format\":1,\"versions\":[{\"vers");
        Files.createDirectories(models().resolve("half-created"));
        Files.createDirectories(models().resolve(".trash").resolve("abc").resolve("x"));
        Files.writeString(models().resolve(".trash").resolve("abc").resolve("x").resolve("model.json"), "{}");

        ModelRegistry reopened = open();

        assertEquals(List.of("m"), reopened.listModels().stream().map(RegisteredModel::name).toList());
        assertEquals(1, reopened.getVersion("m", 1).version());
        assertEquals(2, reopened.register(NewModelVersion.builder("m", "runs:/r2/model").build()).version());
        assertEquals(1, reopened.register(NewModelVersion.builder("half-created", "runs:/r3/model").build())
                .version());
        try (Stream<Path> trash = Files.list(models().resolve(".trash"))) {
            assertEquals(0, trash.count(), "the trash is emptied when the registry opens");
        }
    }

    @Test
    void namesTheFileWhenAModelFileIsDamaged() throws Exception {
        registry.createModel("m");
        Path file = models().resolve("m").resolve("model.json");
        Files.writeString(file, "{\"format\":1,\"createdAt\":");
        ModelRegistryException e = assertThrows(ModelRegistryException.class, () -> registry.getModel("m"));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("restore it from a backup"), e.getMessage());
    }

    @Test
    void readsSchemasStoredBeforeAsSchemasAndOtherJsonAsNoSchema() throws Exception {
        registry.register(NewModelVersion.builder("m", "runs:/r1/model").build());
        registry.register(NewModelVersion.builder("m", "runs:/r2/model").build());
        Path file = models().resolve("m").resolve("model.json");
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        String written = "{\"format\":\"mlops4j-schema\",\"version\":1,\"missingColumns\":\"fail\","
                + "\"extraColumns\":\"fail\",\"strictOrder\":false,\"columns\":[{\"name\":\"age\","
                + "\"type\":\"numeric\",\"nullable\":true}]}";  // as ModelTracking registered it before
        ((ObjectNode) document.get("versions").get(0)).put("inputSchema", written);
        ((ObjectNode) document.get("versions").get(1)).put("inputSchema", "{\"columns\":[{\"levels\":[1]}]}");
        Files.writeString(file, document.toString());

        ModelRegistry reopened = open();

        assertEquals(Optional.of(Schema.builder().column("age", ColumnType.NUMERIC).build()),
                reopened.getVersion("m", 1).inputSchema());
        assertEquals(Optional.empty(), reopened.getVersion("m", 2).inputSchema(), "a foreign document is no schema");
        assertEquals(2, reopened.listVersions("m").size());
    }

    @Test
    void refusesAModelFileOfALaterLayout() throws Exception {
        registry.createModel("m");
        Files.writeString(models().resolve("m").resolve("model.json"), "{\"format\":99}");
        ModelRegistryException e = assertThrows(ModelRegistryException.class, () -> registry.getModel("m"));
        assertTrue(e.getMessage().contains("Upgrade mlops4j"), e.getMessage());
    }

    @Test
    void neverWritesOutsideTheModelsFolder() throws Exception {
        for (String name : List.of("../escaped", "..", "a/../../escaped")) {
            assertThrows(RuntimeException.class, () -> registry.createModel(name));
        }
        try (Stream<Path> top = Files.list(folder.resolve("mlruns"))) {
            assertEquals(List.of("models"), top.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.exists(folder.resolve("escaped")));
    }

    @Test
    void opensRelativeAndAbsoluteFileLocations() {
        FileModelRegistryProvider provider = new FileModelRegistryProvider();
        assertEquals(Path.of("./mlruns"), FileModelRegistryProvider.folderOf(URI.create("file:./mlruns")));
        assertEquals(Path.of("mlruns"), FileModelRegistryProvider.folderOf(URI.create("file:mlruns")));
        assertEquals(Path.of("/srv/mlruns"), FileModelRegistryProvider.folderOf(URI.create("file:///srv/mlruns")));
        assertEquals(Path.of("/srv/mlruns"), FileModelRegistryProvider.folderOf(URI.create("file:/srv/mlruns")));
        assertThrows(ConfigurationException.class,
                () -> FileModelRegistryProvider.folderOf(URI.create("file://host/share/mlruns")));
        assertThrows(ConfigurationException.class,
                () -> provider.open(URI.create("jdbc:sqlite:x.db"), MlopsConfig.ofOnly(Map.of())));
        try (ModelRegistry byPath = FileModelRegistryProvider.open(folder.resolve("other"))) {
            byPath.createModel("m");
            assertTrue(Files.exists(folder.resolve("other").resolve("models").resolve("m").resolve("model.json")));
        }
    }
}

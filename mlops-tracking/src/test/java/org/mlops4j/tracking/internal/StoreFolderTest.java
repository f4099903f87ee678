package org.mlops4j.tracking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.tracking.internal.StoreFolder.Contents;

/** What {@link StoreFolder} takes for a store, for an empty folder, and for something else. */
class StoreFolderTest {

    @TempDir
    Path folder;

    @Test
    void aMissingPathIsMissingAndAFileIsSomethingElse() throws IOException {
        assertEquals(Contents.MISSING, StoreFolder.inspect(folder.resolve("nothing")));
        assertEquals(Contents.OTHER, StoreFolder.inspect(Files.writeString(folder.resolve("file"), "x")));
    }

    @Test
    void theDefaultExperimentOrARegistryMakesAStore() throws IOException {
        Path tracking = Files.createDirectories(folder.resolve("tracking").resolve("0"));
        Files.writeString(tracking.resolve("meta.json"), "{}");
        assertEquals(Contents.STORE, StoreFolder.inspect(tracking.getParent()));
        Path registry = Files.createDirectories(folder.resolve("registry").resolve("models").resolve("alpha"));
        Files.writeString(registry.resolve("model.json"), "{}");
        assertEquals(Contents.STORE, StoreFolder.inspect(folder.resolve("registry")));
    }

    @Test
    void whatAStoreBeingMadeHasSoFarCountsAsEmpty() throws IOException {
        Path root = Files.createDirectories(folder.resolve("mlruns"));
        assertEquals(Contents.EMPTY, StoreFolder.inspect(root));
        Files.createFile(root.resolve(".lock"));
        Files.createDirectories(root.resolve("0"));
        Files.createFile(root.resolve("0").resolve("meta.json~123.tmp"));
        Files.createDirectories(root.resolve("models").resolve(".locks"));
        assertEquals(Contents.EMPTY, StoreFolder.inspect(root));
    }

    @Test
    void otherFilesBesideThoseMakeSomethingElseAndMlflowsLayoutIsNamed() throws IOException {
        Path project = Files.createDirectories(folder.resolve("project").resolve("models"));
        Files.writeString(project.resolve("model.pkl"), "pickle");
        assertEquals(Contents.OTHER, StoreFolder.inspect(project.getParent()));
        Path mlflow = Files.createDirectories(folder.resolve("mlflow").resolve("0"));
        Files.writeString(mlflow.resolve("meta.yaml"), "name: Default\n");
        assertEquals(Contents.MLFLOW_STORE, StoreFolder.inspect(mlflow.getParent()));
    }

    @Test
    void mlflowsLayoutIsRecognisedByADeletedDefaultExperimentOrARegisteredModel() throws IOException {
        Path trash = Files.createDirectories(folder.resolve("trashed").resolve(".trash").resolve("0"));
        Files.writeString(trash.resolve("meta.yaml"), "name: Default\nlifecycle_stage: deleted\n");
        assertEquals(Contents.MLFLOW_STORE, StoreFolder.inspect(folder.resolve("trashed")));
        Path model = Files.createDirectories(folder.resolve("registry").resolve("models").resolve("churn"));
        Files.writeString(model.resolve("meta.yaml"), "name: churn\n");
        assertEquals(Contents.MLFLOW_STORE, StoreFolder.inspect(folder.resolve("registry")));
    }
}

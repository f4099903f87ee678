package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.tck.registry.ModelRegistryContractTest;

/** The model registry contract, on a new store in MLflow's own file layout written by mlops4j. */
class MlflowFileRegistryContractTest extends ModelRegistryContractTest {

    @TempDir
    Path folder;

    @Override
    protected URI newStoreLocation() {
        Path root = folder.resolve("mlruns");
        MlflowFileStore.create(root.toUri(), root).close();
        return root.toUri();
    }
}

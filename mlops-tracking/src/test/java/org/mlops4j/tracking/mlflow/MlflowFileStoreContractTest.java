package org.mlops4j.tracking.mlflow;

import java.nio.file.Path;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tck.tracking.TrackingStoreContractTest;

/** The tracking store contract, on a new store in MLflow's own file layout written by mlops4j. */
class MlflowFileStoreContractTest extends TrackingStoreContractTest {

    @Override
    protected TrackingStore openStore() {
        Path root = tempDir.resolve("mlruns");
        return MlflowFileStore.create(root.toUri(), root);
    }

    @Override
    protected TrackingStore reopenStore() {
        Path root = tempDir.resolve("mlruns");
        return new MlflowFileStore(root.toUri(), root, StoreAccess.READ_WRITE);
    }
}

package org.mlops4j.tracking.file;

import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.TrackingStoreContractTest;

/** The tracking store contract, on the file store. */
class FileTrackingStoreTest extends TrackingStoreContractTest {

    @Override
    protected TrackingStore openStore() {
        return FileTrackingStore.open(tempDir.resolve("mlruns"));
    }

    @Override
    protected TrackingStore reopenStore() {
        return FileTrackingStore.open(tempDir.resolve("mlruns"));
    }
}

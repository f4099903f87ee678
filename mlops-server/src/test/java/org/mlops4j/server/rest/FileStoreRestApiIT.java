package org.mlops4j.server.rest;

import java.nio.file.Path;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.tracking.file.FileTrackingStore;
import org.mlops4j.tracking.registry.FileModelRegistryProvider;

/** MLflow's REST API over the file store and the file registry. */
class FileStoreRestApiIT extends RestApiContract {

    @Override
    protected TrackingClient openTracking(Path folder) {
        return TrackingClient.of(FileTrackingStore.open(folder));
    }

    @Override
    protected ModelRegistry openRegistry(Path folder) {
        return FileModelRegistryProvider.open(folder);
    }
}

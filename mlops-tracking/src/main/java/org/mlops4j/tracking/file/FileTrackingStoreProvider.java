package org.mlops4j.tracking.file;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.spi.TrackingStoreProvider;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.internal.StoreFolder;
import org.mlops4j.tracking.mlflow.MlflowFileStore;
import org.mlops4j.core.tracking.readonly.ReadOnlyTrackingStore;

/**
 * Opens {@link FileTrackingStore}s for {@code file:} URIs: {@code file:./mlruns} (relative to the working folder),
 * {@code file:/abs/path} or {@code file:///abs/path}. A folder holding MLflow's own {@code mlruns} layout opens as an
 * {@link MlflowFileStore}, read in place; its writes are refused.
 */
public final class FileTrackingStoreProvider implements TrackingStoreProvider {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public FileTrackingStoreProvider() {
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public String description() {
        return "Tracking store in a local folder (MLflow-like mlruns layout, JSON meta, indexed search);"
                + " reads MLflow's own mlruns folders in place";
    }

    @Override
    public Set<String> uriSchemes() {
        return Set.of("file");
    }

    @Override
    public TrackingStore open(URI location, MlopsConfig config) {
        return open(location, config, StoreAccess.READ_WRITE);
    }

    /**
     * Opens the store in the location's folder. Read-only, the folder must hold a store and nothing is written to it;
     * read-write, a missing or empty folder becomes a new store and a folder holding anything else is refused. A folder
     * in MLflow's own layout opens, either way, as an {@link MlflowFileStore}: read in place, writes refused.
     *
     * @param location a {@code file:} URI
     * @param config   the host's configuration (no keys are read)
     * @param access   whether the caller only reads
     * @return the store; read-only, wrapped in a {@link ReadOnlyTrackingStore}
     * @throws ConfigurationException when the URI names no folder, or the folder cannot be opened so
     */
    @Override
    public TrackingStore open(URI location, MlopsConfig config, StoreAccess access) {
        Path root = folder(location);
        TrackingStore store = StoreFolder.inspect(root) == StoreFolder.Contents.MLFLOW_STORE
                ? new MlflowFileStore(location, root) : new FileTrackingStore(location, root, access);
        return access == StoreAccess.READ_ONLY ? ReadOnlyTrackingStore.of(store) : store;
    }

    /**
     * @param location a {@code file:} URI
     * @return its folder
     * @throws ConfigurationException when the URI has no path
     */
    static Path folder(URI location) {
        String path = location.isOpaque() ? location.getSchemeSpecificPart() : location.getPath();
        if (path == null || path.isBlank()) {
            throw new ConfigurationException("The tracking URI '" + location + "' has no folder; expected "
                    + "file:./mlruns or file:///absolute/path.");
        }
        return Path.of(path);
    }
}

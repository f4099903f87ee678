package org.mlops4j.tracking.file;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.spi.TrackingStoreProvider;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.tracking.internal.NewStoreLayout;
import org.mlops4j.tracking.internal.StoreFolder;
import org.mlops4j.tracking.mlflow.MlflowFileStore;
import org.mlops4j.core.tracking.readonly.ReadOnlyTrackingStore;

/**
 * Opens {@link FileTrackingStore}s for {@code file:} URIs: {@code file:./mlruns} (relative to the working folder),
 * {@code file:/abs/path} or {@code file:///abs/path}. A folder holding MLflow's own {@code mlruns} layout opens as an
 * {@link MlflowFileStore}, read and written in place in that layout. A new store (a missing or empty folder) is made
 * in MLflow's layout, or in mlops4j's when {@link MlopsProperties#TRACKING_FILE_LAYOUT} is {@code mlops4j}; a folder
 * holding a store in mlops4j's layout ({@code meta.json}) opens as a {@link FileTrackingStore}.
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
        return "Tracking store in a local folder: MLflow's own mlruns layout (meta.yaml), read and written in place,"
                + " or mlops4j's (JSON meta, indexed search)";
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
     * in MLflow's own layout opens as an {@link MlflowFileStore}, written in place when opened read-write; a missing or
     * empty folder opened read-write becomes a new store in MLflow's layout, or in mlops4j's when
     * {@link MlopsProperties#TRACKING_FILE_LAYOUT} is {@code mlops4j}.
     *
     * @param location a {@code file:} URI
     * @param config   the host's configuration ({@link MlopsProperties#TRACKING_FILE_LAYOUT} is read)
     * @param access   whether the caller only reads
     * @return the store; read-only, wrapped in a {@link ReadOnlyTrackingStore}
     * @throws ConfigurationException when the URI names no folder, or the folder cannot be opened so
     */
    @Override
    public TrackingStore open(URI location, MlopsConfig config, StoreAccess access) {
        Path root = folder(location);
        StoreFolder.Contents contents = StoreFolder.inspect(root);
        TrackingStore store;
        if (contents == StoreFolder.Contents.MLFLOW_STORE) {
            store = new MlflowFileStore(location, root, access);
        } else if (access == StoreAccess.READ_WRITE && NewStoreLayout.of(config) == NewStoreLayout.MLFLOW
                && (contents == StoreFolder.Contents.MISSING || contents == StoreFolder.Contents.EMPTY)) {
            store = MlflowFileStore.create(location, root);
        } else {
            store = new FileTrackingStore(location, root, access);
        }
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

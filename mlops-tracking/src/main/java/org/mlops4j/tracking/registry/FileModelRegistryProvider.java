package org.mlops4j.tracking.registry;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.spi.ModelRegistryProvider;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.tracking.internal.NewStoreLayout;
import org.mlops4j.tracking.internal.StoreFolder;
import org.mlops4j.tracking.mlflow.MlflowFileStore;
import org.mlops4j.tracking.mlflow.MlflowFileRegistry;
import org.mlops4j.core.tracking.readonly.ReadOnlyModelRegistry;
import org.mlops4j.tracking.registry.internal.FileModelRegistry;

/**
 * The model registry in a local (or shared network) folder, for {@code file:} locations: {@code file:./mlruns} keeps
 * the registry in {@code ./mlruns/models}, beside the runs of a file tracking store at the same location.
 *
 * <p>A new registry (a missing or empty folder) is made in MLflow's own {@code mlruns} layout, as the tracking store
 * is, and so is a folder already holding that layout opened: an {@link MlflowFileRegistry}, {@code models/<name>/}
 * with {@code meta.yaml} files, read and written in place. With {@link MlopsProperties#TRACKING_FILE_LAYOUT}
 * {@code mlops4j} a new registry is made in mlops4j's layout, and a folder holding a store in that layout opens in it:
 * each model is one JSON file, {@code models/<name>/model.json}, replaced atomically on every change.
 *
 * <p>Either way writers lock the model with an OS file lock, so several threads and several processes (on one
 * machine, or on a network file system with working locks) can register versions of one model at once and still get
 * unique, gap-free numbers, and a process killed at any point leaves every model readable, as it was before or after
 * the interrupted change.
 */
public final class FileModelRegistryProvider implements ModelRegistryProvider {

    /** Creates the provider; cheap, touches nothing. */
    public FileModelRegistryProvider() {
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public String description() {
        return "Model registry in a folder (file:<path>): MLflow's own layout (models/<name>/meta.yaml), or mlops4j's"
                + " (one atomically replaced JSON file per model)";
    }

    @Override
    public Set<String> uriSchemes() {
        return Set.of("file");
    }

    /**
     * Opens the registry at a {@code file:} location to read and write, creating {@code <path>/models} when it is
     * missing. Cheap: no model file is read until the registry is used.
     *
     * @param location a {@code file:} URI: relative ({@code file:./mlruns}, {@code file:mlruns}) or absolute
     *                 ({@code file:/srv/mlruns}, {@code file:///srv/mlruns})
     * @param config   the host's configuration ({@link MlopsProperties#TRACKING_FILE_LAYOUT} is read)
     * @return the registry
     * @throws ConfigurationException when the location is not a local {@code file:} URI, or its folder holds
     *                                something other than a store
     * @throws org.mlops4j.core.tracking.ModelRegistryException when the folder cannot be created
     */
    @Override
    public ModelRegistry open(URI location, MlopsConfig config) {
        return open(location, config, StoreAccess.READ_WRITE);
    }

    /**
     * Opens the registry at a {@code file:} location. Read-only, the folder must hold an mlops4j store (a store
     * without registered models reads as an empty registry) and nothing is written to it; read-write, a missing or
     * empty folder becomes a new store (in MLflow's layout, or mlops4j's when
     * {@link MlopsProperties#TRACKING_FILE_LAYOUT} is {@code mlops4j}) and a folder holding anything else is refused.
     * A folder in MLflow's own layout opens, either way, as an {@link MlflowFileRegistry}: read in place, and written
     * in MLflow's layout when opened read-write.
     *
     * @param location a {@code file:} URI, as for {@link #open(URI, MlopsConfig)}
     * @param config   the host's configuration ({@link MlopsProperties#TRACKING_FILE_LAYOUT} is read)
     * @param access   whether the caller only reads
     * @return the registry; read-only, wrapped in a {@link ReadOnlyModelRegistry}
     * @throws ConfigurationException when the location is not a local {@code file:} URI, or cannot be opened so
     */
    @Override
    public ModelRegistry open(URI location, MlopsConfig config, StoreAccess access) {
        Path root = folderOf(location);
        StoreFolder.Contents contents = StoreFolder.inspect(root);
        ModelRegistry registry;
        if (contents == StoreFolder.Contents.MLFLOW_STORE) {
            registry = new MlflowFileRegistry(location, root, access);
        } else if (access == StoreAccess.READ_WRITE && NewStoreLayout.of(config) == NewStoreLayout.MLFLOW
                && (contents == StoreFolder.Contents.MISSING || contents == StoreFolder.Contents.EMPTY)) {
            MlflowFileStore.create(location, root).close();
            registry = new MlflowFileRegistry(location, root, access);
        } else {
            registry = new FileModelRegistry(location, root, access);
        }
        return access == StoreAccess.READ_ONLY ? ReadOnlyModelRegistry.of(registry) : registry;
    }

    /**
     * Opens the registry kept under a folder in mlops4j's own layout, to read and write.
     *
     * @param root the store's root folder (missing, empty or holding a store in mlops4j's layout); the registry lives
     *             in its {@code models} sub-folder
     * @return the registry
     */
    public static ModelRegistry open(Path root) {
        return new FileModelRegistry(root.toUri(), root);
    }

    /**
     * Opens the registry kept under a folder in mlops4j's own layout, to read only: nothing is written to the folder,
     * and writes are refused.
     *
     * @param root the store's root folder, holding a store in mlops4j's layout
     * @return the registry
     * @throws ConfigurationException when the folder is missing or holds no store
     */
    public static ModelRegistry openReadOnly(Path root) {
        return ReadOnlyModelRegistry.of(new FileModelRegistry(root.toUri(), root, StoreAccess.READ_ONLY));
    }

    static Path folderOf(URI location) {
        Objects.requireNonNull(location, "location");
        if (!"file".equalsIgnoreCase(location.getScheme())) {
            throw new ConfigurationException("The file model registry serves file: locations; found '" + location
                    + "'. Use a location such as file:./mlruns.");
        }
        try {
            if (location.isOpaque()) {
                String path = location.getSchemeSpecificPart();
                if (path == null || path.isBlank()) {
                    throw new ConfigurationException("The registry location '" + location + "' names no folder."
                            + " Use a location such as file:./mlruns.");
                }
                return Path.of(path);
            }
            if (location.getAuthority() != null && !location.getAuthority().isEmpty()) {
                throw new ConfigurationException("The registry location '" + location + "' names a host ('"
                        + location.getAuthority() + "'); only local folders are supported. Mount the share and use"
                        + " file:/<mount point>/...");
            }
            return Path.of(location);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("The registry location '" + location + "' is not a valid folder: "
                    + e.getMessage() + ". Use a location such as file:./mlruns.", e);
        }
    }
}

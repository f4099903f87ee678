package org.mlops4j.tracking.mlflow;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.mlops4j.core.spi.support.FileLocks;

/**
 * The lock files that mlops4j's writers of a store in MLflow's file layout take ({@link MlflowFileWriter} for
 * experiments and runs, {@link MlflowRegistryWriter} for the registry): plain files at the store's root, where MLflow
 * never looks. MLflow lists only the root's sub-folders ({@code _get_active_experiments} calls {@code list_subdirs}),
 * and a sub-folder such as {@code .mlops4j/} would not do: MLflow takes every sub-folder but {@code .trash}-suffixed
 * ones and {@code models} for an experiment id, and {@code search_experiments} fails on one that
 * {@code _validate_experiment_id} rejects.
 *
 * <ul>
 *   <li>{@value #STORE_LOCK}: the experiments (create, rename, tag, delete, restore) and run creation;</li>
 *   <li>{@code .mlops4j-runs-NN.lock}: the runs, {@value #STRIPES} stripes by the run id's hash;</li>
 *   <li>{@code .mlops4j-index-NN.lock}: the experiments' run index files ({@link MlflowRunIndex}),
 *       {@value #STRIPES} stripes by the experiment id's hash;</li>
 *   <li>{@code .mlops4j-models-NN.lock}: the registered models, {@value #STRIPES} stripes by the model name's
 *       hash.</li>
 * </ul>
 * Lock files are never deleted ({@link FileLocks}). MLflow's own processes take no locks: mlops4j and MLflow writing
 * the same run or model at once are not kept apart (MLflow's own writers are not kept apart either).
 *
 * <p>Thread-safe.
 */
final class MlflowLocks {

    /** The store lock's file name. */
    static final String STORE_LOCK = ".mlops4j-store.lock";
    private static final int STRIPES = 32;

    private final Path root;
    private final FileLocks locks;

    /**
     * @param root    the store's folder, which must exist when a lock is taken
     * @param failure makes the store's exception when a lock cannot be taken
     */
    MlflowLocks(Path root, FileLocks.Failure failure) {
        this.root = root;
        this.locks = new FileLocks(failure);
    }

    /** @return the store lock, held */
    FileLocks.Held store() {
        return locks.lock(root.resolve(STORE_LOCK), FileLocks.Level.STORE);
    }

    /**
     * @param runId a run id
     * @return the run's lock, held
     */
    FileLocks.Held run(String runId) {
        return locks.lock(stripe("runs", runId), FileLocks.Level.RUN);
    }

    /**
     * @param runIds run ids
     * @return the locks of all of them, held; {@code null} (nothing held) when there is none
     */
    FileLocks.Held runs(Collection<String> runIds) {
        TreeSet<Path> files = new TreeSet<>();
        runIds.forEach(id -> files.add(stripe("runs", id)));
        return files.isEmpty() ? null : locks.lockAll(files, FileLocks.Level.RUN);
    }

    /**
     * @param experimentId an experiment id
     * @return the lock of the experiment's run index file, held
     */
    FileLocks.Held index(String experimentId) {
        return locks.lock(stripe("index", experimentId), FileLocks.Level.EXPERIMENT);
    }

    /**
     * @param names one or more registered model names (a rename locks both)
     * @return their locks, held
     */
    FileLocks.Held models(String... names) {
        List<Path> files = Arrays.stream(names).map(name -> stripe("models", name)).distinct().toList();
        return locks.lockAll(files, FileLocks.Level.MODEL);
    }

    private Path stripe(String kind, String key) {
        return root.resolve(String.format(".mlops4j-%s-%02d.lock", kind, Math.floorMod(key.hashCode(), STRIPES)));
    }
}

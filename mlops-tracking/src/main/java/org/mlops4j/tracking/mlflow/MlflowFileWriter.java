package org.mlops4j.tracking.mlflow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.mlops4j.core.spi.support.FileLocks;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingInputChecks;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.tracking.internal.FileWrites;
import org.mlops4j.tracking.internal.StoreIds;
import org.mlops4j.tracking.internal.UndoLog;

/**
 * Writes experiments and runs into MLflow's file layout as {@code mlflow/store/tracking/file_store.py}
 * ({@code FileStore}) writes them, so that MLflow's UI and client read them:
 * <ul>
 *   <li>{@code create_experiment}: an 18-digit random id ({@code _generate_unique_integer_id}), a folder
 *       {@code <root>/<id>/} with {@code meta.yaml} ({@code artifact_location} = the store's {@code file:///} URI +
 *       {@code /<id>}, {@code creation_time}, {@code experiment_id}, {@code last_update_time},
 *       {@code lifecycle_stage}, {@code name}) and one file per tag in {@code tags/}; the default experiment
 *       {@code 0} "Default" and {@code .trash/} when a new store is made ({@code _create_default_experiment}).</li>
 *   <li>{@code rename_experiment}, {@code set_experiment_tag} (active experiments only),
 *       {@code delete_experiment} (each active run's {@code meta.yaml} gets {@code lifecycle_stage: deleted} and
 *       {@code deleted_time}, the experiment's {@code lifecycle_stage} and {@code last_update_time} change, and the
 *       folder moves into {@code .trash/}), {@code restore_experiment} (moved back; unlike MLflow, which restores
 *       every deleted run, only the runs deleted with the experiment — their {@code deleted_time} is the
 *       experiment's {@code last_update_time} — come back, as mlops4j's stores do).</li>
 *   <li>{@code create_run}: a 32-hex-digit id, {@code <experiment>/<run id>/meta.yaml} as
 *       {@code _make_persisted_run_info_dict} writes it ({@code artifact_uri}, {@code deleted_time: null},
 *       {@code end_time}, {@code entry_point_name: ''}, {@code experiment_id}, {@code lifecycle_stage}, {@code run_id},
 *       {@code run_name}, {@code run_uuid}, {@code source_name: ''}, {@code source_type: 4}, {@code source_version:
 *       ''}, {@code start_time}, {@code status} as its integer code, {@code tags: []}, {@code user_id}), empty
 *       {@code metrics/}, {@code params/}, {@code artifacts/}, and the tags with {@code mlflow.runName}.</li>
 *   <li>{@code log_batch}: only to an active run; a param already logged keeps its value
 *       ({@code _validate_new_param_value}) and every param is checked before anything is written; params and tags
 *       are one file per key holding the value without a newline; metric lines are appended
 *       ({@link MlflowMetricLine}); an {@code mlflow.runName} tag also renames the run in {@code meta.yaml}.</li>
 *   <li>{@code update_run_info}, {@code delete_run} / {@code restore_run} ({@code lifecycle_stage} and
 *       {@code deleted_time} in {@code meta.yaml}; a rewritten {@code meta.yaml} has {@code deleted_time} only when
 *       deleting, as {@code _overwrite_run_info}), {@code delete_tag}.</li>
 * </ul>
 *
 * <p>Crash safety: every file but a metric file is written to a temporary file and renamed into place
 * ({@link FileWrites}); the temporary file of a param or tag is made in the run's (or experiment's) own folder, not
 * in {@code params/} or {@code tags/}, whose every file MLflow reads as a key. Metric lines are appended whole, after
 * a line break when a killed writer left a torn line. A call that fails part-way takes back what it wrote
 * ({@link UndoLog}).
 *
 * <p>Concurrency: the lock files of {@link MlflowLocks}, at the store's root where MLflow never looks. The store lock
 * guards the experiments (create, rename, tag, delete, restore) and run creation; the run locks guard the runs
 * (artifact writes included). Deleting or restoring an experiment holds the store lock and the locks of all its runs,
 * so no run is written while its folder moves.
 *
 * <p>Thread-safe and multi-process safe among mlops4j writers.
 */
final class MlflowFileWriter {

    private static final String META = MetaYaml.FILE_NAME;
    /** {@code SourceType.LOCAL}, which {@code _make_persisted_run_info_dict} always writes. */
    private static final int SOURCE_TYPE_LOCAL = 4;

    /** One change of a run, under its lock. */
    @FunctionalInterface
    private interface RunWork<T> {
        T run(Path runDir, RunInfo info) throws IOException;
    }

    private final String location;
    private final MlflowLayout layout;
    private final Path root;
    private final MlflowLocks locks;

    /**
     * @param location the store's URI, for messages
     * @param layout   the store's layout; its root folder must exist
     */
    MlflowFileWriter(String location, MlflowLayout layout) {
        this.location = location;
        this.layout = layout;
        this.root = layout.root().toAbsolutePath().normalize();
        this.locks = new MlflowLocks(root, TrackingException::new);
    }

    /**
     * Makes a new store as MLflow's {@code FileStore.__init__} does: the folder, the default experiment {@code 0}
     * named "Default" and {@code .trash/}. A store already there is left as it is.
     *
     * @param location the store's URI, for messages
     * @param root     a missing or empty folder, or a store
     */
    static void createStore(String location, Path root) {
        try {
            Files.createDirectories(root);
            MlflowFileWriter writer = new MlflowFileWriter(location, new MlflowLayout(root));
            try (FileLocks.Held ignored = writer.locks.store()) {
                Path trash = writer.root.resolve(MlflowLayout.TRASH);
                if (!Files.exists(writer.root.resolve(Experiment.DEFAULT_ID).resolve(META))
                        && !Files.exists(trash.resolve(Experiment.DEFAULT_ID).resolve(META))) {
                    Path dir = Files.createDirectories(writer.root.resolve(Experiment.DEFAULT_ID));
                    long now = System.currentTimeMillis();
                    writer.writeExperimentMeta(dir, new Experiment(Experiment.DEFAULT_ID, Experiment.DEFAULT_NAME,
                            writer.artifactRoot() + "/" + Experiment.DEFAULT_ID, LifecycleStage.ACTIVE, Map.of(),
                            now, now));
                }
                Files.createDirectories(trash);
            }
        } catch (IOException e) {
            throw new TrackingException("Cannot create an MLflow store at " + location + " (" + root + "): " + e
                    + ". Check the path and its permissions.", e);
        }
    }

    // ------------------------------------------------------------------------------------------ experiments

    Experiment createExperiment(String name, Map<String, String> tags) {
        TrackingInputChecks.checkExperimentName(name);
        tags.forEach(TrackingInputChecks::checkExperimentTag);
        try (FileLocks.Held ignored = locks.store()) {
            Optional<Experiment> existing = findByName(name);
            if (existing.isPresent()) {
                throw TrackingInputChecks.alreadyExists(existing.get());
            }
            while (true) {
                String id = StoreIds.newExperimentId();
                Path dir = root.resolve(id);
                if (Files.exists(root.resolve(MlflowLayout.TRASH).resolve(id))) {
                    continue;
                }
                try {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                long now = System.currentTimeMillis();
                Experiment experiment = new Experiment(id, name, artifactRoot() + "/" + id, LifecycleStage.ACTIVE,
                        tags, now, now);
                writeExperimentMeta(dir, experiment);
                for (Map.Entry<String, String> tag : tags.entrySet()) {
                    KeyedFiles.write(dir, dir.resolve("tags").resolve(tag.getKey()), tag.getValue());
                }
                return experiment;
            }
        } catch (IOException e) {
            throw failure("create experiment '" + name + "'", e);
        }
    }

    void renameExperiment(String experimentId, String newName) {
        TrackingInputChecks.checkExperimentName(newName);
        try (FileLocks.Held ignored = locks.store()) {
            Path dir = requireActiveExperimentDir(experimentId, "renaming it");
            Experiment experiment = MlflowExperimentFolder.read(dir);
            Optional<Experiment> other = findByName(newName);
            if (other.isPresent() && !other.get().experimentId().equals(experimentId)) {
                throw TrackingInputChecks.alreadyExists(other.get());
            }
            writeExperimentMeta(dir, new Experiment(experimentId, newName, experiment.artifactLocation(),
                    experiment.lifecycleStage(), experiment.tags(), experiment.creationTime(),
                    System.currentTimeMillis()));
        } catch (IOException e) {
            throw failure("rename experiment " + experimentId, e);
        }
    }

    void setExperimentTag(String experimentId, String key, String value) {
        TrackingInputChecks.checkExperimentTag(key, value);
        try (FileLocks.Held ignored = locks.store()) {
            Path dir = requireActiveExperimentDir(experimentId, "setting its tags");
            KeyedFiles.write(dir, dir.resolve("tags").resolve(key), value);
        } catch (IOException e) {
            throw failure("set tag '" + key + "' of experiment " + experimentId, e);
        }
    }

    void deleteExperiment(String experimentId) {
        if (Experiment.DEFAULT_ID.equals(experimentId)) {
            throw new InvalidTrackingInputException("Cannot delete the default experiment '0'; it is reserved.");
        }
        try (FileLocks.Held ignored = locks.store()) {
            Path dir = root.resolve(experimentId);
            if (!MlflowLayout.isId(experimentId) || !Files.isRegularFile(dir.resolve(META))) {
                requireExperimentDir(experimentId);
                return; // already deleted
            }
            Experiment experiment = MlflowExperimentFolder.read(dir);
            List<Path> runDirs = layout.runDirs(dir);
            long now = System.currentTimeMillis();
            for (Path runDir : runDirs) {
                // restoring brings back the runs deleted at exactly this time, so it must be unique
                OptionalLong deletedAt = deletedTime(runDir);
                if (deletedAt.isPresent()) {
                    now = Math.max(now, deletedAt.getAsLong() + 1);
                }
            }
            try (FileLocks.Held runs = locks.runs(runIds(runDirs))) {
                for (Path runDir : runDirs) {
                    Optional<RunInfo> info = runInfo(runDir, experimentId);
                    if (info.isPresent() && info.get().isActive()) {
                        writeRunMeta(runDir, info.get().withLifecycleStage(LifecycleStage.DELETED),
                                OptionalLong.of(now), false);
                    }
                }
                writeExperimentMeta(dir, withStage(experiment, LifecycleStage.DELETED, now));
                Path trash = Files.createDirectories(root.resolve(MlflowLayout.TRASH));
                Files.move(dir, trash.resolve(experimentId), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw failure("delete experiment " + experimentId, e);
        }
    }

    void restoreExperiment(String experimentId) {
        try (FileLocks.Held ignored = locks.store()) {
            Path trashed = root.resolve(MlflowLayout.TRASH).resolve(experimentId);
            Path dir = root.resolve(experimentId);
            if (!MlflowLayout.isId(experimentId) || !Files.isRegularFile(trashed.resolve(META))) {
                requireExperimentDir(experimentId);
                return; // already active
            }
            if (Files.exists(dir)) {
                throw new TrackingAlreadyExistsException("Cannot restore experiment " + experimentId + ": the"
                        + " folder " + dir + " exists beside the deleted one in " + trashed + ". Move one of them"
                        + " away first.");
            }
            Experiment experiment = MlflowExperimentFolder.read(trashed);
            long deletedAt = experiment.lastUpdateTime();
            List<Path> runDirs = layout.runDirs(trashed);
            try (FileLocks.Held runs = locks.runs(runIds(runDirs))) {
                Files.move(trashed, dir, StandardCopyOption.ATOMIC_MOVE);
                writeExperimentMeta(dir, withStage(experiment, LifecycleStage.ACTIVE, System.currentTimeMillis()));
                for (Path trashedRun : runDirs) {
                    Path runDir = dir.resolve(trashedRun.getFileName().toString());
                    Optional<RunInfo> info = runInfo(runDir, experimentId);
                    if (info.isPresent() && !info.get().isActive()
                            && deletedTime(runDir).equals(OptionalLong.of(deletedAt))) {
                        writeRunMeta(runDir, info.get().withLifecycleStage(LifecycleStage.ACTIVE),
                                OptionalLong.empty(), false);
                    }
                }
            }
        } catch (IOException e) {
            throw failure("restore experiment " + experimentId, e);
        }
    }

    // ------------------------------------------------------------------------------------------ runs

    String createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags) {
        return createRun(StoreIds.newRunId(), experimentId, runName, userId, startTime, tags);
    }

    /** As {@link #createRun(String, String, String, long, List)}, with the id given (checked by the caller). */
    String createRun(String runId, String experimentId, String runName, String userId, long startTime,
                     List<RunTag> tags) {
        Map<String, String> tagMap = TrackingInputChecks.checkNewRun(runName, userId, startTime, tags);
        try (FileLocks.Held ignored = locks.store()) {
            Path dir = root.resolve(experimentId);
            if (!MlflowLayout.isId(experimentId) || !Files.isRegularFile(dir.resolve(META))) {
                Path deleted = requireExperimentDir(experimentId);
                throw TrackingInputChecks.deletedExperiment(MlflowExperimentFolder.read(deleted));
            }
            Experiment experiment = MlflowExperimentFolder.read(dir);
            Path runDir = dir.resolve(runId);
            RunInfo info = new RunInfo(runId, experimentId, runName, userId, RunStatus.RUNNING, startTime,
                    OptionalLong.empty(), experiment.artifactLocation().replaceAll("/+$", "") + "/" + runId
                    + "/artifacts", LifecycleStage.ACTIVE);
            UndoLog undo = new UndoLog();
            try {
                Files.createDirectory(runDir);
                undo.add(() -> deleteTree(runDir));
                Map<String, Object> meta = runMeta(info, OptionalLong.empty());
                meta.put("deleted_time", null);
                FileWrites.replace(runDir.resolve(META), MetaYaml.dump(meta), false);
                for (String folder : List.of("metrics", "params", "artifacts")) {
                    Files.createDirectory(runDir.resolve(folder));
                }
                for (Map.Entry<String, String> tag : tagMap.entrySet()) {
                    KeyedFiles.write(runDir, runDir.resolve("tags").resolve(tag.getKey()), tag.getValue());
                }
            } catch (IOException | RuntimeException | Error e) {
                undo.rollBack(e);
                throw e;
            }
            return runId;
        } catch (IOException e) {
            throw failure("create a run in experiment " + experimentId, e);
        }
    }

    RunInfo updateRun(String runId, RunStatus status, OptionalLong endTime) {
        return onRun(runId, "set the status of run " + runId, (runDir, info) -> {
            requireActive(info);
            OptionalLong end = status.isTerminal()
                    ? (endTime.isPresent() ? endTime : OptionalLong.of(System.currentTimeMillis()))
                    : OptionalLong.empty();
            RunInfo updated = info.withStatus(status, end);
            writeRunMeta(runDir, updated, OptionalLong.empty(), status.isTerminal());
            return updated;
        });
    }

    void setDeleted(String runId, boolean delete) {
        onRun(runId, (delete ? "delete" : "restore") + " run " + runId, (runDir, info) -> {
            if (!delete && runDir.getParent().getParent().getFileName().toString().equals(MlflowLayout.TRASH)) {
                throw new InvalidTrackingInputException("Run " + runId + " belongs to deleted experiment "
                        + info.experimentId() + "; restore the experiment instead.");
            }
            writeRunMeta(runDir, info.withLifecycleStage(delete ? LifecycleStage.DELETED : LifecycleStage.ACTIVE),
                    delete ? OptionalLong.of(System.currentTimeMillis()) : OptionalLong.empty(), false);
            return null;
        });
    }

    void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        TrackingInputChecks.checkRunId(runId);
        TrackingInputChecks.checkBatch(runId, metrics, params, tags);
        Map<String, String> tagMap = new LinkedHashMap<>();
        tags.forEach(tag -> tagMap.put(tag.key(), tag.value()));
        String newName = tagMap.get(SystemTags.RUN_NAME);
        if (newName != null) {
            TrackingInputChecks.checkRunName(newName);
        }
        onRun(runId, "log to run " + runId, (runDir, info) -> {
            requireActive(info);
            Map<String, String> newParams = new LinkedHashMap<>();
            for (Param param : params) {
                Path file = runDir.resolve("params").resolve(param.key());
                if (Files.isRegularFile(file)) {
                    String old = Files.readString(file, StandardCharsets.UTF_8);
                    if (!old.equals(param.value())) {
                        throw paramChanged(runId, param, old);
                    }
                } else {
                    newParams.put(param.key(), param.value());
                }
            }
            UndoLog undo = new UndoLog();
            try {
                for (Map.Entry<String, String> param : newParams.entrySet()) {
                    Path file = runDir.resolve("params").resolve(param.getKey());
                    undo.beforeChanging(file);
                    KeyedFiles.write(runDir, file, param.getValue());
                }
                appendMetrics(runDir, metrics, undo);
                for (Map.Entry<String, String> tag : tagMap.entrySet()) {
                    Path file = runDir.resolve("tags").resolve(tag.getKey());
                    undo.beforeChanging(file);
                    KeyedFiles.write(runDir, file, tag.getValue());
                }
                if (newName != null && !newName.equals(info.runName())) {
                    undo.beforeChanging(runDir.resolve(META));
                    writeRunMeta(runDir, info.withRunName(newName), OptionalLong.empty(), false);
                }
            } catch (IOException | RuntimeException | Error e) {
                undo.rollBack(e);
                throw e;
            }
            return null;
        });
    }

    void deleteTag(String runId, String key) {
        TrackingInputChecks.checkKey("Tag", key);
        onRun(runId, "delete tag '" + key + "' of run " + runId, (runDir, info) -> {
            requireActive(info);
            Path file = runDir.resolve("tags").resolve(key);
            if (!Files.isRegularFile(file)) {
                throw new TrackingNotFoundException("Run " + runId + " has no tag '" + key + "' to delete in the"
                        + " MLflow store at " + location + ".");
            }
            Files.delete(file);
            return null;
        });
    }

    /**
     * Runs a write into a run's folder that this class does not make itself (an artifact), under the run's lock, so
     * that the folder does not move (its experiment deleted or restored) while the write creates folders in it.
     *
     * @param runId the run
     * @param write the write
     */
    void underRunLock(String runId, Runnable write) {
        TrackingInputChecks.checkRunId(runId);
        try (FileLocks.Held ignored = locks.run(runId)) {
            write.run();
        }
    }

    /**
     * Saves an experiment's run index file under its lock ({@link MlflowLocks#index}).
     *
     * @param experimentId  the experiment
     * @param index         its index
     * @param experimentDir its folder
     * @throws TrackingException when the file cannot be written or the lock taken
     */
    void saveIndex(String experimentId, MlflowRunIndex index, Path experimentDir) {
        try (FileLocks.Held ignored = locks.index(experimentId)) {
            index.save(experimentDir);
        } catch (IOException e) {
            throw failure("save the run index of experiment " + experimentId, e);
        }
    }

    /** Appends the lines of each key in one write; notes how to cut them off again. */
    private static void appendMetrics(Path runDir, List<Metric> metrics, UndoLog undo) throws IOException {
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            lines.computeIfAbsent(metric.key(), k -> new StringBuilder()).append(MlflowMetricLine.format(metric));
        }
        for (Map.Entry<String, StringBuilder> key : lines.entrySet()) {
            Path file = runDir.resolve("metrics").resolve(key.getKey());
            Files.createDirectories(file.getParent());
            long before = Files.exists(file) ? Files.size(file) : -1;
            FileWrites.appendLines(file, key.getValue().toString().getBytes(StandardCharsets.UTF_8));
            undo.add(() -> {
                if (before < 0) {
                    Files.deleteIfExists(file);
                } else {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(before);
                    }
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------ files

    private <T> T onRun(String runId, String what, RunWork<T> work) {
        TrackingInputChecks.checkRunId(runId);
        try (FileLocks.Held ignored = locks.run(runId)) {
            Path runDir = layout.runDir(runId).orElseThrow(() -> new TrackingNotFoundException("Run '" + runId
                    + "' does not exist in the MLflow store at " + location + "; search the runs to see their ids."));
            RunInfo info;
            try {
                info = MlflowRunFolder.info(runDir, runDir.getParent().getFileName().toString());
            } catch (MalformedFolderException e) {
                throw new TrackingException("Cannot " + what + ": " + e.getMessage() + ". Repair or remove the"
                        + " folder with MLflow's tools.", e);
            }
            return work.run(runDir, info);
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    private void writeRunMeta(Path runDir, RunInfo info, OptionalLong deletedTime, boolean force) throws IOException {
        FileWrites.replace(runDir.resolve(META), MetaYaml.dump(runMeta(info, deletedTime)), force);
    }

    /** A run's fields as {@code _make_persisted_run_info_dict} writes them. */
    private static Map<String, Object> runMeta(RunInfo info, OptionalLong deletedTime) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artifact_uri", info.artifactUri());
        meta.put("end_time", info.endTime().isPresent() ? (Object) info.endTime().getAsLong() : null);
        meta.put("entry_point_name", "");
        meta.put("experiment_id", info.experimentId());
        meta.put("lifecycle_stage", info.lifecycleStage().storedName());
        meta.put("run_id", info.runId());
        meta.put("run_name", info.runName());
        meta.put("run_uuid", info.runId());
        meta.put("source_name", "");
        meta.put("source_type", SOURCE_TYPE_LOCAL);
        meta.put("source_version", "");
        meta.put("start_time", info.startTime());
        meta.put("status", info.status().code());
        meta.put("tags", List.of());
        meta.put("user_id", info.userId());
        deletedTime.ifPresent(time -> meta.put("deleted_time", time));
        return meta;
    }

    /** An experiment's fields as {@code create_experiment} writes them ({@code dict(experiment)} without tags). */
    private void writeExperimentMeta(Path dir, Experiment experiment) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("artifact_location", experiment.artifactLocation());
        meta.put("creation_time", experiment.creationTime());
        meta.put("experiment_id", experiment.experimentId());
        meta.put("last_update_time", experiment.lastUpdateTime());
        meta.put("lifecycle_stage", experiment.lifecycleStage().storedName());
        meta.put("name", experiment.name());
        FileWrites.replace(dir.resolve(META), MetaYaml.dump(meta), true);
    }

    /** The store's folder as MLflow's {@code path_to_local_file_uri}: {@code file:///}, percent-encoded. */
    private String artifactRoot() {
        return root.toUri().toASCIIString().replaceAll("/+$", "");
    }

    private Optional<Experiment> findByName(String name) {
        Optional<Experiment> deleted = Optional.empty();
        for (Path dir : layout.experimentDirs(ViewType.ALL)) {
            try {
                Experiment experiment = MlflowExperimentFolder.read(dir);
                if (experiment.name().equals(name)) {
                    if (experiment.isActive()) {
                        return Optional.of(experiment);
                    }
                    deleted = Optional.of(experiment);
                }
            } catch (MalformedFolderException skipped) {
                // the reader warns about it
            }
        }
        return deleted;
    }

    private Path requireExperimentDir(String experimentId) {
        return layout.experimentDir(experimentId).filter(dir -> Files.isRegularFile(dir.resolve(META)))
                .orElseThrow(() -> new TrackingNotFoundException("Experiment " + experimentId + " does not exist in"
                        + " the MLflow store at " + location + "; list the experiments to see their ids."));
    }

    private Path requireActiveExperimentDir(String experimentId, String doing) {
        Path dir = requireExperimentDir(experimentId);
        if (!dir.getParent().toAbsolutePath().normalize().equals(root)) {
            throw new InvalidTrackingInputException("Experiment " + experimentId + " is deleted; restore it before "
                    + doing + ".");
        }
        return dir;
    }

    private static Optional<RunInfo> runInfo(Path runDir, String experimentId) {
        try {
            return Optional.of(MlflowRunFolder.info(runDir, experimentId));
        } catch (MalformedFolderException skipped) {
            return Optional.empty();
        }
    }

    private static OptionalLong deletedTime(Path runDir) {
        try {
            return MetaYaml.of(runDir).millis("deleted_time");
        } catch (MalformedFolderException skipped) {
            return OptionalLong.empty();
        }
    }

    private static Experiment withStage(Experiment e, LifecycleStage stage, long now) {
        return new Experiment(e.experimentId(), e.name(), e.artifactLocation(), stage, e.tags(), e.creationTime(),
                now);
    }

    private static void requireActive(RunInfo info) {
        if (!info.isActive()) {
            throw new InvalidTrackingInputException("The run " + info.runId() + " must be in the 'active' "
                    + "lifecycle stage to be changed; it is deleted. Restore it first.");
        }
    }

    private static InvalidTrackingInputException paramChanged(String runId, Param param, String old) {
        return new InvalidTrackingInputException("Changing param values is not allowed. Param with key='"
                + param.key() + "' was already logged with value='" + old + "' for run ID='" + runId
                + "'. Attempted logging new value '" + param.value() + "'. Log it under another key, or start a "
                + "new run.");
    }

    private static List<String> runIds(List<Path> runDirs) {
        return runDirs.stream().map(dir -> dir.getFileName().toString()).toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    private TrackingException failure(String what, IOException e) {
        return new TrackingException("Cannot " + what + " in the MLflow store at " + location + ": " + e, e);
    }
}

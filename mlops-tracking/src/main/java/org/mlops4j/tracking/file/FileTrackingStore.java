package org.mlops4j.tracking.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.support.FileLocks;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.PageToken;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunOrdering;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingInputChecks;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.core.tracking.readonly.ReadOnlyTrackingStore;
import org.mlops4j.tracking.internal.ArtifactFolder;
import org.mlops4j.tracking.internal.FileWrites;
import org.mlops4j.tracking.internal.MetaJson;
import org.mlops4j.tracking.internal.MetricAppender;
import org.mlops4j.tracking.internal.MetricLines;
import org.mlops4j.tracking.internal.RunFolder;
import org.mlops4j.tracking.internal.RunIndex;
import org.mlops4j.tracking.internal.StoreFolder;
import org.mlops4j.tracking.internal.StoreIds;
import org.mlops4j.tracking.internal.UndoLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracking store in a local folder, in a layout close to MLflow's {@code mlruns} (meta files are JSON rather than
 * YAML):
 *
 * <pre>
 * mlruns/
 *   .lock                         store lock (creating, renaming, deleting experiments)
 *   .trash/&lt;experiment id&gt;/       deleted experiments, moved here whole; restoring moves them back
 *   models/                       reserved for the model registry
 *   &lt;experiment id&gt;/
 *     meta.json                   id, name, artifact location, lifecycle stage, times
 *     tags/&lt;key&gt;                  experiment tags
 *     runs.jsonl                  the search index: an append-only log of run changes (see below)
 *     .lock                       experiment lock (guards runs.jsonl)
 *     &lt;run id&gt;/                   one folder per run: meta.json, params/, tags/, metrics/, artifacts/, .lock
 * </pre>
 *
 * <p>Durability: meta, param and tag files are replaced atomically (temporary file + rename), so no reader ever sees
 * half a file. Metric files and the index are append-only; a line torn by a killed process is skipped by readers and
 * closed off by the next writer. Ending a run forces its files and the index to disk.
 *
 * <p>Atomicity: a call checks all its input (param values against the stored ones, limits, the run's state) under the
 * run's lock before it writes anything, and the index record is its last write. A call that fails part-way through its
 * writes takes them back ({@link UndoLog}): appended metric lines are cut off, replaced files are put back, a
 * half-created run folder is removed. So a call takes effect whole or not at all, and a retry stores each value once.
 *
 * <p>Concurrency: every change to a run happens under its lock file, every append to an experiment's index under the
 * experiment's lock file, experiment creation and deletion under the store's lock file, always in that order (store,
 * run, experiment); {@link FileLocks} queues the threads of a JVM and takes the OS lock without ever blocking in the
 * kernel, so threads and processes can share a store.
 *
 * <p>Search: {@code runs.jsonl} records every change of a run's info, params, tags and latest metrics. The store folds
 * it in memory and, before each search, reads only what was appended since (by this or another process), so a search
 * over 100k runs never opens run folders. The run folders stay the source of truth: a run whose folder exists but is
 * missing from the index (its creator was killed in between) is added when the index is first read, and an index that
 * was deleted is rebuilt from the folders.
 *
 * <p>Opening: read-write, a missing or empty folder becomes a new store and a folder holding anything else is refused;
 * read-only ({@link #openReadOnly}), the folder must hold a store and nothing is written to it, not even a lock file
 * (see {@link StoreFolder} for what counts as a store).
 *
 * <p>Thread-safe and multi-process safe.
 */
public final class FileTrackingStore implements TrackingStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileTrackingStore.class);
    private static final String TRASH = ".trash";
    private static final String META = "meta.json";
    /** Room for one metric line: a 13-digit timestamp, a double of up to 24 characters, a step, separators. */
    private static final int LINE_CAPACITY = 48;
    private static final Set<String> RESERVED = Set.of(TRASH, "models", "tags", "datasets", "traces");

    private final URI location;
    private final Path root;
    private final Map<String, RunIndex> indexes = new ConcurrentHashMap<>();
    private final Set<String> loadedIndexes = ConcurrentHashMap.newKeySet();
    private final Map<String, String> runExperiments = new ConcurrentHashMap<>();
    private final Object loading = new Object();
    private final MetricAppender metricFiles = new MetricAppender();
    private final FileLocks locks = new FileLocks(TrackingException::new);
    private final boolean readOnly;

    /**
     * Opens the store in a folder to read and write, creating it (with the default experiment) when the folder is
     * missing or empty.
     *
     * @param location the tracking URI, for {@link #location()}
     * @param root     the folder
     * @throws ConfigurationException when the folder holds something other than an mlops4j store
     * @throws TrackingException      when the folder cannot be created or written
     */
    public FileTrackingStore(URI location, Path root) {
        this(location, root, StoreAccess.READ_WRITE);
    }

    /**
     * Opens the store in a folder. Read-only, the folder must hold a store ({@link StoreFolder#requireStore}) and
     * nothing is written: no folder, default experiment or lock file, and runs missing from a search index are added
     * to this instance's view only. Read-only stores are handed out wrapped in a {@link ReadOnlyTrackingStore}, which
     * refuses writes; reads take no locks (files are replaced by atomic renames and logs are append-only, so a reader
     * sees each file whole, before or after a change).
     *
     * @param location the tracking URI, for {@link #location()}
     * @param root     the folder
     * @param access   whether the store only reads
     * @throws ConfigurationException when the folder cannot be opened so (see {@link StoreFolder})
     * @throws TrackingException      when the folder cannot be created or written
     */
    FileTrackingStore(URI location, Path root, StoreAccess access) {
        this.location = Objects.requireNonNull(location, "location");
        this.root = root.toAbsolutePath().normalize();
        this.readOnly = access == StoreAccess.READ_ONLY;
        if (readOnly) {
            StoreFolder.requireStore(this.root, location, StoreFolder.TRACKING_HINT);
            return;
        }
        StoreFolder.requireStoreOrEmpty(this.root, location, StoreFolder.TRACKING_HINT);
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new TrackingException("Cannot create the tracking folder " + this.root + ": " + e.getMessage()
                    + ". Check the path and its permissions.", e);
        }
        ensureDefaultExperiment();
    }

    /**
     * @param root a folder, missing, empty or holding a store
     * @return the store in it, open to read and write
     */
    public static FileTrackingStore open(Path root) {
        return new FileTrackingStore(root.toAbsolutePath().toUri(), root);
    }

    /**
     * @param root a folder holding a store
     * @return the store in it, open to read only: nothing is written to the folder, and writes are refused
     * @throws ConfigurationException when the folder is missing or holds no store
     */
    public static TrackingStore openReadOnly(Path root) {
        return ReadOnlyTrackingStore.of(new FileTrackingStore(root.toAbsolutePath().toUri(), root,
                StoreAccess.READ_ONLY));
    }

    @Override
    public URI location() {
        return location;
    }

    /** @return the store's folder */
    public Path root() {
        return root;
    }

    // ------------------------------------------------------------------------------------------ experiments

    @Override
    public Experiment createExperiment(String name, Map<String, String> tags) {
        TrackingInputChecks.checkExperimentName(name);
        tags.forEach(TrackingInputChecks::checkExperimentTag);
        try (FileLocks.Held ignored = storeLock()) {
            Optional<Experiment> existing = findByName(name);
            if (existing.isPresent()) {
                throw TrackingInputChecks.alreadyExists(existing.get());
            }
            while (true) {
                String id = StoreIds.newExperimentId();
                if (Files.exists(root.resolve(TRASH).resolve(id))) {
                    continue;
                }
                try {
                    Files.createDirectory(root.resolve(id));
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                return writeNewExperiment(id, name, tags);
            }
        } catch (IOException e) {
            throw failure("create experiment '" + name + "'", e);
        }
    }

    private Experiment writeNewExperiment(String id, String name, Map<String, String> tags) throws IOException {
        Path dir = root.resolve(id);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            FileWrites.replace(dir.resolve("tags").resolve(tag.getKey()), utf8(tag.getValue()), false);
        }
        long now = System.currentTimeMillis();
        Experiment experiment = new Experiment(id, name, dir.toUri().toString().replaceAll("/$", ""),
                LifecycleStage.ACTIVE, tags, now, now);
        FileWrites.replace(dir.resolve(META), MetaJson.pretty(MetaJson.experiment(experiment,
                OptionalLong.empty())), true);
        return experiment;
    }

    private void ensureDefaultExperiment() {
        if (Files.exists(root.resolve(Experiment.DEFAULT_ID).resolve(META))
                || Files.exists(root.resolve(TRASH).resolve(Experiment.DEFAULT_ID).resolve(META))) {
            return;
        }
        try (FileLocks.Held ignored = storeLock()) {
            if (!Files.exists(root.resolve(Experiment.DEFAULT_ID).resolve(META))) {
                writeNewExperiment(Experiment.DEFAULT_ID, Experiment.DEFAULT_NAME, Map.of());
            }
        } catch (IOException e) {
            throw failure("create the default experiment", e);
        }
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        TrackingInputChecks.checkExperimentId(experimentId);
        return experimentDir(experimentId).flatMap(this::readExperiment);
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        Objects.requireNonNull(name, "name");
        return findByName(name);
    }

    private Optional<Experiment> findByName(String name) {
        Optional<Experiment> deleted = Optional.empty();
        for (Experiment experiment : allExperiments()) {
            if (experiment.name().equals(name)) {
                if (experiment.isActive()) {
                    return Optional.of(experiment);
                }
                deleted = Optional.of(experiment);
            }
        }
        return deleted;
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        return allExperiments().stream().filter(e -> viewType.includes(e.lifecycleStage()))
                .sorted(Comparator.comparing(Experiment::experimentId)).toList();
    }

    private List<Experiment> allExperiments() {
        List<Experiment> experiments = new ArrayList<>();
        for (Path parent : List.of(root, root.resolve(TRASH))) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent)) {
                for (Path dir : dirs) {
                    String name = dir.getFileName().toString();
                    if (!RESERVED.contains(name) && !name.startsWith(".")) {
                        readExperiment(dir).ifPresent(experiments::add);
                    }
                }
            } catch (IOException e) {
                throw failure("list experiments in " + parent, e);
            }
        }
        return experiments;
    }

    private Optional<Experiment> readExperiment(Path dir) {
        try {
            JsonNode meta = MetaJson.MAPPER.readTree(Files.readAllBytes(dir.resolve(META)));
            Map<String, String> tags = new HashMap<>();
            Path tagDir = dir.resolve("tags");
            if (Files.isDirectory(tagDir)) {
                try (Stream<Path> walk = Files.walk(tagDir)) {
                    for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                        if (!FileWrites.isTemporary(file.getFileName().toString())) {
                            tags.put(tagDir.relativize(file).toString().replace('\\', '/'),
                                    Files.readString(file, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            return Optional.of(MetaJson.experiment(meta, tags));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("read experiment meta in " + dir, e);
        }
    }

    private Optional<Path> experimentDir(String experimentId) {
        Path active = root.resolve(experimentId);
        if (Files.exists(active.resolve(META))) {
            return Optional.of(active);
        }
        Path trashed = root.resolve(TRASH).resolve(experimentId);
        if (Files.exists(trashed.resolve(META))) {
            return Optional.of(trashed);
        }
        return Optional.empty();
    }

    private Path requireExperimentDir(String experimentId) {
        TrackingInputChecks.checkExperimentId(experimentId);
        return experimentDir(experimentId).orElseThrow(() -> new TrackingNotFoundException("No experiment with id '"
                + experimentId + "' in the store at " + root + "."));
    }

    private Experiment requireExperiment(String experimentId) {
        return readExperiment(requireExperimentDir(experimentId)).orElseThrow(() -> new TrackingNotFoundException(
                "No experiment with id '" + experimentId + "' in the store at " + root + "."));
    }

    @Override
    public void renameExperiment(String experimentId, String newName) {
        TrackingInputChecks.checkExperimentName(newName);
        try (FileLocks.Held ignored = storeLock()) {
            Experiment experiment = requireExperiment(experimentId);
            if (!experiment.isActive()) {
                throw new InvalidTrackingInputException("Experiment " + experimentId + " ('" + experiment.name()
                        + "') is deleted; restore it before renaming it.");
            }
            Optional<Experiment> other = findByName(newName);
            if (other.isPresent() && !other.get().experimentId().equals(experimentId)) {
                throw TrackingInputChecks.alreadyExists(other.get());
            }
            writeExperimentMeta(requireExperimentDir(experimentId), new Experiment(experimentId, newName,
                    experiment.artifactLocation(), experiment.lifecycleStage(), experiment.tags(),
                    experiment.creationTime(), System.currentTimeMillis()), OptionalLong.empty());
        } catch (IOException e) {
            throw failure("rename experiment " + experimentId, e);
        }
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        TrackingInputChecks.checkExperimentTag(key, value);
        Path dir = requireExperimentDir(experimentId);
        try {
            FileWrites.replace(dir.resolve("tags").resolve(key), utf8(value), false);
        } catch (IOException e) {
            throw failure("set tag '" + key + "' of experiment " + experimentId, e);
        }
    }

    @Override
    public void deleteExperiment(String experimentId) {
        if (Experiment.DEFAULT_ID.equals(experimentId)) {
            throw new InvalidTrackingInputException("Cannot delete the default experiment '0'; it is reserved.");
        }
        try (FileLocks.Held ignored = storeLock()) {
            Experiment experiment = requireExperiment(experimentId);
            if (!experiment.isActive()) {
                return;
            }
            long now = System.currentTimeMillis();
            RunIndex index = index(experimentId);
            index.refresh();
            Path activeDir = root.resolve(experimentId);
            for (Run run : index.runs()) {
                if (!run.info().isActive()) {
                    // restoring brings back the runs deleted at exactly this time, so it must be unique
                    OptionalLong deletedAt = new RunFolder(activeDir.resolve(run.runId())).readMeta()
                            .map(MetaJson::deletedTime).orElse(OptionalLong.empty());
                    if (deletedAt.isPresent()) {
                        now = Math.max(now, deletedAt.getAsLong() + 1);
                    }
                }
            }
            for (Run run : index.runs()) {
                if (run.info().isActive()) {
                    setLifecycle(run.runId(), LifecycleStage.DELETED, OptionalLong.of(now));
                }
            }
            Path dir = root.resolve(experimentId);
            writeExperimentMeta(dir, withStage(experiment, LifecycleStage.DELETED, now), OptionalLong.of(now));
            Files.createDirectories(root.resolve(TRASH));
            Files.move(dir, root.resolve(TRASH).resolve(experimentId), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failure("delete experiment " + experimentId, e);
        }
    }

    @Override
    public void restoreExperiment(String experimentId) {
        try (FileLocks.Held ignored = storeLock()) {
            Experiment experiment = requireExperiment(experimentId);
            if (experiment.isActive()) {
                return;
            }
            Path trashed = root.resolve(TRASH).resolve(experimentId);
            OptionalLong deletedAt = MetaJson.deletedTime(MetaJson.MAPPER.readTree(
                    Files.readAllBytes(trashed.resolve(META))));
            Path dir = root.resolve(experimentId);
            Files.move(trashed, dir, StandardCopyOption.ATOMIC_MOVE);
            writeExperimentMeta(dir, withStage(experiment, LifecycleStage.ACTIVE, System.currentTimeMillis()),
                    OptionalLong.empty());
            RunIndex index = index(experimentId);
            index.refresh();
            for (Run run : index.runs()) {
                if (!run.info().isActive()) {
                    RunFolder folder = new RunFolder(dir.resolve(run.runId()));
                    OptionalLong runDeletedAt = folder.readMeta().map(MetaJson::deletedTime)
                            .orElse(OptionalLong.empty());
                    if (deletedAt.isEmpty() || runDeletedAt.equals(deletedAt)) {
                        setLifecycle(run.runId(), LifecycleStage.ACTIVE, OptionalLong.empty());
                    }
                }
            }
        } catch (IOException e) {
            throw failure("restore experiment " + experimentId, e);
        }
    }

    private static Experiment withStage(Experiment e, LifecycleStage stage, long now) {
        return new Experiment(e.experimentId(), e.name(), e.artifactLocation(), stage, e.tags(), e.creationTime(),
                now);
    }

    private void writeExperimentMeta(Path dir, Experiment experiment, OptionalLong deletedTime) throws IOException {
        FileWrites.replace(dir.resolve(META), MetaJson.pretty(MetaJson.experiment(experiment, deletedTime)), true);
    }

    // ------------------------------------------------------------------------------------------ runs

    @Override
    public RunInfo createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags) {
        return createRun(StoreIds.newRunId(), experimentId, runName, userId, startTime, tags);
    }

    /** Keeps the id: the run's folder is named by it. */
    @Override
    public RunInfo createRunWithId(String runId, String experimentId, String runName, String userId, long startTime,
                                   List<RunTag> tags) {
        TrackingInputChecks.checkRunId(runId);
        if (getRun(runId).isPresent()) {
            throw new TrackingAlreadyExistsException("Run " + runId + " already exists in " + location()
                    + "; a run id is given once.");
        }
        return createRun(runId, experimentId, runName, userId, startTime, tags);
    }

    @Override
    public boolean keepsRunIds() {
        return true;
    }

    private RunInfo createRun(String runId, String experimentId, String runName, String userId, long startTime,
                              List<RunTag> tags) {
        Map<String, String> tagMap = TrackingInputChecks.checkNewRun(runName, userId, startTime, tags);
        Experiment experiment = requireExperiment(experimentId);
        if (!experiment.isActive()) {
            throw TrackingInputChecks.deletedExperiment(experiment);
        }
        RunInfo info = new RunInfo(runId, experimentId, runName, userId, RunStatus.RUNNING, startTime,
                OptionalLong.empty(), experiment.artifactLocation() + "/" + runId + "/artifacts",
                LifecycleStage.ACTIVE);
        Path expDir = requireExperimentDir(experimentId);
        RunIndex index = index(experimentId);
        try (FileLocks.Held ignored = experimentLock(expDir)) {
            RunFolder folder = new RunFolder(expDir.resolve(runId));
            UndoLog undo = new UndoLog();
            try {
                Files.createDirectory(folder.dir());
                undo.add(() -> deleteTree(folder.dir()));
                for (Map.Entry<String, String> tag : tagMap.entrySet()) {
                    FileWrites.replace(folder.tag(tag.getKey()), utf8(tag.getValue()), false);
                }
                FileWrites.replace(folder.meta(), MetaJson.pretty(MetaJson.run(info, OptionalLong.empty())), false);
                index.append(List.of(RunIndex.infoRecord(info),
                        RunIndex.dataRecord(runId, Map.of(), tagMap, List.of(), List.of())));
            } catch (IOException | RuntimeException | Error e) {
                undo.rollBack(e);
                throw e;
            }
        } catch (IOException e) {
            throw failure("create a run in experiment " + experimentId, e);
        }
        runExperiments.put(runId, experimentId);
        return info;
    }

    @Override
    public RunInfo updateRun(String runId, RunStatus status, OptionalLong endTime) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endTime, "endTime");
        String experimentId = locateRun(runId);
        Path expDir = requireExperimentDir(experimentId);
        RunFolder folder = new RunFolder(expDir.resolve(runId));
        try (FileLocks.Held ignored = runLock(folder)) {
            JsonNode meta = folder.readMeta().orElseThrow(() -> notFound(runId));
            RunInfo info = MetaJson.runInfo(meta);
            requireActive(info);
            OptionalLong end = status.isTerminal()
                    ? (endTime.isPresent() ? endTime : OptionalLong.of(System.currentTimeMillis()))
                    : OptionalLong.empty();
            RunInfo updated = info.withStatus(status, end);
            replaceMetaAndIndex(experimentId, expDir, folder, MetaJson.run(updated, OptionalLong.empty()),
                    status.isTerminal(), updated);
            if (status.isTerminal()) {
                flush(folder, expDir);
            }
            return updated;
        } catch (IOException e) {
            throw failure("update run " + runId, e);
        }
    }

    /** Replaces a run's meta file and records the change in the index, or, if either fails, neither. */
    private void replaceMetaAndIndex(String experimentId, Path expDir, RunFolder folder, JsonNode meta, boolean force,
                                     RunInfo updated) throws IOException {
        UndoLog undo = new UndoLog();
        try {
            undo.beforeChanging(folder.meta());
            FileWrites.replace(folder.meta(), MetaJson.pretty(meta), force);
            appendToIndex(experimentId, expDir, List.of(RunIndex.infoRecord(updated)));
        } catch (IOException | RuntimeException | Error e) {
            undo.rollBack(e);
            throw e;
        }
    }

    private void flush(RunFolder folder, Path expDir) throws IOException {
        metricFiles.forceAndClose(folder.dir());
        try (Stream<Path> files = Files.walk(folder.dir())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                FileWrites.force(file);
            }
        }
        FileWrites.force(expDir.resolve(RunIndex.FILE_NAME));
        forceDirectory(folder.dir());
        forceDirectory(expDir);
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot force folder {} to disk: {}", dir, e.toString());
        }
    }

    @Override
    public Optional<Run> getRun(String runId) {
        TrackingInputChecks.checkRunId(runId);
        Optional<String> experimentId = findRun(runId);
        if (experimentId.isEmpty()) {
            return Optional.empty();
        }
        try {
            RunIndex index = index(experimentId.get());
            index.refresh();
            Optional<Run> indexed = index.get(runId);
            if (indexed.isPresent()) {
                return indexed;
            }
            return new RunFolder(requireExperimentDir(experimentId.get()).resolve(runId)).read();
        } catch (IOException e) {
            throw failure("read run " + runId, e);
        }
    }

    @Override
    public void deleteRun(String runId) {
        setLifecycle(runId, LifecycleStage.DELETED, OptionalLong.of(System.currentTimeMillis()));
    }

    @Override
    public void restoreRun(String runId) {
        String experimentId = locateRun(runId);
        if (!requireExperiment(experimentId).isActive()) {
            throw new InvalidTrackingInputException("Run " + runId + " belongs to deleted experiment "
                    + experimentId + "; restore the experiment instead.");
        }
        setLifecycle(runId, LifecycleStage.ACTIVE, OptionalLong.empty());
    }

    private void setLifecycle(String runId, LifecycleStage stage, OptionalLong deletedTime) {
        String experimentId = locateRun(runId);
        Path expDir = requireExperimentDir(experimentId);
        RunFolder folder = new RunFolder(expDir.resolve(runId));
        try (FileLocks.Held ignored = runLock(folder)) {
            RunInfo info = MetaJson.runInfo(folder.readMeta().orElseThrow(() -> notFound(runId)));
            RunInfo updated = info.withLifecycleStage(stage);
            replaceMetaAndIndex(experimentId, expDir, folder, MetaJson.run(updated, deletedTime), false, updated);
        } catch (IOException e) {
            throw failure("change the lifecycle stage of run " + runId, e);
        }
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        TrackingInputChecks.checkRunId(runId);
        TrackingInputChecks.checkBatch(runId, metrics, params, tags);
        Map<String, String> tagMap = new LinkedHashMap<>();
        tags.forEach(tag -> tagMap.put(tag.key(), tag.value()));
        String newName = tagMap.get(SystemTags.RUN_NAME);
        if (newName != null) {
            TrackingInputChecks.checkRunName(newName);
        }
        String experimentId = locateRun(runId);
        Path expDir = requireExperimentDir(experimentId);
        RunFolder folder = new RunFolder(expDir.resolve(runId));
        try (FileLocks.Held ignored = runLock(folder)) {
            RunInfo info = currentInfo(experimentId, folder, runId);
            requireActive(info);
            Map<String, String> newParams = new LinkedHashMap<>();
            for (Param param : params) {
                Path file = folder.param(param.key());
                if (Files.exists(file)) {
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
                    undo.beforeChanging(folder.param(param.getKey()));
                    FileWrites.replace(folder.param(param.getKey()), utf8(param.getValue()), false);
                }
                List<Metric> latest = appendMetrics(folder, metrics, undo);
                for (Map.Entry<String, String> tag : tagMap.entrySet()) {
                    undo.beforeChanging(folder.tag(tag.getKey()));
                    FileWrites.replace(folder.tag(tag.getKey()), utf8(tag.getValue()), false);
                }
                List<ObjectNode> records = new ArrayList<>(2);
                records.add(RunIndex.dataRecord(runId, newParams, tagMap, List.of(), latest));
                if (newName != null && !newName.equals(info.runName())) {
                    RunInfo renamed = info.withRunName(newName);
                    undo.beforeChanging(folder.meta());
                    FileWrites.replace(folder.meta(), MetaJson.pretty(MetaJson.run(renamed, OptionalLong.empty())),
                            false);
                    records.add(RunIndex.infoRecord(renamed));
                }
                appendToIndex(experimentId, expDir, records);
            } catch (IOException | RuntimeException | Error e) {
                undo.rollBack(e);
                throw e;
            }
        } catch (IOException e) {
            throw failure("log to run " + runId, e);
        }
    }

    /**
     * Appends a batch's values to the metric files, one write per key, noting in the undo log how to cut them off.
     *
     * @return the batch's latest value per key, for the index
     */
    private List<Metric> appendMetrics(RunFolder folder, List<Metric> metrics, UndoLog undo) throws IOException {
        if (metrics.isEmpty()) {
            return List.of();
        }
        Map<String, List<Metric>> byKey = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            byKey.computeIfAbsent(metric.key(), k -> new ArrayList<>()).add(metric);
        }
        List<Metric> latest = new ArrayList<>(byKey.size());
        for (Map.Entry<String, List<Metric>> values : byKey.entrySet()) {
            StringBuilder lines = new StringBuilder(values.getValue().size() * LINE_CAPACITY);
            Metric last = null;
            for (Metric metric : values.getValue()) {
                MetricLines.append(metric, lines);
                last = last == null ? metric : last.laterOf(metric);
            }
            latest.add(last);
            Path file = folder.metric(values.getKey());
            long before = metricFiles.append(file, lines.toString().getBytes(StandardCharsets.ISO_8859_1));
            undo.add(() -> metricFiles.truncate(file, before));
        }
        return latest;
    }

    private RunInfo currentInfo(String experimentId, RunFolder folder, String runId) throws IOException {
        RunIndex index = index(experimentId);
        index.refresh();
        Optional<Run> indexed = index.get(runId);
        if (indexed.isPresent()) {
            return indexed.get().info();
        }
        return MetaJson.runInfo(folder.readMeta().orElseThrow(() -> notFound(runId)));
    }

    private static InvalidTrackingInputException paramChanged(String runId, Param param, String old) {
        return new InvalidTrackingInputException("Changing param values is not allowed. Param with key='"
                + param.key() + "' was already logged with value='" + old + "' for run ID='" + runId
                + "'. Attempted logging new value '" + param.value() + "'. Log it under another key, or start a "
                + "new run.");
    }

    @Override
    public void deleteTag(String runId, String key) {
        TrackingInputChecks.checkRunId(runId);
        TrackingInputChecks.checkKey("Tag", key);
        String experimentId = locateRun(runId);
        Path expDir = requireExperimentDir(experimentId);
        RunFolder folder = new RunFolder(expDir.resolve(runId));
        try (FileLocks.Held ignored = runLock(folder)) {
            requireActive(currentInfo(experimentId, folder, runId));
            if (!Files.exists(folder.tag(key))) {
                throw new TrackingNotFoundException("Run " + runId + " has no tag '" + key + "' to delete.");
            }
            UndoLog undo = new UndoLog();
            try {
                undo.beforeChanging(folder.tag(key));
                Files.delete(folder.tag(key));
                appendToIndex(experimentId, expDir, List.of(RunIndex.dataRecord(runId, Map.of(), Map.of(),
                        List.of(key), List.of())));
            } catch (IOException | RuntimeException | Error e) {
                undo.rollBack(e);
                throw e;
            }
        } catch (IOException e) {
            throw failure("delete tag '" + key + "' of run " + runId, e);
        }
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        TrackingInputChecks.checkKey("Metric", key);
        String experimentId = locateRun(runId);
        try {
            return new RunFolder(requireExperimentDir(experimentId).resolve(runId)).history(key);
        } catch (IOException e) {
            throw failure("read metric '" + key + "' of run " + runId, e);
        }
    }

    @Override
    public RunsPage searchRuns(SearchRequest request) {
        List<Run> matching = new ArrayList<>();
        for (String experimentId : request.experimentIds()) {
            requireExperimentDir(experimentId);
            RunIndex index = index(experimentId);
            try {
                index.refresh();
            } catch (IOException e) {
                throw failure("read the run index of experiment " + experimentId, e);
            }
            for (Run run : index.runs()) {
                if (request.viewType().includes(run.info().lifecycleStage()) && request.filter().matches(run)) {
                    matching.add(run);
                }
            }
        }
        matching.sort(RunOrdering.comparator(request.orderBy()));
        int from = Math.min(request.offset(), matching.size());
        int to = Math.min(from + request.maxResults(), matching.size());
        Optional<String> next = to < matching.size() ? Optional.of(new PageToken(to).encode()) : Optional.empty();
        return new RunsPage(matching.subList(from, to), next);
    }

    // ------------------------------------------------------------------------------------------ artifacts

    @Override
    public void writeArtifact(String runId, String path, InputStream content) {
        artifacts(runId).write(path, content);
    }

    @Override
    public List<ArtifactInfo> listArtifacts(String runId, String path) {
        return artifacts(runId).list(path);
    }

    @Override
    public InputStream openArtifact(String runId, String path) {
        return artifacts(runId).open(path);
    }

    private ArtifactFolder artifacts(String runId) {
        String experimentId = locateRun(runId);
        return new ArtifactFolder(new RunFolder(requireExperimentDir(experimentId).resolve(runId)).artifacts(), root,
                runId);
    }

    /** Closes the metric files kept open. Nothing is buffered: every call has written its files when it returns. */
    @Override
    public void close() {
        metricFiles.close();
        indexes.clear();
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private RunIndex index(String experimentId) {
        RunIndex index = indexes.computeIfAbsent(experimentId,
                id -> new RunIndex(() -> experimentDir(id).orElse(root.resolve(id))));
        if (!loadedIndexes.contains(experimentId)) {
            synchronized (loading) {
                if (!loadedIndexes.contains(experimentId)) {
                    load(experimentId, index);
                    loadedIndexes.add(experimentId);
                }
            }
        }
        return index;
    }

    /**
     * Reads the index and adds runs whose folders it does not know (their creator was killed in between): to the
     * index file, or when read-only to this instance's view only.
     */
    private void load(String experimentId, RunIndex index) {
        Optional<Path> dir = experimentDir(experimentId);
        if (dir.isEmpty()) {
            return;
        }
        // read-only, no lock is taken (a null resource is not closed): the log is append-only
        try (FileLocks.Held ignored = readOnly ? null : experimentLock(dir.get())) {
            index.refresh();
            List<ObjectNode> missing = new ArrayList<>();
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir.get(), Files::isDirectory)) {
                for (Path child : children) {
                    String name = child.getFileName().toString();
                    if (RESERVED.contains(name) || name.startsWith(".") || index.get(name).isPresent()) {
                        continue;
                    }
                    Optional<Run> run = new RunFolder(child).read();
                    if (run.isPresent()) {
                        LOG.info("Adding run {} of experiment {} to the search index from its folder", name,
                                experimentId);
                        Run r = run.get();
                        missing.add(RunIndex.infoRecord(r.info()));
                        missing.add(RunIndex.dataRecord(r.runId(), r.data().params(), r.data().tags(), List.of(),
                                r.data().metrics().values()));
                    }
                }
            }
            if (!missing.isEmpty() && readOnly) {
                index.applyUnwritten(missing);
            } else if (!missing.isEmpty()) {
                index.append(missing);
            }
            for (Run run : index.runs()) {
                runExperiments.put(run.runId(), experimentId);
            }
        } catch (IOException e) {
            throw failure("load the run index of experiment " + experimentId, e);
        }
    }

    private void appendToIndex(String experimentId, Path expDir, List<ObjectNode> records) throws IOException {
        RunIndex index = index(experimentId);
        try (FileLocks.Held ignored = experimentLock(expDir)) {
            index.append(records);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    private String locateRun(String runId) {
        TrackingInputChecks.checkRunId(runId);
        return findRun(runId).orElseThrow(() -> notFound(runId));
    }

    private Optional<String> findRun(String runId) {
        String known = runExperiments.get(runId);
        if (known != null && experimentDir(known).map(d -> Files.exists(d.resolve(runId))).orElse(false)) {
            return Optional.of(known);
        }
        for (Experiment experiment : allExperiments()) {
            Optional<Path> dir = experimentDir(experiment.experimentId());
            if (dir.isPresent() && Files.exists(dir.get().resolve(runId).resolve(META))) {
                runExperiments.put(runId, experiment.experimentId());
                return Optional.of(experiment.experimentId());
            }
        }
        return Optional.empty();
    }

    private static void requireActive(RunInfo info) {
        if (!info.isActive()) {
            throw new InvalidTrackingInputException("The run " + info.runId() + " must be in the 'active' "
                    + "lifecycle stage to be changed; it is deleted. Restore it first.");
        }
    }

    private TrackingNotFoundException notFound(String runId) {
        return new TrackingNotFoundException("No run with id '" + runId + "' in the store at " + root + ".");
    }

    private FileLocks.Held storeLock() {
        return locks.lock(root.resolve(".lock"), FileLocks.Level.STORE);
    }

    private FileLocks.Held experimentLock(Path expDir) {
        return locks.lock(expDir.resolve(".lock"), FileLocks.Level.EXPERIMENT);
    }

    private FileLocks.Held runLock(RunFolder folder) {
        return locks.lock(folder.lockFile(), FileLocks.Level.RUN);
    }

    private TrackingException failure(String what, IOException e) {
        return new TrackingException("Cannot " + what + " in the file store at " + root + ": " + e, e);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

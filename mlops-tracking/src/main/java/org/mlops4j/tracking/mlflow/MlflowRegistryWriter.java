package org.mlops4j.tracking.mlflow;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mlops4j.core.spi.support.FileLocks;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelAlreadyExistsException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.tracking.internal.FileWrites;
import org.mlops4j.tracking.internal.UndoLog;
import org.mlops4j.tracking.registry.internal.PreparedVersion;
import org.mlops4j.tracking.registry.internal.RegistryRules;
import org.mlops4j.tracking.registry.internal.StageTransitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the model registry into MLflow's file layout as {@code mlflow/store/model_registry/file_store.py}
 * ({@code FileStore}) writes it, so that MLflow's UI and client read it:
 * <ul>
 *   <li>{@code create_registered_model}: {@code models/<name>/meta.yaml} as {@code dict(RegisteredModel)} without
 *       {@code tags} and {@code latest_versions} ({@code aliases} (a mapping), {@code creation_timestamp},
 *       {@code description}, {@code last_updated_timestamp}, {@code name}), one file per tag in {@code tags/}.</li>
 *   <li>Every change of a model, its tags, aliases or versions rewrites the model's {@code meta.yaml} with a new
 *       {@code last_updated_timestamp} and its current aliases ({@code _update_registered_model_last_updated_time});
 *       {@code update_registered_model} its {@code description}; a rewrite keeps every field it does not change
 *       (MLflow 3.x fields included).</li>
 *   <li>{@code create_model_version}: {@code version-<n>/meta.yaml} as {@code dict(FileModelVersion)} without
 *       {@code tags} ({@code aliases: []}, {@code creation_timestamp}, {@code current_stage: None},
 *       {@code description}, {@code last_updated_timestamp}, {@code name}, {@code run_id}, {@code run_link},
 *       {@code source}, {@code status: READY}, {@code status_message}, {@code storage_location} (the source),
 *       {@code user_id}, {@code version} as an integer), its tags in {@code version-<n>/tags/}; {@code n} is one
 *       more than the highest version folder, deleted versions included ({@code next_version}).</li>
 *   <li>{@code transition_model_version_stage} (with {@code archive_existing_versions}: the other versions in the
 *       target stage become {@code Archived}), {@code update_model_version}, {@code set_model_version_tag},
 *       {@code delete_model_version_tag}, {@code set_registered_model_alias} ({@code aliases/<alias>} holding the
 *       number), {@code delete_registered_model_alias}.</li>
 *   <li>{@code delete_model_version}: the version stays with {@code current_stage: Deleted_Internal} (so its number
 *       is never given again) and the aliases naming it are removed; {@code delete_registered_model} removes the
 *       model's folder; {@code rename_registered_model}: the folder under its new name, every {@code meta.yaml} in it
 *       with the new {@code name} (MLflow's rename loses the model's tags and aliases; this one keeps them).</li>
 * </ul>
 *
 * <p>Crash safety: a new model, a new version and a renamed model are made whole in the work folder
 * {@value #WORK_FOLDER} at the store's root and renamed into place, so MLflow never sees a model or version folder
 * without its {@code meta.yaml} (its listings fail on one); a deleted model is renamed into the work folder before it
 * is removed. MLflow ignores the work folder: it takes no root sub-folder whose name ends in {@code .trash} for an
 * experiment ({@code _get_active_experiments}), and deleted experiments are only those in {@code .trash/} itself.
 * Every {@code meta.yaml} is replaced atomically (a temporary file in its own folder, where MLflow reads no other
 * file); tag and alias files too, their temporary files in the model's or version's folder ({@link KeyedFiles}). A
 * rename killed between its two folder moves leaves the model under both names, each whole. A call that fails
 * part-way takes back what it wrote ({@link UndoLog}); a stage transition moves the target first and archives the
 * others after it, so that a killed one leaves a version in the stage rather than none.
 *
 * <p>Concurrency: each call holds the lock of its model ({@link MlflowLocks#models}; a rename both models'), from
 * reading the folder to the last write, so version numbers are unique and stage changes serialised across threads and
 * processes.
 *
 * <p>Thread-safe and multi-process safe among mlops4j writers.
 */
final class MlflowRegistryWriter {

    /** The work folder at the store's root, where new and deleted folders are kept out of MLflow's sight. */
    static final String WORK_FOLDER = ".mlops4j-registry.trash";

    private static final Logger LOG = LoggerFactory.getLogger(MlflowRegistryWriter.class);
    private static final String META = MetaYaml.FILE_NAME;
    private static final String NEW = "new-";
    private static final String DELETED = "deleted-";
    /** How often a version number taken by a writer outside mlops4j's locks (MLflow) is tried again. */
    private static final int CREATE_VERSION_TRIES = 3;
    /** An alias that can be a file of {@code aliases/}. */
    private static final Pattern ALIAS_FILE = Pattern.compile("[\\w\\-]+", Pattern.UNICODE_CHARACTER_CLASS);

    private final URI location;
    private final Path root;
    private final Path models;
    private final MlflowLocks locks;
    private final BiConsumer<Path, String> malformed;

    /**
     * @param location  the registry's URI, for messages
     * @param root      the store's folder, which must exist
     * @param malformed told of each folder or file that a read skips, with the message saying why
     */
    MlflowRegistryWriter(URI location, Path root, BiConsumer<Path, String> malformed) {
        this.location = location;
        this.root = root.toAbsolutePath().normalize();
        this.models = this.root.resolve(MlflowLayout.MODELS);
        this.locks = new MlflowLocks(this.root, (message, cause) -> new ModelRegistryException(message, cause));
        this.malformed = malformed;
    }

    // ------------------------------------------------------------------------------------------ models

    RegisteredModel createModel(String name, String description, Map<String, String> tags) {
        Path dir = modelDir(name);
        Objects.requireNonNull(description, "description");
        RegistryRules.checkTags(tags);
        try (FileLocks.Held ignored = locks.models(name)) {
            if (Files.exists(dir)) {
                throw new ModelAlreadyExistsException("Registered model '" + name + "' already exists in "
                        + location + ". Register a new version of it, or choose another name.");
            }
            Files.createDirectories(models);
            Path staged = newWorkFolder();
            try {
                long now = System.currentTimeMillis();
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("aliases", Map.of());
                meta.put("creation_timestamp", now);
                meta.put("description", description.isEmpty() ? null : description);
                meta.put("last_updated_timestamp", now);
                meta.put("name", name);
                FileWrites.replace(staged.resolve(META), MetaYaml.dump(meta), false);
                for (Map.Entry<String, String> tag : tags.entrySet()) {
                    KeyedFiles.write(staged, staged.resolve("tags").resolve(tag.getKey()), tag.getValue());
                }
                Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
                staged = null;
            } finally {
                removeQuietly(staged);
            }
            LOG.debug("Created registered model '{}' in {}", name, location);
            return model(dir);
        } catch (IOException e) {
            throw failure("create model '" + name + "'", e);
        }
    }

    RegisteredModel renameModel(String name, String newName) {
        Path from = modelDir(name);
        Path to = modelDir(newName);
        try (FileLocks.Held ignored = locks.models(name, newName)) {
            requireModel(name);
            if (name.equals(newName)) {
                return model(from);
            }
            if (Files.exists(to)) {
                throw new ModelAlreadyExistsException("Cannot rename model '" + name + "' to '" + newName
                        + "': a model called '" + newName + "' already exists in " + location + ".");
            }
            long now = System.currentTimeMillis();
            Path staged = newWorkFolder();
            try {
                copyTree(from, staged);
                for (Path versionDir : MlflowLayout.subFolders(staged)) {
                    if (versionDir.getFileName().toString().startsWith(MlflowModelFolder.VERSION_PREFIX)
                            && Files.isRegularFile(versionDir.resolve(META))) {
                        rewriteVersion(versionDir, Map.<String, Object>of("name", newName, "last_updated_timestamp", now));
                    }
                }
                rewriteModel(staged, Map.<String, Object>of("name", newName, "last_updated_timestamp", now));
                Files.move(staged, to, StandardCopyOption.ATOMIC_MOVE);
                staged = null;
            } finally {
                removeQuietly(staged);
            }
            remove(from);
            LOG.debug("Renamed registered model '{}' to '{}' in {}", name, newName, location);
            return model(to);
        } catch (IOException e) {
            throw failure("rename model '" + name + "' to '" + newName + "'", e);
        }
    }

    void deleteModel(String name) {
        try (FileLocks.Held ignored = locks.models(name)) {
            remove(requireModel(name));
            LOG.debug("Deleted registered model '{}' from {}", name, location);
        } catch (IOException e) {
            throw failure("delete model '" + name + "'", e);
        }
    }

    RegisteredModel updateModelDescription(String name, String description) {
        Objects.requireNonNull(description, "description");
        return onModel(name, "change the description of model '" + name + "'", dir -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("description", description);
            changes.put("last_updated_timestamp", System.currentTimeMillis());
            rewriteModel(dir, changes);
        });
    }

    RegisteredModel setModelTag(String name, String key, String value) {
        RegistryRules.checkTag(key, value);
        return onModel(name, "set tag '" + key + "' of model '" + name + "'", dir -> {
            KeyedFiles.write(dir, dir.resolve("tags").resolve(key), value);
            touch(dir);
        });
    }

    RegisteredModel deleteModelTag(String name, String key) {
        RegistryRules.checkTagKey(key);
        return onModel(name, "delete tag '" + key + "' of model '" + name + "'", dir -> {
            if (Files.deleteIfExists(dir.resolve("tags").resolve(key))) {
                touch(dir);
            }
        });
    }

    // ------------------------------------------------------------------------------------------ versions

    ModelVersion createVersion(PreparedVersion version) {
        String name = version.name();
        Path dir = modelDir(name);
        try (FileLocks.Held ignored = locks.models(name)) {
            requireModel(name);
            long now = System.currentTimeMillis();
            Path staged = newWorkFolder();
            try {
                Map<String, String> tags = new TreeMap<>(version.tags());
                version.inputSchema().ifPresent(schema -> tags.put(MlflowModelFolder.INPUT_SCHEMA_TAG, schema));
                for (Map.Entry<String, String> tag : tags.entrySet()) {
                    KeyedFiles.write(staged, staged.resolve("tags").resolve(tag.getKey()), tag.getValue());
                }
                // the model's time first, as MLflow does: a failure after it leaves no version behind
                touch(dir);
                for (int tries = 1; ; tries++) {
                    int number = MlflowModelFolder.highestNumber(dir) + 1;
                    FileWrites.replace(staged.resolve(META), MetaYaml.dump(versionMeta(version, number, now)),
                            false);
                    try {
                        Files.move(staged, dir.resolve(MlflowModelFolder.VERSION_PREFIX + number),
                                StandardCopyOption.ATOMIC_MOVE);
                        staged = null;
                        LOG.debug("Registered version {} of model '{}' in {}", number, name, location);
                        return version(dir, number);
                    } catch (FileAlreadyExistsException taken) {
                        if (tries == CREATE_VERSION_TRIES) {
                            throw taken;
                        }
                    }
                }
            } finally {
                removeQuietly(staged);
            }
        } catch (IOException e) {
            throw failure("register a version of model '" + name + "'", e);
        }
    }

    /** A new version's fields as {@code create_model_version} writes them. */
    private static Map<String, Object> versionMeta(PreparedVersion version, int number, long now) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("aliases", List.of());
        meta.put("creation_timestamp", now);
        meta.put("current_stage", ModelStage.NONE.displayName());
        meta.put("description", version.description().isEmpty() ? null : version.description());
        meta.put("last_updated_timestamp", now);
        meta.put("name", version.name());
        meta.put("run_id", version.runId().orElse(null));
        meta.put("run_link", null);
        meta.put("source", version.source());
        meta.put("status", "READY");
        meta.put("status_message", null);
        meta.put("storage_location", version.source());
        meta.put("user_id", null);
        meta.put("version", number);
        return meta;
    }

    ModelVersion transitionStage(String name, int version, ModelStage stage, boolean archiveExisting) {
        Objects.requireNonNull(stage, "stage");
        StageTransitions.checkArchiveExisting(stage, archiveExisting);
        return changeVersion(name, version, "move version " + version + " of model '" + name + "' to stage " + stage,
                (dir, versionDir) -> {
                    long now = System.currentTimeMillis();
                    UndoLog undo = new UndoLog();
                    try {
                        undo.beforeChanging(versionDir.resolve(META));
                        rewriteVersion(versionDir, Map.<String, Object>of("current_stage", stage.displayName(),
                                "last_updated_timestamp", now));
                        if (archiveExisting) {
                            for (ModelVersion other : MlflowModelFolder.versions(dir, malformed)) {
                                if (other.version() != version && other.stage() == stage) {
                                    Path otherDir = dir.resolve(MlflowModelFolder.VERSION_PREFIX + other.version());
                                    undo.beforeChanging(otherDir.resolve(META));
                                    rewriteVersion(otherDir, Map.<String, Object>of("current_stage",
                                            ModelStage.ARCHIVED.displayName(), "last_updated_timestamp", now));
                                }
                            }
                        }
                        touch(dir);
                    } catch (IOException | RuntimeException | Error e) {
                        undo.rollBack(e);
                        throw e;
                    }
                });
    }

    ModelVersion updateVersionDescription(String name, int version, String description) {
        Objects.requireNonNull(description, "description");
        return changeVersion(name, version, "change the description of version " + version + " of model '" + name + "'",
                (dir, versionDir) -> rewriteVersion(versionDir, Map.<String, Object>of("description", description,
                        "last_updated_timestamp", System.currentTimeMillis())));
    }

    ModelVersion setVersionTag(String name, int version, String key, String value) {
        RegistryRules.checkTag(key, value);
        checkNotSchemaTag(key);
        return changeVersion(name, version, "set tag '" + key + "' of version " + version + " of model '" + name + "'",
                (dir, versionDir) -> {
                    KeyedFiles.write(versionDir, versionDir.resolve("tags").resolve(key), value);
                    touch(dir);
                });
    }

    ModelVersion deleteVersionTag(String name, int version, String key) {
        RegistryRules.checkTagKey(key);
        checkNotSchemaTag(key);
        return changeVersion(name, version, "delete tag '" + key + "' of version " + version + " of model '" + name
                + "'", (dir, versionDir) -> {
                    if (Files.deleteIfExists(versionDir.resolve("tags").resolve(key))) {
                        touch(dir);
                    }
                });
    }

    void deleteVersion(String name, int version) {
        onVersion(name, version, "delete version " + version + " of model '" + name + "'", (dir, versionDir) -> {
            // the aliases go first: a writer killed in between leaves the version without its aliases, never an
            // alias naming a deleted version
            for (Map.Entry<String, Integer> alias : MlflowModelFolder.aliases(dir, malformed).entrySet()) {
                if (alias.getValue() == version) {
                    Files.deleteIfExists(dir.resolve("aliases").resolve(alias.getKey()));
                }
            }
            rewriteVersion(versionDir, Map.<String, Object>of("current_stage", MlflowModelFolder.DELETED_STAGE,
                    "last_updated_timestamp", System.currentTimeMillis()));
            touch(dir);
            return null;
        });
        LOG.debug("Deleted version {} of model '{}' from {}", version, name, location);
    }

    ModelVersion setAlias(String name, String alias, int version) {
        RegistryRules.checkAlias(alias);
        return changeVersion(name, version, "point alias '" + alias + "' of model '" + name + "' at version " + version,
                (dir, versionDir) -> {
                    KeyedFiles.write(dir, dir.resolve("aliases").resolve(alias), Integer.toString(version));
                    touch(dir);
                });
    }

    void deleteAlias(String name, String alias) {
        Objects.requireNonNull(alias, "alias");
        onModel(name, "delete alias '" + alias + "' of model '" + name + "'", dir -> {
            if (ALIAS_FILE.matcher(alias).matches() && Files.deleteIfExists(dir.resolve("aliases").resolve(alias))) {
                touch(dir);
            }
        });
    }

    // ------------------------------------------------------------------------------------------ files

    /** A change of a model's folder, under the model's lock. */
    @FunctionalInterface
    private interface ModelWork {
        void run(Path dir) throws IOException;
    }

    /** Work on a version's folder, under its model's lock. */
    @FunctionalInterface
    private interface VersionWork<T> {
        T run(Path dir, Path versionDir) throws IOException;
    }

    /** A change of a version's folder. */
    @FunctionalInterface
    private interface VersionChange {
        void run(Path dir, Path versionDir) throws IOException;
    }

    private RegisteredModel onModel(String name, String what, ModelWork work) {
        try (FileLocks.Held ignored = locks.models(name)) {
            Path dir = requireModel(name);
            work.run(dir);
            return model(dir);
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    /** Changes a version and reads it back, under the model's lock. */
    private ModelVersion changeVersion(String name, int version, String what, VersionChange change) {
        return onVersion(name, version, what, (dir, versionDir) -> {
            change.run(dir, versionDir);
            return version(dir, version);
        });
    }

    private <T> T onVersion(String name, int version, String what, VersionWork<T> work) {
        try (FileLocks.Held ignored = locks.models(name)) {
            Path dir = requireModel(name);
            if (MlflowModelFolder.version(dir, version, malformed).isEmpty()) {
                throw new ModelNotFoundException("Model '" + name + "' has no version " + version + " in " + location
                        + " (versions: " + MlflowModelFolder.versions(dir, malformed).stream()
                        .map(ModelVersion::version).toList() + ").");
            }
            return work.run(dir, dir.resolve(MlflowModelFolder.VERSION_PREFIX + version));
        } catch (IOException e) {
            throw failure(what, e);
        }
    }

    /**
     * Rewrites a model's {@code meta.yaml} as MLflow's {@code _save_registered_model_as_meta_file}: the fields it
     * has, the changes, and the current aliases.
     */
    private void rewriteModel(Path dir, Map<String, Object> changes) throws IOException {
        Map<String, Object> meta = meta(dir);
        meta.remove("tags");
        meta.remove("latest_versions");
        meta.putAll(changes);
        meta.put("aliases", new TreeMap<>(KeyedFiles.read(dir.resolve("aliases"))));
        FileWrites.replace(dir.resolve(META), dump(dir, meta), false);
    }

    /** A change of a model: a new {@code last_updated_timestamp} ({@code _update_registered_model_last_updated_time}). */
    private void touch(Path dir) throws IOException {
        rewriteModel(dir, Map.<String, Object>of("last_updated_timestamp", System.currentTimeMillis()));
    }

    /** Rewrites a version's {@code meta.yaml}: its fields, the changes, and the aliases naming it. */
    private void rewriteVersion(Path versionDir, Map<String, Object> changes) throws IOException {
        Map<String, Object> meta = meta(versionDir);
        meta.remove("tags");
        meta.putAll(changes);
        String number = versionDir.getFileName().toString().substring(MlflowModelFolder.VERSION_PREFIX.length());
        boolean deleted = MlflowModelFolder.DELETED_STAGE.equals(meta.get("current_stage"));
        meta.put("aliases", deleted ? List.of() : MlflowModelFolder.aliases(versionDir.getParent(), malformed)
                .entrySet().stream().filter(a -> Integer.toString(a.getValue()).equals(number))
                .map(Map.Entry::getKey).sorted().toList());
        FileWrites.replace(versionDir.resolve(META), dump(versionDir, meta), false);
    }

    private Map<String, Object> meta(Path dir) {
        try {
            return MetaYaml.of(dir).toMap();
        } catch (MalformedFolderException e) {
            throw new ModelRegistryException("Cannot change " + dir + " in " + location + ": " + e.getMessage()
                    + " Repair or remove the folder with MLflow's tools.", e);
        }
    }

    private byte[] dump(Path dir, Map<String, Object> meta) {
        try {
            return MetaYaml.dump(meta);
        } catch (IllegalArgumentException e) {
            throw new ModelRegistryException("Cannot rewrite " + dir.resolve(META) + " in " + location + ": "
                    + e.getMessage() + ". mlops4j keeps every field MLflow wrote and cannot write this one; change"
                    + " it with MLflow's tools.", e);
        }
    }

    private Path modelDir(String name) {
        RegistryRules.checkModelName(name);
        Path dir = models.resolve(name).normalize();
        if (!models.equals(dir.getParent())) {
            throw new InvalidRegistryValueException("Invalid registered model name '" + name + "': it does not name"
                    + " a folder directly inside " + models + ".");
        }
        return dir;
    }

    private Path requireModel(String name) {
        Path dir = modelDir(name);
        if (!Files.isRegularFile(dir.resolve(META))) {
            throw new ModelNotFoundException("Registered model '" + name + "' does not exist in " + location
                    + "; check the name, or register a first version under it.");
        }
        return dir;
    }

    private RegisteredModel model(Path dir) {
        try {
            return MlflowModelFolder.model(dir, malformed);
        } catch (MalformedFolderException e) {
            throw new ModelRegistryException(e.getMessage(), e);
        }
    }

    private ModelVersion version(Path dir, int number) {
        return MlflowModelFolder.version(dir, number, malformed).orElseThrow(() -> new ModelRegistryException(
                "Version " + number + " of model '" + dir.getFileName() + "' cannot be read back from " + dir
                        + " after it was written; another writer (MLflow) may have changed it. Try again."));
    }

    private static void checkNotSchemaTag(String key) {
        if (key.equals(MlflowModelFolder.INPUT_SCHEMA_TAG)) {
            throw new InvalidRegistryValueException("The version tag '" + key + "' keeps the version's input schema"
                    + " in MLflow's file layout and is not set or deleted as a tag. Give the schema when registering"
                    + " the version (NewModelVersion.inputSchema), or use another tag key.");
        }
    }

    /** A new, empty folder in the work folder, where a model or version is made before it is renamed into place. */
    private Path newWorkFolder() throws IOException {
        Path work = Files.createDirectories(root.resolve(WORK_FOLDER));
        return Files.createDirectory(work.resolve(NEW + UUID.randomUUID()));
    }

    /** Removes a model's folder: renamed into the work folder in one step, then deleted there. */
    private void remove(Path dir) throws IOException {
        Path work = Files.createDirectories(root.resolve(WORK_FOLDER));
        Files.move(dir, work.resolve(DELETED + UUID.randomUUID()), StandardCopyOption.ATOMIC_MOVE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(work, DELETED + "*")) {
            for (Path entry : entries) {
                removeQuietly(entry);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!FileWrites.isTemporary(path.getFileName().toString())) {
                    Files.copy(path, target);
                }
            }
        }
    }

    /** Deletes a tree; what cannot be deleted now (another process deleting it too) is left for the next delete. */
    private static void removeQuietly(Path tree) {
        if (tree == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("Could not remove {} yet: {}", tree, e.toString());
        }
    }

    private ModelRegistryException failure(String what, IOException e) {
        return new ModelRegistryException("Cannot " + what + " in the MLflow registry at " + location + ": " + e
                + ". Check that the folder exists, is writable and the disk is not full.", e);
    }
}

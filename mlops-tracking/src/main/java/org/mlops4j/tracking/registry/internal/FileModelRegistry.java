package org.mlops4j.tracking.registry.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.spi.support.FileLocks;
import org.mlops4j.core.spi.support.LikePattern;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelAlreadyExistsException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.StoreAccess;
import org.mlops4j.tracking.internal.StoreFolder;
import org.mlops4j.tracking.registry.internal.ModelDocument.VersionDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model registry in a folder: {@code <root>/models/<name>/model.json} holds one model with all its versions, stages,
 * aliases and tags, and is replaced atomically (temporary file, fsync, rename) on every change. Readers take no lock
 * and see a model either before or after a change, never half of one; a process killed in the middle of a write
 * leaves the previous file in place. Writers hold the model's lock file ({@code models/.locks/<sha-256 of the
 * name>.lock}, taken with {@link FileLocks}) from reading the file to replacing it, so version numbers are unique and
 * stage changes are serialised across threads and processes.
 *
 * <p>Deleting a model moves its folder into {@code <root>/models/.trash} in one rename and then removes it; renaming
 * one is a single folder rename. Names are checked by {@link RegistryRules} and must resolve to a direct child of the
 * models folder. On file systems that ignore case, names that differ only in case are the same model.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class FileModelRegistry implements ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FileModelRegistry.class);
    private static final String MODEL_FILE = "model.json";

    private final URI location;
    private final Path folder;
    private final Path trash;
    private final ObjectMapper json;

    /**
     * Opens the registry under a store root to read and write, creating the folders when the root is missing or
     * empty.
     *
     * @param location the registry URI, for messages
     * @param root     the store's root folder; the registry lives in its {@code models} sub-folder
     * @throws org.mlops4j.core.ConfigurationException when the root holds something other than an mlops4j store
     */
    public FileModelRegistry(URI location, Path root) {
        this(location, root, StoreAccess.READ_WRITE);
    }

    /**
     * Opens the registry under a store root. Read-only, the root must hold an mlops4j store (see
     * {@link StoreFolder}) and nothing is written: no folder, lock file or trash; a store without a {@code models}
     * folder reads as an empty registry. Read-only registries are handed out wrapped in a
     * {@link org.mlops4j.core.tracking.readonly.ReadOnlyModelRegistry}, which refuses writes.
     *
     * @param location the registry URI, for messages
     * @param root     the store's root folder; the registry lives in its {@code models} sub-folder
     * @param access   whether the registry only reads
     * @throws org.mlops4j.core.ConfigurationException when the root cannot be opened so
     * @throws ModelRegistryException                  when the folders cannot be created
     */
    public FileModelRegistry(URI location, Path root, StoreAccess access) {
        this.location = Objects.requireNonNull(location, "location");
        this.json = new ObjectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Path absolute = root.toAbsolutePath().normalize();
        if (access == StoreAccess.READ_ONLY) {
            StoreFolder.requireStore(absolute, location, StoreFolder.REGISTRY_HINT);
            this.folder = absolute.resolve("models");
            this.trash = folder.resolve(".trash");
            LOG.debug("Opened file model registry {} in {}, read-only", location, folder);
            return;
        }
        StoreFolder.requireStoreOrEmpty(absolute, location, StoreFolder.REGISTRY_HINT);
        try {
            Files.createDirectories(root.resolve("models"));
            this.folder = root.resolve("models").toRealPath();
            this.trash = Files.createDirectories(folder.resolve(".trash"));
        } catch (IOException e) {
            throw new ModelRegistryException("Cannot create the model registry folder " + root.resolve("models")
                    + " for " + location + ": " + e + ". Check the path and its permissions.", e);
        }
        emptyTrash();
        LOG.debug("Opened file model registry {} in {}", location, folder);
    }

    @Override
    public URI location() {
        return location;
    }

    // ---- registered models ------------------------------------------------------------------------------------

    @Override
    public RegisteredModel createModel(String name, String description, Map<String, String> tags) {
        Path dir = modelDir(name);
        Objects.requireNonNull(description, "description");
        RegistryRules.checkTags(tags);
        return underLock(() -> {
            if (read(name).isPresent()) {
                throw new ModelAlreadyExistsException("Registered model '" + name + "' already exists in "
                        + location + ". Register a new version of it, or choose another name.");
            }
            long now = System.currentTimeMillis();
            ModelDocument doc = new ModelDocument();
            doc.createdAt = now;
            doc.updatedAt = now;
            doc.description = description;
            doc.tags.putAll(tags);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw failure("create the folder of model '" + name + "'", dir, e);
            }
            write(name, doc);
            LOG.debug("Created registered model '{}' in {}", name, location);
            return doc.toModel(name);
        }, name);
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        return read(checkedName(name)).map(doc -> doc.toModel(name));
    }

    @Override
    public List<RegisteredModel> listModels() {
        List<RegisteredModel> models = new ArrayList<>();
        for (String name : modelNames()) {
            read(name).ifPresent(doc -> models.add(doc.toModel(name)));
        }
        return models;
    }

    @Override
    public List<RegisteredModel> searchModels(String namePattern) {
        java.util.regex.Pattern pattern = LikePattern.compile(namePattern, false);
        List<RegisteredModel> models = new ArrayList<>();
        for (String name : modelNames()) {
            if (pattern.matcher(name).matches()) {
                read(name).ifPresent(doc -> models.add(doc.toModel(name)));
            }
        }
        return models;
    }

    @Override
    public RegisteredModel renameModel(String name, String newName) {
        Path from = modelDir(name);
        Path to = modelDir(newName);
        if (name.equals(newName)) {
            return getModel(name);
        }
        return underLock(() -> {
            ModelDocument doc = read(name).orElseThrow(() -> modelNotFound(name));
            if (read(newName).isPresent()) {
                throw new ModelAlreadyExistsException("Cannot rename model '" + name + "' to '" + newName
                        + "': a model called '" + newName + "' already exists in " + location + ".");
            }
            if (Files.exists(to)) {
                moveToTrash(newName, to);
            }
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw failure("rename model '" + name + "' to '" + newName + "'", from, e);
            }
            doc.updatedAt = System.currentTimeMillis();
            try {
                write(newName, doc);
            } catch (RuntimeException e) {
                moveBack(to, from, e);
                throw e;
            }
            LOG.debug("Renamed registered model '{}' to '{}' in {}", name, newName, location);
            return doc.toModel(newName);
        }, name, newName);
    }

    @Override
    public void deleteModel(String name) {
        Path dir = modelDir(name);
        underLock(() -> {
            if (read(name).isEmpty()) {
                throw modelNotFound(name);
            }
            moveToTrash(name, dir);
            return dir;
        }, name);
        emptyTrash();
        LOG.debug("Deleted registered model '{}' from {}", name, location);
    }

    @Override
    public RegisteredModel updateModelDescription(String name, String description) {
        Objects.requireNonNull(description, "description");
        return change(name, (doc, now) -> {
            doc.description = description;
            return doc.toModel(name);
        });
    }

    @Override
    public RegisteredModel setModelTag(String name, String key, String value) {
        RegistryRules.checkTag(key, value);
        return change(name, (doc, now) -> {
            doc.tags.put(key, value);
            return doc.toModel(name);
        });
    }

    @Override
    public RegisteredModel deleteModelTag(String name, String key) {
        RegistryRules.checkTagKey(key);
        return change(name, (doc, now) -> {
            doc.tags.remove(key);
            return doc.toModel(name);
        });
    }

    // ---- versions ---------------------------------------------------------------------------------------------

    @Override
    public ModelVersion createVersion(NewModelVersion spec) {
        Objects.requireNonNull(spec, "spec");
        PreparedVersion prepared = RegistryRules.prepare(spec, this);
        String name = prepared.name();
        modelDir(name);
        ModelVersion created = change(name, (doc, now) -> {
            int highest = doc.versions.stream().mapToInt(v -> v.version).max().orElse(0);
            VersionDocument v = new VersionDocument();
            v.version = Math.max(doc.lastVersion, highest) + 1;
            v.createdAt = now;
            v.updatedAt = now;
            v.source = prepared.source();
            v.runId = prepared.runId().orElse(null);
            v.inputSchema = prepared.inputSchema().orElse(null);
            v.description = prepared.description();
            v.tags.putAll(prepared.tags());
            doc.versions.add(v);
            doc.lastVersion = v.version;
            return doc.toVersion(name, v);
        });
        LOG.debug("Registered version {} of model '{}' in {}", created.version(), name, location);
        return created;
    }

    @Override
    public Optional<ModelVersion> findVersion(String name, int version) {
        return read(checkedName(name)).flatMap(doc -> doc.version(version).map(v -> doc.toVersion(name, v)));
    }

    @Override
    public List<ModelVersion> listVersions(String name) {
        ModelDocument doc = read(checkedName(name)).orElseThrow(() -> modelNotFound(name));
        return doc.versions.stream().sorted(Comparator.comparingInt(v -> v.version))
                .map(v -> doc.toVersion(name, v)).toList();
    }

    @Override
    public List<ModelVersion> versionsOfRun(String runId) {
        Objects.requireNonNull(runId, "runId");
        List<ModelVersion> found = new ArrayList<>();
        for (String name : modelNames()) {
            read(name).ifPresent(doc -> doc.versions.stream().filter(v -> runId.equals(v.runId))
                    .sorted(Comparator.comparingInt(v -> v.version))
                    .forEach(v -> found.add(doc.toVersion(name, v))));
        }
        return found;
    }

    @Override
    public ModelVersion transitionStage(String name, int version, ModelStage stage, boolean archiveExisting) {
        Objects.requireNonNull(stage, "stage");
        StageTransitions.checkArchiveExisting(stage, archiveExisting);
        return change(name, (doc, now) -> {
            VersionDocument target = versionOf(name, doc, version);
            if (archiveExisting) {
                for (VersionDocument other : doc.versions) {
                    if (other.version != version && ModelStage.parse(other.stage) == stage) {
                        other.stage = ModelStage.ARCHIVED.displayName();
                        other.updatedAt = now;
                    }
                }
            }
            target.stage = stage.displayName();
            target.updatedAt = now;
            return doc.toVersion(name, target);
        });
    }

    @Override
    public ModelVersion updateVersionDescription(String name, int version, String description) {
        Objects.requireNonNull(description, "description");
        return change(name, (doc, now) -> {
            VersionDocument v = versionOf(name, doc, version);
            v.description = description;
            v.updatedAt = now;
            return doc.toVersion(name, v);
        });
    }

    @Override
    public ModelVersion setVersionTag(String name, int version, String key, String value) {
        RegistryRules.checkTag(key, value);
        return change(name, (doc, now) -> {
            VersionDocument v = versionOf(name, doc, version);
            v.tags.put(key, value);
            v.updatedAt = now;
            return doc.toVersion(name, v);
        });
    }

    @Override
    public ModelVersion deleteVersionTag(String name, int version, String key) {
        RegistryRules.checkTagKey(key);
        return change(name, (doc, now) -> {
            VersionDocument v = versionOf(name, doc, version);
            if (v.tags.remove(key) != null) {
                v.updatedAt = now;
            }
            return doc.toVersion(name, v);
        });
    }

    @Override
    public void deleteVersion(String name, int version) {
        change(name, (doc, now) -> {
            VersionDocument v = versionOf(name, doc, version);
            doc.versions.remove(v);
            doc.aliases.values().removeIf(n -> n == version);
            return v;
        });
        LOG.debug("Deleted version {} of model '{}' from {}", version, name, location);
    }

    // ---- aliases ----------------------------------------------------------------------------------------------

    @Override
    public ModelVersion setAlias(String name, String alias, int version) {
        RegistryRules.checkAlias(alias);
        return change(name, (doc, now) -> {
            VersionDocument v = versionOf(name, doc, version);
            doc.aliases.put(alias, version);
            return doc.toVersion(name, v);
        });
    }

    @Override
    public void deleteAlias(String name, String alias) {
        Objects.requireNonNull(alias, "alias");
        change(name, (doc, now) -> {
            doc.aliases.remove(alias);
            return alias;
        });
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }

    // ---- files ------------------------------------------------------------------------------------------------

    /** Reads, changes and replaces a model's file under its lock; every change counts as an update of the model. */
    private <T> T change(String name, BiFunction<ModelDocument, Long, T> change) {
        modelDir(name);
        return underLock(() -> {
            ModelDocument doc = read(name).orElseThrow(() -> modelNotFound(name));
            long now = Math.max(System.currentTimeMillis(), doc.updatedAt);
            doc.updatedAt = now;
            T result = change.apply(doc, now);
            write(name, doc);
            return result;
        }, name);
    }

    /**
     * Runs work under the locks of the given checked model names, taken in the lock kit's order. The lock files live
     * in {@code models/.locks}, named by the SHA-256 of the model name, and are never deleted.
     */
    private <T> T underLock(Supplier<T> work, String... names) {
        Path lockFolder = folder.resolve(".locks");
        try {
            Files.createDirectories(lockFolder);
        } catch (IOException e) {
            throw failure("create the lock folder", lockFolder, e);
        }
        List<Path> files = Arrays.stream(names).map(name -> lockFolder.resolve(sha256(name) + ".lock")).toList();
        FileLocks locks = new FileLocks((message, cause) -> new ModelRegistryException("Cannot lock model "
                + Arrays.stream(names).map(n -> "'" + n + "'").collect(Collectors.joining(" and ")) + " in "
                + location + ": " + message, cause));
        try (FileLocks.Held ignored = locks.lockAll(files, FileLocks.Level.MODEL)) {
            return work.get();
        }
    }

    private static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private Optional<ModelDocument> read(String name) {
        Path file = folder.resolve(name).resolve(MODEL_FILE);
        ModelDocument doc;
        try {
            doc = json.readValue(file.toFile(), ModelDocument.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            throw new ModelRegistryException("Cannot read " + file + " (model '" + name + "' in " + location + "): "
                    + e.getMessage() + ". The file is not valid model JSON; restore it from a backup, or delete the"
                    + " model's folder to drop the model.", e);
        }
        if (doc.format > ModelDocument.FORMAT) {
            throw new ModelRegistryException("Cannot read " + file + ": it has layout " + doc.format + " but this"
                    + " version of mlops4j reads layouts up to " + ModelDocument.FORMAT + ". Upgrade mlops4j.");
        }
        return Optional.of(doc);
    }

    private void write(String name, ModelDocument doc) {
        Path file = folder.resolve(name).resolve(MODEL_FILE);
        try {
            AtomicFiles.write(file, out -> json.writeValue(out, doc));
        } catch (UncheckedIOException e) {
            throw failure("write model '" + name + "'", file, e.getCause());
        }
    }

    private List<String> modelNames() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return names; // a read-only registry of a store where no model was registered yet
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, Files::isDirectory)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw failure("list the models", folder, e);
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private String checkedName(String name) {
        modelDir(name);
        return name;
    }

    private Path modelDir(String name) {
        RegistryRules.checkModelName(name);
        Path dir = folder.resolve(name).normalize();
        if (!folder.equals(dir.getParent())) {
            throw new InvalidRegistryValueException("Invalid registered model name '" + name + "': it does not name"
                    + " a folder directly inside " + folder + ".");
        }
        return dir;
    }

    /** Takes back the folder rename of a rename that failed afterwards, so that the call changes nothing. */
    private static void moveBack(Path renamed, Path original, RuntimeException failure) {
        try {
            Files.move(renamed, original, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private void moveToTrash(String name, Path dir) {
        Path target = trash.resolve(UUID.randomUUID().toString());
        try {
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw failure("delete model '" + name + "' (the trash folder is on another file system)", dir, e);
        } catch (IOException e) {
            throw failure("delete model '" + name + "'", dir, e);
        }
    }

    private void emptyTrash() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(trash)) {
            for (Path entry : entries) {
                deleteTree(entry);
            }
        } catch (IOException e) {
            LOG.warn("Could not empty the trash folder {} of model registry {}: {}", trash, location, e.toString());
        }
    }

    private static void deleteTree(Path tree) {
        try {
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // another process may be emptying the same trash; what is left goes at the next opportunity
            LOG.debug("Could not remove {} yet: {}", tree, e.toString());
        }
    }

    private VersionDocument versionOf(String name, ModelDocument doc, int version) {
        return doc.version(version).orElseThrow(() -> new ModelNotFoundException("Model '" + name
                + "' has no version " + version + " in " + location + " (versions: "
                + doc.versions.stream().map(v -> v.version).toList() + ")."));
    }

    private ModelNotFoundException modelNotFound(String name) {
        return new ModelNotFoundException("Registered model '" + name + "' does not exist in " + location
                + "; check the name, or register a first version under it.");
    }

    private ModelRegistryException failure(String what, Path path, Throwable cause) {
        return new ModelRegistryException("Cannot " + what + " at " + path + " in " + location + ": " + cause
                + ". Check that the folder exists, is writable and the disk is not full.", cause);
    }
}

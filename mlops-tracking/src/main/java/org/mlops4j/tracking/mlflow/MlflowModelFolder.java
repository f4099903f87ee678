package org.mlops4j.tracking.mlflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.tracking.registry.internal.StoredInputSchema;

/**
 * One registered model of MLflow's file registry, {@code models/<name>/}, read as
 * {@code mlflow/store/model_registry/file_store.py} reads it:
 * <ul>
 *   <li>{@code meta.yaml}: {@code name}, {@code creation_timestamp}, {@code last_updated_timestamp} (milliseconds),
 *       {@code description} ({@code null} read as empty); {@code tags/} one file per key; {@code aliases/} one file
 *       per alias holding the version number ({@code set_registered_model_alias}).</li>
 *   <li>{@code version-<n>/meta.yaml}: {@code version}, {@code current_stage} ({@code None}, {@code Staging},
 *       {@code Production}, {@code Archived}; a version deleted through MLflow stays with stage
 *       {@code Deleted_Internal} and is not shown, {@code delete_model_version}), {@code source}, {@code run_id}
 *       ({@code null} or empty when registered from a path), {@code description}, the two timestamps;
 *       {@code version-<n>/tags/}; its aliases are those of the model that name {@code n}
 *       ({@code _get_model_version_aliases}).</li>
 * </ul>
 * A deleted model's folder is removed by MLflow ({@code delete_registered_model}), so every folder is a model.
 *
 * <p>A version's input schema, which MLflow's registry has no field for, is kept in the version tag
 * {@value #INPUT_SCHEMA_TAG} (the schema's JSON on one line, as the other registries store it): MLflow's UI and client
 * show it as a tag, and MLflow's own copies of a version (a rename) carry it. mlops4j reads it as the schema, not as a
 * tag.
 */
final class MlflowModelFolder {

    /** The version tag that keeps a version's input schema. */
    static final String INPUT_SCHEMA_TAG = MlflowSqlRegistry.INPUT_SCHEMA_TAG;
    /** The stage MLflow gives a deleted version ({@code STAGE_DELETED_INTERNAL}). */
    static final String DELETED_STAGE = "Deleted_Internal";
    /** A version's folder is {@code version-<n>}. */
    static final String VERSION_PREFIX = "version-";
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    private MlflowModelFolder() {
    }

    /**
     * @param folder    the model's folder
     * @param malformed told of each alias file that is skipped, with the message saying why
     * @return the model
     * @throws MalformedFolderException when the folder's {@code meta.yaml} is missing or unreadable
     */
    static RegisteredModel model(Path folder, BiConsumer<Path, String> malformed) {
        MetaYaml meta = MetaYaml.of(folder);
        Instant created = instant(meta, "creation_timestamp");
        Instant updated = meta.millis("last_updated_timestamp").isPresent()
                ? instant(meta, "last_updated_timestamp") : created;
        return new RegisteredModel(folder.getFileName().toString(), created, updated,
                meta.text("description").orElse(""), KeyedFiles.read(folder.resolve("tags")),
                aliases(folder, malformed));
    }

    /**
     * @param folder    the model's folder
     * @param malformed told of each version folder or alias file that is skipped, with the message saying why
     * @return its versions not deleted, by ascending number
     */
    static List<ModelVersion> versions(Path folder, BiConsumer<Path, String> malformed) {
        Map<String, Integer> aliases = aliases(folder, malformed);
        List<ModelVersion> versions = new ArrayList<>();
        for (Path versionDir : MlflowLayout.subFolders(folder)) {
            String name = versionDir.getFileName().toString();
            if (name.startsWith(VERSION_PREFIX)) {
                try {
                    version(folder.getFileName().toString(), versionDir, aliases).ifPresent(versions::add);
                } catch (MalformedFolderException e) {
                    malformed.accept(versionDir, e.getMessage());
                }
            }
        }
        versions.sort(Comparator.comparingInt(ModelVersion::version));
        return versions;
    }

    /**
     * @param folder    the model's folder
     * @param number    a version number
     * @param malformed told of the version folder or an alias file when it is skipped, with the message saying why
     * @return the version, unless it is missing, deleted or malformed
     */
    static Optional<ModelVersion> version(Path folder, int number, BiConsumer<Path, String> malformed) {
        Path versionDir = folder.resolve(VERSION_PREFIX + number);
        if (number < 1 || !Files.isDirectory(versionDir)) {
            return Optional.empty();
        }
        try {
            return version(folder.getFileName().toString(), versionDir, aliases(folder, malformed));
        } catch (MalformedFolderException e) {
            malformed.accept(versionDir, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @param folder the model's folder
     * @return the highest number of its version folders, deleted versions included (MLflow's {@code next_version}
     *         counts them, so a number is never given twice); 0 when it has none
     */
    static int highestNumber(Path folder) {
        int highest = 0;
        for (Path versionDir : MlflowLayout.subFolders(folder)) {
            String name = versionDir.getFileName().toString();
            String number = name.startsWith(VERSION_PREFIX) ? name.substring(VERSION_PREFIX.length()) : "";
            if (NUMBER.matcher(number).matches()) {
                highest = Math.max(highest, Integer.parseInt(number));
            }
        }
        return highest;
    }

    private static Optional<ModelVersion> version(String model, Path versionDir, Map<String, Integer> aliases) {
        MetaYaml meta = MetaYaml.of(versionDir);
        String folderNumber = versionDir.getFileName().toString().substring(VERSION_PREFIX.length());
        String number = meta.required("version");
        if (!number.equals(folderNumber) || !NUMBER.matcher(number).matches()) {
            throw new MalformedFolderException(versionDir, "meta.yaml records version '" + number + "'; expected"
                    + " the folder's number");
        }
        String stageName = meta.text("current_stage").orElse(ModelStage.NONE.displayName());
        if (stageName.equals(DELETED_STAGE)) {
            return Optional.empty();
        }
        ModelStage stage;
        try {
            stage = ModelStage.parse(stageName);
        } catch (InvalidRegistryValueException e) {
            throw new MalformedFolderException(versionDir, "meta.yaml has current_stage '" + stageName
                    + "'; expected None, Staging, Production or Archived");
        }
        int version = Integer.parseInt(number);
        Instant created = instant(meta, "creation_timestamp");
        Instant updated = meta.millis("last_updated_timestamp").isPresent()
                ? instant(meta, "last_updated_timestamp") : created;
        List<String> named = aliases.entrySet().stream().filter(a -> a.getValue() == version)
                .map(Map.Entry::getKey).toList();
        Map<String, String> tags = new TreeMap<>(KeyedFiles.read(versionDir.resolve("tags")));
        Optional<Schema> schema = StoredInputSchema.read(tags.remove(INPUT_SCHEMA_TAG), model, version);
        return Optional.of(new ModelVersion(model, version, created, updated, stage, meta.text("source").orElse(""),
                meta.text("run_id").filter(id -> !id.isEmpty()), schema,
                meta.text("description").orElse(""), tags, java.util.Set.copyOf(named)));
    }

    /**
     * @param folder    the model's folder
     * @param malformed told of each alias file that does not hold a version number, which is skipped
     * @return each alias and the version it names
     */
    static Map<String, Integer> aliases(Path folder, BiConsumer<Path, String> malformed) {
        Map<String, Integer> aliases = new TreeMap<>();
        KeyedFiles.read(folder.resolve("aliases")).forEach((alias, version) -> {
            try {
                aliases.put(alias, Integer.parseInt(version.trim()));
            } catch (NumberFormatException e) {
                Path file = folder.resolve("aliases").resolve(alias);
                malformed.accept(file, new MalformedFolderException(file, "the alias file holds '" + version
                        + "', not a version number").getMessage());
            }
        });
        return aliases;
    }

    private static Instant instant(MetaYaml meta, String field) {
        return Instant.ofEpochMilli(meta.millis(field).orElse(0));
    }
}

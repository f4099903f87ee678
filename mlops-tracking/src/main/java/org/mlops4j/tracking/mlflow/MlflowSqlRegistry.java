package org.mlops4j.tracking.mlflow;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mlops4j.core.spi.support.LikePattern;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.tracking.registry.internal.RegistryRules;
import org.mlops4j.tracking.registry.internal.StageTransitions;
import org.mlops4j.tracking.registry.internal.StoredInputSchema;

/**
 * The model registry in a database in MLflow's SQL schema, read in place as
 * {@code mlflow/store/model_registry/sqlalchemy_store.py} and {@code mlflow/store/model_registry/dbmodels/models.py}
 * read it: {@code registered_models} with {@code registered_model_tags} and, since revision {@code 3500859a5d39},
 * {@code registered_model_aliases} (alias to version number); {@code model_versions} with their
 * {@code current_stage} ({@code None}, {@code Staging}, {@code Production}, {@code Archived}; a version deleted
 * through MLflow keeps the stage {@code Deleted_Internal} and is never shown), {@code source}, {@code run_id}
 * ({@code NULL} when registered from a path, since {@code a8c4a736bde6}), {@code description} and
 * {@code model_version_tags}; times in milliseconds, the update time taken as the creation time when {@code NULL}.
 * The version tag {@value #INPUT_SCHEMA_TAG} holds the input schema mlops4j registered, and is not shown among the
 * tags.
 *
 * <p>At a revision that {@link MlflowSchema#writesRegistry() allows it} (SQLite or PostgreSQL), changes are written
 * as MLflow writes them ({@link MlflowSqlRegistryWriter}); at any other revision every change is refused with a
 * {@link ModelRegistryException} naming the revision. Names, aliases and tags follow mlops4j's registry rules
 * ({@link RegistryRules}). Thread-safe.
 */
public final class MlflowSqlRegistry implements ModelRegistry {

    /** The model version tag that keeps the input schema mlops4j registered (MLflow keeps it in the model's files). */
    public static final String INPUT_SCHEMA_TAG = "mlops.input_schema";

    private static final String DELETED_STAGE = "Deleted_Internal";

    private final MlflowDatabase database;
    private final Optional<MlflowSqlRegistryWriter> writer;

    MlflowSqlRegistry(MlflowDatabase database) {
        this.database = database;
        this.writer = database.schema().writesRegistry() ? Optional.of(new MlflowSqlRegistryWriter(database))
                : Optional.empty();
    }

    @Override
    public URI location() {
        return database.location();
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        RegistryRules.checkModelName(name);
        return models("WHERE name = ?", name).stream().findFirst();
    }

    @Override
    public List<RegisteredModel> listModels() {
        return models("", null);
    }

    @Override
    public List<RegisteredModel> searchModels(String namePattern) {
        Pattern pattern = LikePattern.compile(namePattern, false);
        return listModels().stream().filter(m -> pattern.matcher(m.name()).matches()).toList();
    }

    @Override
    public Optional<ModelVersion> findVersion(String name, int version) {
        RegistryRules.checkModelName(name);
        return versions("name = ? AND version = ?", name, version).stream().findFirst();
    }

    @Override
    public List<ModelVersion> listVersions(String name) {
        return versions("name = ?", getModel(name).name());
    }

    @Override
    public List<ModelVersion> versionsOfRun(String runId) {
        return versions("run_id = ?", runId);
    }

    // ------------------------------------------------------------------------------------------------ reading

    private List<RegisteredModel> models(String where, String name) {
        MlflowSchema schema = database.schema();
        if (!schema.registry()) {
            return List.of();
        }
        return read("read the registered models", c -> {
            Map<String, Map<String, String>> tags = schema.modelTags() ? tags(c, "registered_model_tags")
                    : Map.of();
            Map<String, Map<String, Integer>> aliases = aliases(c);
            List<RegisteredModel> models = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT name, creation_time, last_updated_time,"
                    + " description FROM registered_models " + where + " ORDER BY name")) {
                if (name != null) {
                    select.setString(1, name);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String model = rs.getString(1);
                        Instant created = Instant.ofEpochMilli(rs.getLong(2));
                        long updated = rs.getLong(3);
                        models.add(new RegisteredModel(model, created, rs.wasNull() ? created
                                : Instant.ofEpochMilli(updated), text(rs.getString(4)),
                                tags.getOrDefault(model, Map.of()), aliases.getOrDefault(model, Map.of())));
                    }
                }
            }
            return models;
        });
    }

    private List<ModelVersion> versions(String condition, Object... parameters) {
        MlflowSchema schema = database.schema();
        if (!schema.registry()) {
            return List.of();
        }
        return read("read model versions", c -> {
            Map<String, Map<String, String>> tags = schema.versionTags() ? tags(c, "model_version_tags") : Map.of();
            Map<String, Map<String, Integer>> aliases = aliases(c);
            List<ModelVersion> versions = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT name, version, creation_time,"
                    + " last_updated_time, description, current_stage, source, run_id FROM model_versions WHERE "
                    + condition + " AND (current_stage IS NULL OR current_stage <> ?) ORDER BY name, version")) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                select.setString(parameters.length + 1, DELETED_STAGE);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        versions.add(version(rs, tags, aliases));
                    }
                }
            }
            return versions;
        });
    }

    private ModelVersion version(ResultSet rs, Map<String, Map<String, String>> tags,
            Map<String, Map<String, Integer>> aliases) throws SQLException {
        String name = rs.getString(1);
        int version = rs.getInt(2);
        Instant created = Instant.ofEpochMilli(rs.getLong(3));
        long updated = rs.getLong(4);
        Instant updatedAt = rs.wasNull() ? created : Instant.ofEpochMilli(updated);
        String stageName = rs.getString(6);
        ModelStage stage;
        try {
            stage = stageName == null ? ModelStage.NONE : ModelStage.parse(stageName);
        } catch (InvalidRegistryValueException e) {
            throw new ModelRegistryException("Version " + version + " of model '" + name + "' in the MLflow database "
                    + location() + " has current_stage '" + stageName + "'; expected None, Staging, Production or"
                    + " Archived.", e);
        }
        Set<String> named = new TreeSet<>();
        aliases.getOrDefault(name, Map.of()).forEach((alias, number) -> {
            if (number == version) {
                named.add(alias);
            }
        });
        Map<String, String> versionTags = new TreeMap<>(tags.getOrDefault(name + "\u0000" + version, Map.of()));
        Optional<Schema> schema = StoredInputSchema.read(versionTags.remove(INPUT_SCHEMA_TAG), name, version);
        return new ModelVersion(name, version, created, updatedAt, stage, text(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)).filter(id -> !id.isEmpty()), schema,
                text(rs.getString(5)), versionTags, named);
    }

    /** Tags by model name, or by name and version joined by a NUL for {@code model_version_tags}. */
    private static Map<String, Map<String, String>> tags(Connection c, String table) throws SQLException {
        boolean ofVersions = table.equals("model_version_tags");
        Map<String, Map<String, String>> tags = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT name, key, value" + (ofVersions ? ", version" : "")
                + " FROM " + table); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String owner = ofVersions ? rs.getString(1) + "\u0000" + rs.getInt(4) : rs.getString(1);
                tags.computeIfAbsent(owner, o -> new TreeMap<>()).put(rs.getString(2), text(rs.getString(3)));
            }
        }
        return tags;
    }

    private Map<String, Map<String, Integer>> aliases(Connection c) throws SQLException {
        Map<String, Map<String, Integer>> aliases = new HashMap<>();
        if (!database.schema().aliases()) {
            return aliases;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT name, alias, version FROM"
                + " registered_model_aliases"); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                aliases.computeIfAbsent(rs.getString(1), n -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
            }
        }
        return aliases;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private <T> T read(String what, MlflowDatabase.Reads<T> reads) {
        try {
            return database.read(reads);
        } catch (SQLException e) {
            throw new ModelRegistryException("Cannot " + what + " from the MLflow database " + location() + " ("
                    + database.schema().describe() + "): " + e.getMessage(), e);
        }
    }

    /** Closes the connections. */
    @Override
    public void close() {
        database.close();
    }

    // ------------------------------------------------------------------------------------------------ writes

    @Override
    public RegisteredModel createModel(String name, String description, Map<String, String> tags) {
        RegistryRules.checkModelName(name);
        RegistryRules.checkTags(tags);
        writes("create model '" + name + "'").createModel(name, description, tags);
        return getModel(name);
    }

    @Override
    public RegisteredModel renameModel(String name, String newName) {
        RegistryRules.checkModelName(name);
        RegistryRules.checkModelName(newName);
        writes("rename model '" + name + "'").renameModel(name, newName);
        return getModel(newName);
    }

    @Override
    public void deleteModel(String name) {
        RegistryRules.checkModelName(name);
        writes("delete model '" + name + "'").deleteModel(name);
    }

    @Override
    public RegisteredModel updateModelDescription(String name, String description) {
        RegistryRules.checkModelName(name);
        writes("update the description of model '" + name + "'").updateModelDescription(name, description);
        return getModel(name);
    }

    @Override
    public RegisteredModel setModelTag(String name, String key, String value) {
        RegistryRules.checkModelName(name);
        RegistryRules.checkTag(key, value);
        writes("set tag '" + key + "' of model '" + name + "'").setModelTag(name, key, value);
        return getModel(name);
    }

    @Override
    public RegisteredModel deleteModelTag(String name, String key) {
        RegistryRules.checkModelName(name);
        writes("delete tag '" + key + "' of model '" + name + "'").deleteModelTag(name, key);
        return getModel(name);
    }

    @Override
    public ModelVersion createVersion(NewModelVersion version) {
        MlflowSqlRegistryWriter versions = writes("register a version of model '" + version.name() + "'");
        int number = versions.createVersion(RegistryRules.prepare(version, this));
        return getVersion(version.name(), number);
    }

    @Override
    public ModelVersion transitionStage(String name, int version, ModelStage stage, boolean archiveExisting) {
        RegistryRules.checkModelName(name);
        StageTransitions.checkArchiveExisting(stage, archiveExisting);
        writes("move version " + version + " of model '" + name + "' to " + stage)
                .transitionStage(name, version, stage, archiveExisting);
        return getVersion(name, version);
    }

    @Override
    public ModelVersion updateVersionDescription(String name, int version, String description) {
        RegistryRules.checkModelName(name);
        writes("update the description of version " + version + " of model '" + name + "'")
                .updateVersionDescription(name, version, description);
        return getVersion(name, version);
    }

    @Override
    public ModelVersion setVersionTag(String name, int version, String key, String value) {
        RegistryRules.checkModelName(name);
        RegistryRules.checkTag(key, value);
        writes("set tag '" + key + "' of version " + version + " of model '" + name + "'")
                .setVersionTag(name, version, key, value);
        return getVersion(name, version);
    }

    @Override
    public ModelVersion deleteVersionTag(String name, int version, String key) {
        RegistryRules.checkModelName(name);
        writes("delete tag '" + key + "' of version " + version + " of model '" + name + "'")
                .deleteVersionTag(name, version, key);
        return getVersion(name, version);
    }

    @Override
    public void deleteVersion(String name, int version) {
        RegistryRules.checkModelName(name);
        writes("delete version " + version + " of model '" + name + "'").deleteVersion(name, version);
    }

    @Override
    public ModelVersion setAlias(String name, String alias, int version) {
        RegistryRules.checkModelName(name);
        RegistryRules.checkAlias(alias);
        aliasWrites("set alias '" + alias + "' of model '" + name + "'").setAlias(name, alias, version);
        return getVersion(name, version);
    }

    @Override
    public void deleteAlias(String name, String alias) {
        RegistryRules.checkModelName(name);
        aliasWrites("delete alias '" + alias + "' of model '" + name + "'").deleteAlias(name, alias);
    }

    private MlflowSqlRegistryWriter writes(String what) {
        return writer.orElseThrow(() -> MlflowWritesRefused.inRegistry(what, location(), database.schema()));
    }

    private MlflowSqlRegistryWriter aliasWrites(String what) {
        if (!database.schema().aliases()) {
            throw MlflowWritesRefused.inRegistry(what + " (this revision has no registered_model_aliases table)",
                    location(), database.schema());
        }
        return writes(what);
    }
}

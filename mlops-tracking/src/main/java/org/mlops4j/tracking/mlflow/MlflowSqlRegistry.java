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
import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.RegisteredModel;
import org.mlops4j.core.tracking.readonly.WritesRefusedModelRegistry;

/**
 * The model registry in a database in MLflow's SQL schema, read in place as
 * {@code mlflow/store/model_registry/sqlalchemy_store.py} and {@code mlflow/store/model_registry/dbmodels/models.py}
 * read it: {@code registered_models} with {@code registered_model_tags} and, since revision {@code 3500859a5d39},
 * {@code registered_model_aliases} (alias to version number); {@code model_versions} with their
 * {@code current_stage} ({@code None}, {@code Staging}, {@code Production}, {@code Archived}; a version deleted
 * through MLflow keeps the stage {@code Deleted_Internal} and is never shown), {@code source}, {@code run_id}
 * ({@code NULL} when registered from a path, since {@code a8c4a736bde6}), {@code description} and
 * {@code model_version_tags}; times in milliseconds, the update time taken as the creation time when {@code NULL}.
 *
 * <p>Every change is refused with a {@link ModelRegistryException} naming the schema revision: writing MLflow's
 * schema is not supported yet. Thread-safe.
 */
public final class MlflowSqlRegistry extends WritesRefusedModelRegistry {

    private static final String DELETED_STAGE = "Deleted_Internal";

    private final MlflowDatabase database;

    MlflowSqlRegistry(MlflowDatabase database) {
        this.database = database;
    }

    @Override
    public URI location() {
        return database.location();
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
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
        return new ModelVersion(name, version, created, updatedAt, stage, text(rs.getString(7)),
                Optional.ofNullable(rs.getString(8)).filter(id -> !id.isEmpty()), Optional.empty(),
                text(rs.getString(5)), tags.getOrDefault(name + "\u0000" + version, Map.of()), named);
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

    @Override
    protected ModelRegistryException refused(String what) {
        return MlflowWritesRefused.inRegistry(what, location(), database.schema());
    }
}

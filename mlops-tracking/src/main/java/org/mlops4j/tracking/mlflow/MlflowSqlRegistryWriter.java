package org.mlops4j.tracking.mlflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import org.mlops4j.core.tracking.ModelAlreadyExistsException;
import org.mlops4j.core.tracking.ModelNotFoundException;
import org.mlops4j.core.tracking.ModelRegistryException;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.tracking.registry.internal.PreparedVersion;

/**
 * Writes the model registry into an MLflow database as {@code mlflow/store/model_registry/sqlalchemy_store.py}
 * writes it, each change in one transaction ({@link MlflowSqlTransactions}):
 * <ul>
 *   <li>{@code create_registered_model}: {@code creation_time} = {@code last_updated_time} = now, the description
 *       ({@code NULL} when empty), tags in {@code registered_model_tags}.</li>
 *   <li>{@code create_model_version}: the model's row locked, the number one above the highest version the model
 *       has ever had (rows of deleted versions stay, so numbers are never reused), {@code current_stage}
 *       {@code None}, {@code status} {@code READY}, {@code source} and {@code run_id}, {@code run_link} {@code NULL}
 *       (as MLflow's Python client leaves it outside Databricks), {@code storage_location} = the source where the
 *       revision has it; the model's {@code last_updated_time} = the version's creation time. The input schema, which
 *       MLflow keeps in the model's files, is a version tag {@value MlflowSqlRegistry#INPUT_SCHEMA_TAG} that
 *       mlops4j hides from the version's tags.</li>
 *   <li>{@code transition_model_version_stage}: with {@code archive_existing_versions}, the other versions in the
 *       target stage become {@code Archived}; times of the versions and the model updated.</li>
 *   <li>{@code delete_model_version}: the row stays with {@code current_stage = 'Deleted_Internal'}, its source, run
 *       id and run link redacted ({@code REDACTED-SOURCE-PATH}, …), its aliases removed, its tags kept.</li>
 *   <li>{@code rename_registered_model}: the model's name and every row naming it; the versions'
 *       {@code last_updated_time} updated.</li>
 *   <li>{@code delete_registered_model}: the model with its versions, tags and aliases.</li>
 *   <li>descriptions, tags (upserted; deleting a missing one does nothing), aliases (upserted on
 *       {@code (name, alias)}).</li>
 * </ul>
 * Thread-safe (no state).
 */
final class MlflowSqlRegistryWriter {

    private static final String DELETED_STAGE = "Deleted_Internal";

    private final MlflowDatabase database;

    /** @param database the database, at a schema that {@link MlflowSchema#writesRegistry()} */
    MlflowSqlRegistryWriter(MlflowDatabase database) {
        this.database = database;
    }

    void createModel(String name, String description, Map<String, String> tags) {
        try {
            database.write(c -> {
                if (lockModel(c, name, false)) {
                    throw alreadyExists(name);
                }
                long now = System.currentTimeMillis();
                update(c, "INSERT INTO registered_models (name, creation_time, last_updated_time, description)"
                        + " VALUES (?, ?, ?, ?)", name, now, now, description.isEmpty() ? null : description);
                for (Map.Entry<String, String> tag : tags.entrySet()) {
                    setModelTag(c, name, tag.getKey(), tag.getValue());
                }
                return null;
            });
        } catch (SQLException e) {
            if (database.transactions().isUniqueViolation(e)) {
                throw alreadyExists(name);
            }
            throw failed("create model '" + name + "'", e);
        }
    }

    void renameModel(String name, String newName) {
        try {
            database.write(c -> {
                lockModel(c, name, true);
                if (!name.equals(newName) && lockModel(c, newName, false)) {
                    throw alreadyExists(newName);
                }
                long now = System.currentTimeMillis();
                update(c, "UPDATE registered_models SET name = ?, last_updated_time = ? WHERE name = ?", newName, now,
                        name);
                for (String table : childTables()) {
                    update(c, "UPDATE " + table + " SET name = ? WHERE name = ?", newName, name);
                }
                update(c, "UPDATE model_versions SET last_updated_time = ? WHERE name = ?", now, newName);
                return null;
            });
        } catch (SQLException e) {
            if (database.transactions().isUniqueViolation(e)) {
                throw alreadyExists(newName);
            }
            throw failed("rename model '" + name + "' to '" + newName + "'", e);
        }
    }

    void deleteModel(String name) {
        write("delete model '" + name + "'", c -> {
            lockModel(c, name, true);
            for (String table : childTables()) {
                update(c, "DELETE FROM " + table + " WHERE name = ?", name);
            }
            update(c, "DELETE FROM registered_models WHERE name = ?", name);
            return null;
        });
    }

    void updateModelDescription(String name, String description) {
        write("update the description of model '" + name + "'", c -> {
            lockModel(c, name, true);
            update(c, "UPDATE registered_models SET description = ?, last_updated_time = ? WHERE name = ?",
                    description, System.currentTimeMillis(), name);
            return null;
        });
    }

    void setModelTag(String name, String key, String value) {
        write("set tag '" + key + "' of model '" + name + "'", c -> {
            lockModel(c, name, true);
            setModelTag(c, name, key, value);
            return null;
        });
    }

    void deleteModelTag(String name, String key) {
        write("delete tag '" + key + "' of model '" + name + "'", c -> {
            lockModel(c, name, true);
            update(c, "DELETE FROM registered_model_tags WHERE name = ? AND key = ?", name, key);
            return null;
        });
    }

    /**
     * @param version a checked version
     * @return its number
     */
    int createVersion(PreparedVersion version) {
        MlflowSchema schema = database.schema();
        return write("register a version of model '" + version.name() + "'", c -> {
            lockModel(c, version.name(), true);
            int number;
            try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM"
                    + " model_versions WHERE name = ?")) {
                select.setString(1, version.name());
                try (var rs = select.executeQuery()) {
                    rs.next();
                    number = rs.getInt(1);
                }
            }
            long now = System.currentTimeMillis();
            update(c, "INSERT INTO model_versions (name, version, creation_time, last_updated_time, description,"
                    + " user_id, current_stage, source, run_id, status, status_message"
                    + (schema.runLink() ? ", run_link" : "") + (schema.storageLocation() ? ", storage_location" : "")
                    + ") VALUES (?, ?, ?, ?, ?, NULL, 'None', ?, ?, 'READY', NULL"
                    + (schema.runLink() ? ", NULL" : "") + (schema.storageLocation() ? ", ?" : "") + ")",
                    schema.storageLocation() ? new Object[] {version.name(), number, now, now,
                            version.description().isEmpty() ? null : version.description(), version.source(),
                            version.runId().orElse(null), version.source()}
                            : new Object[] {version.name(), number, now, now,
                            version.description().isEmpty() ? null : version.description(), version.source(),
                            version.runId().orElse(null)});
            for (Map.Entry<String, String> tag : version.tags().entrySet()) {
                setVersionTag(c, version.name(), number, tag.getKey(), tag.getValue());
            }
            if (version.inputSchema().isPresent()) {
                setVersionTag(c, version.name(), number, MlflowSqlRegistry.INPUT_SCHEMA_TAG,
                        version.inputSchema().get());
            }
            update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", now, version.name());
            return number;
        });
    }

    void transitionStage(String name, int version, ModelStage stage, boolean archiveExisting) {
        write("move version " + version + " of model '" + name + "' to " + stage, c -> {
            lockModel(c, name, true);
            requireVersion(c, name, version);
            long now = System.currentTimeMillis();
            if (archiveExisting) {
                update(c, "UPDATE model_versions SET current_stage = ?, last_updated_time = ? WHERE name = ? AND"
                        + " version <> ? AND current_stage = ?", ModelStage.ARCHIVED.toString(), now, name, version,
                        stage.toString());
            }
            update(c, "UPDATE model_versions SET current_stage = ?, last_updated_time = ? WHERE name = ? AND"
                    + " version = ?", stage.toString(), now, name, version);
            update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", now, name);
            return null;
        });
    }

    void updateVersionDescription(String name, int version, String description) {
        write("update the description of version " + version + " of model '" + name + "'", c -> {
            lockModel(c, name, true);
            requireVersion(c, name, version);
            update(c, "UPDATE model_versions SET description = ?, last_updated_time = ? WHERE name = ? AND"
                    + " version = ?", description, System.currentTimeMillis(), name, version);
            return null;
        });
    }

    void setVersionTag(String name, int version, String key, String value) {
        write("set tag '" + key + "' of version " + version + " of model '" + name + "'", c -> {
            lockModel(c, name, true);
            requireVersion(c, name, version);
            setVersionTag(c, name, version, key, value);
            return null;
        });
    }

    void deleteVersionTag(String name, int version, String key) {
        write("delete tag '" + key + "' of version " + version + " of model '" + name + "'", c -> {
            lockModel(c, name, true);
            requireVersion(c, name, version);
            update(c, "DELETE FROM model_version_tags WHERE name = ? AND version = ? AND key = ?", name, version,
                    key);
            return null;
        });
    }

    void deleteVersion(String name, int version) {
        write("delete version " + version + " of model '" + name + "'", c -> {
            lockModel(c, name, true);
            requireVersion(c, name, version);
            long now = System.currentTimeMillis();
            if (database.schema().aliases()) {
                update(c, "DELETE FROM registered_model_aliases WHERE name = ? AND version = ?", name, version);
            }
            update(c, "UPDATE model_versions SET current_stage = ?, last_updated_time = ?, description = NULL,"
                    + " user_id = NULL, source = 'REDACTED-SOURCE-PATH', run_id = 'REDACTED-RUN-ID',"
                    + (database.schema().runLink() ? " run_link = 'REDACTED-RUN-LINK'," : "")
                    + " status_message = NULL WHERE name = ? AND version = ?", DELETED_STAGE, now, name, version);
            update(c, "UPDATE registered_models SET last_updated_time = ? WHERE name = ?", now, name);
            return null;
        });
    }

    void setAlias(String name, String alias, int version) {
        write("set alias '" + alias + "' of model '" + name + "'", c -> {
            lockModel(c, name, true);
            requireVersion(c, name, version);
            update(c, "INSERT INTO registered_model_aliases (alias, version, name) VALUES (?, ?, ?) ON CONFLICT"
                    + " (name, alias) DO UPDATE SET version = excluded.version", alias, version, name);
            return null;
        });
    }

    void deleteAlias(String name, String alias) {
        write("delete alias '" + alias + "' of model '" + name + "'", c -> {
            lockModel(c, name, true);
            update(c, "DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?", name, alias);
            return null;
        });
    }

    // --------------------------------------------------------------------------------------------------- rows

    /** The tables whose rows name a model, children first. */
    private String[] childTables() {
        return database.schema().aliases()
                ? new String[] {"model_version_tags", "model_versions", "registered_model_tags",
                "registered_model_aliases"}
                : new String[] {"model_version_tags", "model_versions", "registered_model_tags"};
    }

    /**
     * Locks a model's row until the transaction ends.
     *
     * @param required whether a missing model is an error
     * @return whether the model exists
     */
    private boolean lockModel(Connection c, String name, boolean required) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM registered_models WHERE name = ?"
                + database.transactions().forUpdate())) {
            select.setString(1, name);
            try (var rs = select.executeQuery()) {
                boolean exists = rs.next();
                if (!exists && required) {
                    throw new ModelNotFoundException("Registered model '" + name + "' does not exist in "
                            + database.location() + "; check the name, or register a first version under it.");
                }
                return exists;
            }
        }
    }

    private void requireVersion(Connection c, String name, int version) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM model_versions WHERE name = ? AND"
                + " version = ? AND (current_stage IS NULL OR current_stage <> ?)")) {
            select.setString(1, name);
            select.setInt(2, version);
            select.setString(3, DELETED_STAGE);
            try (var rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new ModelNotFoundException("Model '" + name + "' has no version " + version + " in "
                            + database.location() + ".");
                }
            }
        }
    }

    private static void setModelTag(Connection c, String name, String key, String value) throws SQLException {
        update(c, "INSERT INTO registered_model_tags (key, value, name) VALUES (?, ?, ?) ON CONFLICT (key, name)"
                + " DO UPDATE SET value = excluded.value", key, value, name);
    }

    private static void setVersionTag(Connection c, String name, int version, String key, String value)
            throws SQLException {
        update(c, "INSERT INTO model_version_tags (key, value, name, version) VALUES (?, ?, ?, ?) ON CONFLICT (key,"
                + " name, version) DO UPDATE SET value = excluded.value", key, value, name, version);
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
        }
    }

    private ModelAlreadyExistsException alreadyExists(String name) {
        return new ModelAlreadyExistsException("Registered model '" + name + "' already exists in "
                + database.location() + "; choose another name, or register a version under it.");
    }

    private <T> T write(String what, MlflowSqlTransactions.Work<T> work) {
        try {
            return database.write(work);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private ModelRegistryException failed(String what, SQLException e) {
        return new ModelRegistryException("Cannot " + what + " in the MLflow database " + database.location() + " ("
                + database.schema().describe() + "): " + e.getMessage(), e);
    }
}

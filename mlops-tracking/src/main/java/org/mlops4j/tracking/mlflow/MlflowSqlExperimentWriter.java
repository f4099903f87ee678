package org.mlops4j.tracking.mlflow;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingInputChecks;
import org.mlops4j.core.tracking.TrackingNotFoundException;

/**
 * Writes experiments into an MLflow database as {@code mlflow/store/tracking/sqlalchemy_store.py} writes them, each
 * change in one transaction:
 * <ul>
 *   <li>{@code create_experiment}: a row {@code active} with {@code creation_time} = {@code last_update_time} = now
 *       (where the revision has them) and the id the database gives ({@code SERIAL} on PostgreSQL, the next row id on
 *       SQLite); then, the second write MLflow makes too, {@code artifact_location} = the artifact root +
 *       {@code /<id>} ({@code _get_artifact_location}). The root is the one experiment 0 was given (its location
 *       without the trailing {@code /0}), else {@code mlruns} beside a SQLite file or in the working folder. Tags go
 *       to {@code experiment_tags}. A name taken by an active or deleted experiment is refused.</li>
 *   <li>{@code rename_experiment}: only an active one; {@code last_update_time} = now.</li>
 *   <li>{@code set_experiment_tag}: only an active one (MLflow's {@code _check_experiment_is_active}).</li>
 *   <li>{@code delete_experiment}: {@code lifecycle_stage} {@code deleted}, {@code last_update_time} = the deletion
 *       time, and its active runs deleted with {@code deleted_time} = that same time. MLflow's
 *       {@code restore_experiment} restores every run of the experiment; mlops4j restores only those deleted with it
 *       (whose {@code deleted_time} is the experiment's deletion time, made unique among the experiment's runs), so
 *       that a run deleted before stays deleted, as every mlops4j store does. Without {@code runs.deleted_time}
 *       (revisions before {@code 0c779009ac13}) all its runs come back, as in MLflow.</li>
 * </ul>
 * Thread-safe (no state).
 */
final class MlflowSqlExperimentWriter {

    /** The longest name {@code experiments.name} holds (VARCHAR(256)). */
    static final int MAX_NAME_LENGTH = 256;

    private final MlflowDatabase database;

    /** @param database the database, at a schema that {@link MlflowSchema#writesExperiments()} */
    MlflowSqlExperimentWriter(MlflowDatabase database) {
        this.database = database;
    }

    /**
     * @param name a new name
     * @param tags its tags
     * @return the new experiment's id
     */
    String create(String name, Map<String, String> tags) {
        checkName(name);
        tags.forEach(TrackingInputChecks::checkExperimentTag);
        try {
            return database.write(c -> {
                requireFreeName(c, name);
                long now = System.currentTimeMillis();
                boolean times = database.schema().experimentTimes();
                long id;
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO experiments (name, lifecycle_stage"
                        + (times ? ", creation_time, last_update_time) VALUES (?, 'active', ?, ?)"
                        : ") VALUES (?, 'active')") + " RETURNING experiment_id")) {
                    insert.setString(1, name);
                    if (times) {
                        insert.setLong(2, now);
                        insert.setLong(3, now);
                    }
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE experiments SET artifact_location = ?"
                        + " WHERE experiment_id = ?")) {
                    update.setString(1, artifactRoot(c) + "/" + id);
                    update.setLong(2, id);
                    update.executeUpdate();
                }
                for (Map.Entry<String, String> tag : tags.entrySet()) {
                    setTag(c, id, tag.getKey(), tag.getValue());
                }
                return String.valueOf(id);
            });
        } catch (SQLException e) {
            if (database.transactions().isUniqueViolation(e)) {
                throw new TrackingAlreadyExistsException("Experiment '" + name + "' already exists in the MLflow"
                        + " database " + database.location() + " (created by another writer just now).");
            }
            throw failed("create experiment '" + name + "'", e);
        }
    }

    /**
     * @param experimentId an active experiment
     * @param newName      its new name
     */
    void rename(String experimentId, String newName) {
        checkName(newName);
        write("rename experiment " + experimentId, c -> {
            requireActive(c, experimentId, "rename it");
            requireFreeName(c, newName);
            try (PreparedStatement update = c.prepareStatement("UPDATE experiments SET name = ?"
                    + (database.schema().experimentTimes() ? ", last_update_time = " + System.currentTimeMillis()
                    : "") + " WHERE experiment_id = ?")) {
                update.setString(1, newName);
                update.setLong(2, key(experimentId));
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param experimentId an active experiment
     * @param key          the tag's key
     * @param value        its value
     */
    void setTag(String experimentId, String key, String value) {
        TrackingInputChecks.checkExperimentTag(key, value);
        write("set tag '" + key + "' of experiment " + experimentId, c -> {
            requireActive(c, experimentId, "set its tags");
            setTag(c, key(experimentId), key, value);
            return null;
        });
    }

    /**
     * @param experimentId an experiment other than the default one; deleting a deleted one does nothing
     */
    void delete(String experimentId) {
        if (Experiment.DEFAULT_ID.equals(experimentId)) {
            throw new InvalidTrackingInputException("Cannot delete the default experiment '0'; it is reserved.");
        }
        write("delete experiment " + experimentId, c -> {
            if (!"active".equals(requireExperiment(c, experimentId))) {
                return null;
            }
            long id = key(experimentId);
            boolean deletedTime = database.schema().runDeletedTime();
            long at = System.currentTimeMillis();
            if (deletedTime) {
                try (PreparedStatement select = c.prepareStatement("SELECT MAX(deleted_time) FROM runs WHERE"
                        + " experiment_id = ?")) {
                    select.setLong(1, id);
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next() && rs.getObject(1) != null) {
                            at = Math.max(at, rs.getLong(1) + 1);
                        }
                    }
                }
            }
            setStage(c, id, LifecycleStage.DELETED, at);
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET lifecycle_stage = 'deleted'"
                    + (deletedTime ? ", deleted_time = " + at : "") + " WHERE experiment_id = ? AND"
                    + " lifecycle_stage = 'active'")) {
                update.setLong(1, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param experimentId an experiment; restoring an active one does nothing
     */
    void restore(String experimentId) {
        write("restore experiment " + experimentId, c -> {
            if ("active".equals(requireExperiment(c, experimentId))) {
                return null;
            }
            long id = key(experimentId);
            boolean deletedTime = database.schema().runDeletedTime();
            boolean times = database.schema().experimentTimes();
            String deletedWith = deletedTime && times ? " AND deleted_time = (SELECT last_update_time FROM"
                    + " experiments WHERE experiment_id = ?)" : "";
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET lifecycle_stage = 'active'"
                    + (deletedTime ? ", deleted_time = NULL" : "") + " WHERE experiment_id = ? AND lifecycle_stage"
                    + " = 'deleted'" + deletedWith)) {
                update.setLong(1, id);
                if (!deletedWith.isEmpty()) {
                    update.setLong(2, id);
                }
                update.executeUpdate();
            }
            setStage(c, id, LifecycleStage.ACTIVE, System.currentTimeMillis());
            return null;
        });
    }

    // --------------------------------------------------------------------------------------------------- rows

    private void checkName(String name) {
        TrackingInputChecks.checkExperimentName(name);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidTrackingInputException("Experiment name '" + name.substring(0, 40) + "…' has "
                    + name.length() + " characters; MLflow's schema holds at most " + MAX_NAME_LENGTH
                    + " in experiments.name of " + database.location() + ". Choose a shorter name.");
        }
    }

    private void setStage(Connection c, long id, LifecycleStage stage, long at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE experiments SET lifecycle_stage = ?"
                + (database.schema().experimentTimes() ? ", last_update_time = " + at : "")
                + " WHERE experiment_id = ?")) {
            update.setString(1, stage.storedName());
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private static void setTag(Connection c, long id, String key, String value) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO experiment_tags (key, value, experiment_id)"
                + " VALUES (?, ?, ?) ON CONFLICT (key, experiment_id) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.setLong(3, id);
            upsert.executeUpdate();
        }
    }

    private void requireFreeName(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT experiment_id, lifecycle_stage FROM experiments"
                + " WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    throw TrackingInputChecks.alreadyExists(new Experiment(rs.getString(1), name, "",
                            LifecycleStage.fromStoredName(rs.getString(2)), Map.of(), 0, 0));
                }
            }
        }
    }

    private void requireActive(Connection c, String experimentId, String toDo) throws SQLException {
        if (!"active".equals(requireExperiment(c, experimentId))) {
            throw new InvalidTrackingInputException("Experiment " + experimentId + " in the MLflow database "
                    + database.location() + " is deleted; restore it to " + toDo + ".");
        }
    }

    /** @return the experiment's lifecycle stage, its row locked until the transaction ends */
    private String requireExperiment(Connection c, String experimentId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT lifecycle_stage FROM experiments WHERE"
                + " experiment_id = ?" + database.transactions().forUpdate())) {
            select.setLong(1, key(experimentId));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(experimentId);
                }
                return rs.getString(1) == null ? "active" : rs.getString(1);
            }
        }
    }

    /**
     * The root new experiments' artifacts go under: experiment 0's location without its {@code /0}, as MLflow
     * made it from its artifact root; else {@code mlruns} beside a SQLite file, or in the working folder.
     */
    private String artifactRoot(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT artifact_location FROM experiments WHERE"
                + " experiment_id = 0"); ResultSet rs = select.executeQuery()) {
            if (rs.next() && rs.getString(1) != null && rs.getString(1).endsWith("/0")) {
                String location = rs.getString(1);
                return location.substring(0, location.length() - 2);
            }
        }
        Path folder = database.folder().orElse(Path.of("").toAbsolutePath());
        return folder.resolve("mlruns").toString();
    }

    private long key(String experimentId) {
        try {
            return Long.parseLong(experimentId);
        } catch (NumberFormatException e) {
            throw notFound(experimentId);
        }
    }

    private TrackingNotFoundException notFound(String experimentId) {
        return new TrackingNotFoundException("Experiment " + experimentId + " does not exist in the MLflow database "
                + database.location() + "; list the experiments to see their ids.");
    }

    private void write(String what, MlflowSqlTransactions.Work<Void> work) {
        try {
            database.write(work);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private TrackingException failed(String what, SQLException e) {
        return new TrackingException("Cannot " + what + " in the MLflow database " + database.location() + " ("
                + database.schema().describe() + "): " + e.getMessage(), e);
    }
}

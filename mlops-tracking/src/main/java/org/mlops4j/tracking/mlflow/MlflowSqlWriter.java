package org.mlops4j.tracking.mlflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Optional;
import java.util.UUID;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingNotFoundException;

/**
 * Writes runs, metrics, params and tags into an MLflow database (SQLite or PostgreSQL) as {@code mlflow/store/tracking/
 * sqlalchemy_store.py} writes them, each change in one transaction ({@link MlflowSqlTransactions}):
 * <ul>
 *   <li>{@code create_run}: a 32-hex-digit {@code run_uuid}; {@code artifact_uri} the experiment's
 *       {@code artifact_location} + {@code /<run id>/artifacts}; status {@code RUNNING}, {@code source_type}
 *       {@code UNKNOWN}, lifecycle {@code active}; the name in {@code runs.name} and in the {@code mlflow.runName}
 *       tag. Only into an active experiment.</li>
 *   <li>{@code log_batch}: only to an active run ({@code _check_run_is_active}); a param already logged must keep its
 *       value; tags are set (the {@code mlflow.runName} tag also renames the run); metrics are inserted, duplicates of
 *       a row ignored, NaN stored as {@code value} 0 with {@code is_nan} true and ±Inf as ±{@link Double#MAX_VALUE}
 *       ({@code _get_metric_value_details}); {@code latest_metrics} is replaced for a key when a logged value is
 *       greater by {@code (step, timestamp, stored value)} ({@code _update_latest_metrics_if_necessary}).</li>
 *   <li>{@code update_run_info}, {@code delete_run} ({@code deleted_time} where the revision has it),
 *       {@code restore_run}, {@code delete_tag}.</li>
 * </ul>
 * Connections are opened per transaction with a busy timeout and {@code BEGIN IMMEDIATE}, and leave the database's
 * journal mode as MLflow set it (no WAL is switched on). Thread-safe (no state but settings).
 */
final class MlflowSqlWriter {

    private static final String NO_EXPERIMENT = "Experiment %s does not exist in the MLflow database %s; list the"
            + " experiments to see their ids.";

    /** The longest tag value {@code tags.value} holds at the known revisions (VARCHAR(5000) since 7ac759974ad8). */
    static final int MAX_TAG_VALUE_LENGTH = 5000;

    private final MlflowDatabase database;

    /**
     * @param database the database, at a schema that {@link MlflowSchema#writesRuns()}
     */
    MlflowSqlWriter(MlflowDatabase database) {
        this.database = database;
    }

    /**
     * @param experimentId an active experiment's id
     * @param runName      the name
     * @param userId       who starts it
     * @param startTime    when, in milliseconds
     * @param tags         its first tags
     * @param givenId      the id to give it (a run copied from another store); a new one when empty
     * @return the new run's id
     */
    String createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags,
            Optional<String> givenId) {
        String runId = givenId.orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
        checkTagValues(runId, tags);
        return write("create a run in experiment " + experimentId, c -> {
            long experiment = experimentKey(experimentId);
            String artifactLocation;
            try (PreparedStatement select = c.prepareStatement("SELECT artifact_location, lifecycle_stage FROM"
                    + " experiments WHERE experiment_id = ?" + database.transactions().forUpdate())) {
                select.setLong(1, experiment);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new TrackingNotFoundException(String.format(NO_EXPERIMENT, experimentId,
                                database.location()));
                    }
                    if (!"active".equals(rs.getString(2))) {
                        throw new InvalidTrackingInputException("Experiment " + experimentId + " in the MLflow"
                                + " database " + database.location() + " is deleted; restore it, or start the run in"
                                + " an active experiment.");
                    }
                    artifactLocation = rs.getString(1) == null ? "" : rs.getString(1);
                }
            }
            if (givenId.isPresent()) {
                requireNoRun(c, runId);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (run_uuid, name, source_type,"
                    + " source_name, entry_point_name, user_id, status, start_time, end_time, source_version,"
                    + " lifecycle_stage, artifact_uri, experiment_id) VALUES (?, ?, 'UNKNOWN', '', '', ?, 'RUNNING',"
                    + " ?, NULL, '', 'active', ?, ?)")) {
                insert.setString(1, runId);
                insert.setString(2, runName);
                insert.setString(3, userId);
                insert.setLong(4, startTime);
                insert.setString(5, artifactLocation.replaceAll("/+$", "") + "/" + runId + "/artifacts");
                insert.setLong(6, experiment);
                insert.executeUpdate();
            }
            Map<String, String> first = new LinkedHashMap<>();
            tags.forEach(t -> first.put(t.key(), t.value()));
            if (!runName.isEmpty()) {
                first.putIfAbsent(SystemTags.RUN_NAME, runName);
            }
            for (Map.Entry<String, String> tag : first.entrySet()) {
                setTag(c, runId, tag.getKey(), tag.getValue());
            }
            return runId;
        });
    }

    /**
     * @param runId   an active run
     * @param status  its new status
     * @param endTime its end time, kept as it was when empty
     */
    void updateRun(String runId, RunStatus status, OptionalLong endTime) {
        write("set the status of run " + runId, c -> {
            requireActive(c, runId);
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET status = ?, end_time = COALESCE(?,"
                    + " end_time) WHERE run_uuid = ?")) {
                update.setString(1, status.name());
                update.setObject(2, endTime.isPresent() ? endTime.getAsLong() : null);
                update.setString(3, runId);
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param runId  a run
     * @param delete whether to delete it (else restore it)
     */
    void setDeleted(String runId, boolean delete) {
        write((delete ? "delete" : "restore") + " run " + runId, c -> {
            requireRun(c, runId);
            String deletedTime = database.schema().runDeletedTime() ? ", deleted_time = ?" : "";
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET lifecycle_stage = ?" + deletedTime
                    + " WHERE run_uuid = ?")) {
                update.setString(1, delete ? "deleted" : "active");
                int next = 2;
                if (!deletedTime.isEmpty()) {
                    update.setObject(next++, delete ? System.currentTimeMillis() : null);
                }
                update.setString(next, runId);
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param runId   an active run
     * @param metrics values to add
     * @param params  params to set once
     * @param tags    tags to set
     */
    void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        checkTagValues(runId, tags);
        write("log to run " + runId, c -> {
            requireActive(c, runId);
            for (Param param : params) {
                logParam(c, runId, param);
            }
            for (RunTag tag : tags) {
                setTag(c, runId, tag.key(), tag.value());
            }
            Map<String, Metric> greatest = new LinkedHashMap<>();
            insertMetrics(c, runId, metrics);
            for (Metric metric : metrics) {
                greatest.merge(metric.key(), metric, (a, b) -> compareStored(b, a) > 0 ? b : a);
            }
            for (Metric metric : greatest.values()) {
                updateLatest(c, runId, metric);
            }
            return null;
        });
    }

    /**
     * @param runId an active run
     * @param key   a tag it has
     */
    void deleteTag(String runId, String key) {
        write("delete tag '" + key + "' of run " + runId, c -> {
            requireActive(c, runId);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tags WHERE run_uuid = ? AND key = ?")) {
                delete.setString(1, runId);
                delete.setString(2, key);
                if (delete.executeUpdate() == 0) {
                    throw new TrackingNotFoundException("Run " + runId + " has no tag '" + key + "' in the MLflow"
                            + " database " + database.location() + ".");
                }
            }
            return null;
        });
    }

    // --------------------------------------------------------------------------------------------------- rows

    private void checkTagValues(String runId, List<RunTag> tags) {
        for (RunTag tag : tags) {
            if (tag.value().length() > MAX_TAG_VALUE_LENGTH) {
                throw new InvalidTrackingInputException("Tag '" + tag.key() + "' of run " + runId + " has "
                        + tag.value().length() + " characters; MLflow's schema (" + database.schema().describe()
                        + ") holds at most " + MAX_TAG_VALUE_LENGTH + " in tags.value of " + database.location()
                        + ". Shorten the value, or log it as an artifact.");
            }
        }
    }

    /** Throws when a run has the id (checked in the transaction that creates it). */
    private void requireNoRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM runs WHERE run_uuid = ?")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    throw new TrackingAlreadyExistsException("Run " + runId + " already exists in the MLflow database "
                            + database.location() + "; a run id is given once.");
                }
            }
        }
    }

    private void logParam(Connection c, String runId, Param param) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT value FROM params WHERE run_uuid = ? AND key = ?")) {
            select.setString(1, runId);
            select.setString(2, param.key());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    if (!param.value().equals(rs.getString(1))) {
                        throw new InvalidTrackingInputException("Param '" + param.key() + "' of run " + runId
                                + " is '" + rs.getString(1) + "' in the MLflow database " + database.location()
                                + "; it cannot change to '" + param.value() + "' (MLflow's params are written once)."
                                + " Log the new value under another key or in a new run.");
                    }
                    return;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO params (key, value, run_uuid) VALUES (?, ?,"
                + " ?)")) {
            insert.setString(1, param.key());
            insert.setString(2, param.value());
            insert.setString(3, runId);
            insert.executeUpdate();
        }
    }

    private static void setTag(Connection c, String runId, String key, String value) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)"
                + " ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.setString(3, runId);
            upsert.executeUpdate();
        }
        if (key.equals(SystemTags.RUN_NAME)) {
            try (PreparedStatement rename = c.prepareStatement("UPDATE runs SET name = ? WHERE run_uuid = ?")) {
                rename.setString(1, value);
                rename.setString(2, runId);
                rename.executeUpdate();
            }
        }
    }

    /** Inserts the rows as one JDBC batch (one round trip on PostgreSQL), duplicates of a row ignored. */
    private static void insertMetrics(Connection c, String runId, List<Metric> metrics) throws SQLException {
        if (metrics.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO metrics (key, value, timestamp, step, is_nan,"
                + " run_uuid) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Metric metric : metrics) {
                insert.setString(1, metric.key());
                insert.setDouble(2, stored(metric.value()));
                insert.setLong(3, metric.timestamp());
                insert.setLong(4, metric.step());
                insert.setBoolean(5, Double.isNaN(metric.value()));
                insert.setString(6, runId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void updateLatest(Connection c, String runId, Metric metric) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT value, timestamp, step FROM latest_metrics WHERE"
                + " run_uuid = ? AND key = ?")) {
            select.setString(1, runId);
            select.setString(2, metric.key());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next() && compareStored(metric, new Metric(metric.key(), rs.getDouble(1), rs.getLong(2),
                        rs.getLong(3))) <= 0) {
                    return;
                }
            }
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO latest_metrics (key, value, timestamp, step,"
                + " is_nan, run_uuid) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key, run_uuid) DO UPDATE SET"
                + " value = excluded.value, timestamp = excluded.timestamp, step = excluded.step,"
                + " is_nan = excluded.is_nan")) {
            upsert.setString(1, metric.key());
            upsert.setDouble(2, stored(metric.value()));
            upsert.setLong(3, metric.timestamp());
            upsert.setLong(4, metric.step());
            upsert.setBoolean(5, Double.isNaN(metric.value()));
            upsert.setString(6, runId);
            upsert.executeUpdate();
        }
    }

    /** MLflow's order of stored metrics: step, then timestamp, then the value as stored (NaN as 0). */
    private static int compareStored(Metric a, Metric b) {
        int byStep = Long.compare(a.step(), b.step());
        if (byStep != 0) {
            return byStep;
        }
        int byTime = Long.compare(a.timestamp(), b.timestamp());
        return byTime != 0 ? byTime : Double.compare(stored(a.value()), stored(b.value()));
    }

    /** What MLflow stores for a value: 0 for NaN (with is_nan), the largest finite double for ±Inf. */
    private static double stored(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return Double.isInfinite(value) ? Math.copySign(Double.MAX_VALUE, value) : value;
    }

    private void requireActive(Connection c, String runId) throws SQLException {
        if (!"active".equals(requireRun(c, runId))) {
            throw new InvalidTrackingInputException("Run " + runId + " in the MLflow database " + database.location()
                    + " is deleted; restore it before changing it.");
        }
    }

    /** @return the run's lifecycle stage */
    private String requireRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT lifecycle_stage FROM runs WHERE run_uuid = ?"
                + database.transactions().forUpdate())) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new TrackingNotFoundException("Run '" + runId + "' does not exist in the MLflow database "
                            + database.location() + "; search the runs to see their ids.");
                }
                return rs.getString(1) == null ? "active" : rs.getString(1);
            }
        }
    }

    private long experimentKey(String experimentId) {
        try {
            return Long.parseLong(experimentId);
        } catch (NumberFormatException e) {
            throw new TrackingNotFoundException(String.format(NO_EXPERIMENT, experimentId, database.location()));
        }
    }

    private <T> T write(String what, MlflowSqlTransactions.Work<T> work) {
        try {
            return database.write(work);
        } catch (SQLException e) {
            throw new TrackingException("Cannot " + what + " in the MLflow database " + database.location() + " ("
                    + database.schema().describe() + "): " + e.getMessage(), e);
        }
    }
}

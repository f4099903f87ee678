package org.mlops4j.tracking.mlflow;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.mlops4j.core.tracking.TrackingInputChecks;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunData;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingNotFoundException;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.tracking.internal.ArtifactFolder;

/**
 * A tracking store over a database in MLflow's SQL schema (SQLite or PostgreSQL, as {@code mlflow server
 * --backend-store-uri} or {@code mlflow.set_tracking_uri("sqlite:///mlflow.db")} made it), read in place as
 * {@code mlflow/store/tracking/sqlalchemy_store.py} and {@code mlflow/store/tracking/dbmodels/models.py} read it:
 * <ul>
 *   <li>experiments: {@code experiment_id} an integer shown as text; {@code lifecycle_stage} {@code active} or
 *       {@code deleted} (a deleted experiment stays in the table); tags from {@code experiment_tags};
 *       {@code creation_time}/{@code last_update_time} where the revision has them, else 0.</li>
 *   <li>runs: {@code run_uuid} is the id; {@code status} stored as its name ({@code RUNNING}, {@code SCHEDULED},
 *       {@code FINISHED}, {@code FAILED}, {@code KILLED}); the name is {@code runs.name}, or when that is empty (as
 *       MLflow 1.x left it) the {@code mlflow.runName} tag ({@code SqlRun.to_mlflow_entity}); nested runs name their
 *       parent in the {@code mlflow.parentRunId} tag.</li>
 *   <li>latest metrics: the rows of {@code latest_metrics}, which MLflow keeps at the value greatest by
 *       {@code (step, timestamp, value)} ({@code _update_latest_metrics_if_necessary}); in revisions older than that
 *       table, chosen from {@code metrics} by the same rule ({@link Metric#LATEST_ORDER}). A row with {@code is_nan}
 *       true is NaN (MLflow stores 0 in {@code value}); ±{@link Double#MAX_VALUE}, which MLflow stores for ±Inf
 *       ({@code _get_metric_value_details}), reads as ±Inf.</li>
 *   <li>artifacts: at the run's {@code artifact_uri} when it is a local path; a relative one is taken relative to a
 *       SQLite database's folder; remote ones ({@code s3://}, {@code mlflow-artifacts:/}) list as empty.</li>
 * </ul>
 * Run search applies mlops4j's filter, order and paging to the runs of the searched experiments.
 *
 * <p>At a known revision from {@code 89d4b8295536} on ({@link MlflowSchema#writesRuns()}), on SQLite and PostgreSQL,
 * experiments are created, renamed, tagged, deleted and restored ({@link MlflowSqlExperimentWriter}), runs created,
 * ended, deleted and restored, and metrics, params and tags logged ({@link MlflowSqlWriter}), as MLflow writes them;
 * artifacts are written where a run's {@code artifact_uri} is a local folder. Every write into an older revision or
 * one mlops4j does not know is refused with a {@link TrackingException} naming the revision. Thread-safe.
 */
public final class MlflowSqlStore implements TrackingStore {

    private static final String RUN_COLUMNS = "r.run_uuid, r.name, r.user_id, r.status, r.start_time, r.end_time,"
            + " r.artifact_uri, r.lifecycle_stage, r.experiment_id";

    /** The longest run id {@code runs.run_uuid} holds (VARCHAR(32)). */
    private static final int MAX_RUN_ID_LENGTH = 32;

    private final MlflowDatabase database;
    private final Optional<MlflowSqlWriter> writer;
    private final Optional<MlflowSqlExperimentWriter> experiments;

    MlflowSqlStore(MlflowDatabase database) {
        this.database = database;
        this.writer = database.schema().writesRuns() ? Optional.of(new MlflowSqlWriter(database)) : Optional.empty();
        this.experiments = database.schema().writesExperiments() ? Optional.of(new MlflowSqlExperimentWriter(database))
                : Optional.empty();
    }

    @Override
    public URI location() {
        return database.location();
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        OptionalLong id = numericId(experimentId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return experiments("WHERE experiment_id = ?", id.getAsLong()).stream().findFirst();
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        return experiments("WHERE name = ?", name).stream().findFirst();
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        return experiments("", null).stream().filter(e -> viewType.includes(e.lifecycleStage())).toList();
    }

    @Override
    public Optional<Run> getRun(String runId) {
        TrackingInputChecks.checkRunId(runId);
        return runs("r.run_uuid = ?", runId).stream().findFirst();
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        TrackingInputChecks.checkKey("Metric", key);
        requireRun(runId);
        String nan = database.schema().metricNaN() ? ", is_nan" : "";
        return read("read the history of metric '" + key + "' of run " + runId, c -> {
            List<Metric> history = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT key, value, timestamp, step" + nan
                    + " FROM metrics WHERE run_uuid = ? AND key = ? ORDER BY step, timestamp")) {
                select.setString(1, runId);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        history.add(metric(rs, 1, !nan.isEmpty()));
                    }
                }
            }
            return history;
        });
    }

    @Override
    public RunsPage searchRuns(SearchRequest request) {
        List<Run> runs = new ArrayList<>();
        for (String experimentId : request.experimentIds()) {
            if (getExperiment(experimentId).isEmpty()) {
                throw new TrackingNotFoundException("Experiment " + experimentId + " does not exist in the MLflow"
                        + " database " + location() + "; list the experiments to see their ids.");
            }
            runs.addAll(runs("r.experiment_id = ?", Long.parseLong(experimentId)));
        }
        return RunPages.page(runs, request);
    }

    @Override
    public List<ArtifactInfo> listArtifacts(String runId, String path) {
        return artifacts(runId).map(folder -> folder.list(path)).orElse(List.of());
    }

    @Override
    public InputStream openArtifact(String runId, String path) {
        return artifacts(runId).orElseThrow(() -> new TrackingNotFoundException("Artifact '" + path + "' of run "
                + runId + " is kept at " + requireRun(runId).info().artifactUri() + ", which mlops4j cannot read;"
                + " fetch it with MLflow's client.")).open(path);
    }

    private Optional<ArtifactFolder> artifacts(String runId) {
        String uri = requireRun(runId).info().artifactUri();
        Optional<Path> folder = ArtifactLocations.localPath(uri);
        if (folder.isEmpty() && !uri.isBlank() && !uri.contains(":")) {
            folder = database.folder().map(base -> base.resolve(uri).normalize());
        }
        return folder.map(f -> new ArtifactFolder(f, f, runId));
    }

    private Run requireRun(String runId) {
        return getRun(runId).orElseThrow(() -> new TrackingNotFoundException("Run '" + runId + "' does not exist"
                + " in the MLflow database " + location() + "; search the runs to see their ids."));
    }

    // ------------------------------------------------------------------------------------------------ reading

    private List<Experiment> experiments(String where, Object parameter) {
        MlflowSchema schema = database.schema();
        String times = schema.experimentTimes() ? ", creation_time, last_update_time" : "";
        return read("read the experiments", c -> {
            Map<Long, Map<String, String>> tags = schema.experimentTags() ? experimentTags(c) : Map.of();
            List<Experiment> experiments = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT experiment_id, name, artifact_location,"
                    + " lifecycle_stage" + times + " FROM experiments " + where + " ORDER BY experiment_id")) {
                if (parameter != null) {
                    select.setObject(1, parameter);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        experiments.add(new Experiment(String.valueOf(id), rs.getString(2), text(rs.getString(3)),
                                stage(rs.getString(4), "experiment " + id), tags.getOrDefault(id, Map.of()),
                                times.isEmpty() ? 0 : rs.getLong(5), times.isEmpty() ? 0 : rs.getLong(6)));
                    }
                }
            }
            return experiments;
        });
    }

    private static Map<Long, Map<String, String>> experimentTags(Connection c) throws SQLException {
        Map<Long, Map<String, String>> tags = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT experiment_id, key, value FROM experiment_tags");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>()).put(rs.getString(2), text(rs.getString(3)));
            }
        }
        return tags;
    }

    /** The runs a condition on {@code runs r} selects, with their params, tags and latest metrics. */
    private List<Run> runs(String condition, Object parameter) {
        return read("read runs", c -> {
            Map<String, String[]> rows = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs r WHERE "
                    + condition)) {
                select.setObject(1, parameter);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String[] row = new String[9];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getString(i + 1);
                        }
                        rows.put(row[0], row);
                    }
                }
            }
            Map<String, Map<String, String>> params = keyValues(c, "params", condition, parameter);
            Map<String, Map<String, String>> tags = keyValues(c, "tags", condition, parameter);
            Map<String, Map<String, Metric>> metrics = latestMetrics(c, condition, parameter);
            List<Run> runs = new ArrayList<>();
            for (String[] row : rows.values()) {
                Map<String, String> runTags = tags.getOrDefault(row[0], Map.of());
                runs.add(new Run(info(row, runTags), new RunData(metrics.getOrDefault(row[0], Map.of()),
                        params.getOrDefault(row[0], Map.of()), runTags)));
            }
            return runs;
        });
    }

    private RunInfo info(String[] row, Map<String, String> tags) {
        String runId = row[0];
        String name = row[1] == null || row[1].isEmpty() ? tags.getOrDefault(SystemTags.RUN_NAME, "") : row[1];
        RunStatus status;
        try {
            status = RunStatus.valueOf(row[3] == null ? RunStatus.SCHEDULED.name() : row[3]);
        } catch (IllegalArgumentException e) {
            throw new TrackingException("Run " + runId + " in the MLflow database " + location() + " has status '"
                    + row[3] + "'; expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED.");
        }
        return new RunInfo(runId, row[8], name, text(row[2]), status, row[4] == null ? 0 : Long.parseLong(row[4]),
                row[5] == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(row[5])), text(row[6]),
                stage(row[7], "run " + runId));
    }

    private static Map<String, Map<String, String>> keyValues(Connection c, String table, String condition,
            Object parameter) throws SQLException {
        Map<String, Map<String, String>> values = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT t.run_uuid, t.key, t.value FROM " + table
                + " t JOIN runs r ON r.run_uuid = t.run_uuid WHERE " + condition)) {
            select.setObject(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.computeIfAbsent(rs.getString(1), id -> new TreeMap<>()).put(rs.getString(2),
                            text(rs.getString(3)));
                }
            }
        }
        return values;
    }

    private Map<String, Map<String, Metric>> latestMetrics(Connection c, String condition, Object parameter)
            throws SQLException {
        MlflowSchema schema = database.schema();
        boolean nan = schema.latestMetrics() || schema.metricNaN();
        String table = schema.latestMetrics() ? "latest_metrics" : "metrics";
        Map<String, Map<String, Metric>> latest = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT m.run_uuid, m.key, m.value, m.timestamp, m.step"
                + (nan ? ", m.is_nan" : "") + " FROM " + table + " m JOIN runs r ON r.run_uuid = m.run_uuid WHERE "
                + condition)) {
            select.setObject(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Metric metric = metric(rs, 2, nan);
                    latest.computeIfAbsent(rs.getString(1), id -> new TreeMap<>())
                            .merge(metric.key(), metric, Metric::laterOf);
                }
            }
        }
        return latest;
    }

    /** A metric from the columns key, value, timestamp, step and, when present, is_nan, from {@code first} on. */
    private static Metric metric(ResultSet rs, int first, boolean withNaN) throws SQLException {
        double stored = rs.getDouble(first + 1);
        double value = withNaN && rs.getBoolean(first + 4) ? Double.NaN
                : Math.abs(stored) == Double.MAX_VALUE ? Math.copySign(Double.POSITIVE_INFINITY, stored) : stored;
        return new Metric(rs.getString(first), value, rs.getLong(first + 2), rs.getLong(first + 3));
    }

    private LifecycleStage stage(String stored, String what) {
        try {
            return LifecycleStage.fromStoredName(stored == null ? LifecycleStage.ACTIVE.storedName() : stored);
        } catch (IllegalArgumentException e) {
            throw new TrackingException("The " + what + " in the MLflow database " + location()
                    + " has lifecycle_stage '" + stored + "'; expected active or deleted.");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static OptionalLong numericId(String id) {
        try {
            return id == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private <T> T read(String what, MlflowDatabase.Reads<T> reads) {
        try {
            return database.read(reads);
        } catch (SQLException e) {
            throw new TrackingException("Cannot " + what + " from the MLflow database " + location() + " ("
                    + database.schema().describe() + "): " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ writes

    @Override
    public Experiment createExperiment(String name, Map<String, String> tags) {
        String id = experiments.orElseThrow(() -> refused("create experiment '" + name + "'")).create(name, tags);
        return getExperiment(id).orElseThrow();
    }

    @Override
    public void renameExperiment(String experimentId, String newName) {
        experiments.orElseThrow(() -> refused("rename experiment " + experimentId)).rename(experimentId, newName);
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        experiments.orElseThrow(() -> refused("set tag '" + key + "' of experiment " + experimentId))
                .setTag(experimentId, key, value);
    }

    @Override
    public void deleteExperiment(String experimentId) {
        experiments.orElseThrow(() -> refused("delete experiment " + experimentId)).delete(experimentId);
    }

    @Override
    public void restoreExperiment(String experimentId) {
        experiments.orElseThrow(() -> refused("restore experiment " + experimentId)).restore(experimentId);
    }

    @Override
    public RunInfo createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags) {
        return createRun(experimentId, runName, userId, startTime, tags, Optional.empty());
    }

    /** Keeps ids of up to 32 characters, the width of {@code runs.run_uuid}. */
    @Override
    public RunInfo createRunWithId(String runId, String experimentId, String runName, String userId, long startTime,
                                   List<RunTag> tags) {
        TrackingInputChecks.checkRunIdFits(runId, MAX_RUN_ID_LENGTH, "runs.run_uuid of the MLflow database "
                + location());
        return createRun(experimentId, runName, userId, startTime, tags, Optional.of(runId));
    }

    /** @return whether runs are written here at all (a revision mlops4j writes) */
    @Override
    public boolean keepsRunIds() {
        return writer.isPresent();
    }

    private RunInfo createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags,
            Optional<String> runId) {
        MlflowSqlWriter runs = writer.orElseThrow(() -> refused("create a run in experiment " + experimentId));
        TrackingInputChecks.checkRunName(runName);
        tags.forEach(tag -> TrackingInputChecks.checkRunTag(tag, "(new)"));
        runId.ifPresent(TrackingInputChecks::checkRunId);
        String created = runs.createRun(experimentId, runName, userId, startTime, tags, runId);
        return requireRun(created).info();
    }

    @Override
    public RunInfo updateRun(String runId, RunStatus status, OptionalLong endTime) {
        writer.orElseThrow(() -> refused("set the status of run " + runId)).updateRun(runId, status, endTime);
        return requireRun(runId).info();
    }

    @Override
    public void deleteRun(String runId) {
        writer.orElseThrow(() -> refused("delete run " + runId)).setDeleted(runId, true);
    }

    @Override
    public void restoreRun(String runId) {
        writer.orElseThrow(() -> refused("restore run " + runId)).setDeleted(runId, false);
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        MlflowSqlWriter runs = writer.orElseThrow(() -> refused("log to run " + runId));
        TrackingInputChecks.checkBatch(runId, metrics, params, tags);
        runs.logBatch(runId, metrics, params, tags);
    }

    @Override
    public void deleteTag(String runId, String key) {
        writer.orElseThrow(() -> refused("delete tag '" + key + "' of run " + runId)).deleteTag(runId, key);
    }

    @Override
    public void writeArtifact(String runId, String path, InputStream content) {
        TrackingInputChecks.checkArtifactPath(path, false);
        if (writer.isEmpty()) {
            throw refused("write artifact '" + path + "' of run " + runId);
        }
        artifacts(runId).orElseThrow(() -> new TrackingException("Cannot write artifact '" + path + "' of run "
                + runId + ": its artifact_uri " + requireRun(runId).info().artifactUri() + " in " + location()
                + " is not a local folder, and mlops4j writes artifacts only to local folders. Log it with MLflow's"
                + " client, or give the experiment a local artifact location.")).write(path, content);
    }

    /** Closes the connections. */
    @Override
    public void close() {
        database.close();
    }

    private TrackingException refused(String what) {
        return MlflowWritesRefused.inTracking(what, location(), database.schema());
    }
}

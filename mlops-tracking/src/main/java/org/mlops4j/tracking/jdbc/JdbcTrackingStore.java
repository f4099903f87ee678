package org.mlops4j.tracking.jdbc;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.support.jdbc.ConnectionPool;
import org.mlops4j.core.spi.support.jdbc.JdbcUrls;
import org.mlops4j.core.spi.support.jdbc.ReadOnlyDatabase;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.PageToken;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunData;
import org.mlops4j.core.tracking.RunInfo;
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
import org.mlops4j.tracking.internal.PackedMetrics;
import org.mlops4j.tracking.internal.SqlRunSearch;
import org.mlops4j.tracking.internal.StoreFolder;
import org.mlops4j.tracking.internal.StoreIds;
import org.mlops4j.tracking.internal.TrackingSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tracking store in a relational database: SQLite (embedded, the driver ships with mlops4j), H2 or PostgreSQL.
 *
 * <p>Tables: {@code experiments}, {@code experiment_tags}, {@code runs}, {@code params}, {@code tags},
 * {@code metric_batches} (the full history: one row per run, key and logged batch, the values packed as
 * {@link PackedMetrics}, about 10 bytes a value, so a batch of 1000 values costs a few rows rather than 1000) and {@code latest_metrics}
 * (the latest value per run and key as plain columns, kept up to date in the same transaction, which is what searches
 * filter and sort on), with indexes for the search paths; the schema is versioned in {@code schema_version} (see
 * {@link TrackingSchema}). In {@code latest_metrics} NaN is stored as {@code is_nan = 1} because SQLite cannot hold
 * NaN in a REAL column.
 *
 * <p>Every write is one transaction, retried a few times when the database reports a transient conflict. Writes to a
 * run lock its row first ({@code SELECT ... FOR UPDATE}; SQLite write transactions are IMMEDIATE and lock the whole
 * file), so param checks and latest-metric updates are safe across threads and processes. SQLite runs in WAL mode
 * with a busy timeout, so readers never wait for writers and writers queue instead of failing.
 *
 * <p>Logging a batch of metrics takes a handful of statements that does not grow with the number of values (the
 * run's row; per 16 keys one multi-row insert into {@code metric_batches} and one select of {@code latest_metrics};
 * the inserts or updates of {@code latest_metrics} as one JDBC batch each), all prepared once per connection and
 * reused.
 *
 * <p>Durability on SQLite: commits run with {@code synchronous=NORMAL}, so a commit is in the write-ahead log (WAL)
 * when the call returns but not yet forced to disk. A killed process loses nothing that a call acknowledged; a power
 * cut or operating-system crash can lose the commits since the WAL was last synced (at a checkpoint), never leaves the
 * database inconsistent, and loses whole transactions only. Ending a run (a terminal status) commits with
 * {@code synchronous=FULL}, which syncs the WAL and with it every earlier commit, so everything acknowledged before
 * {@code updateRun} with a terminal status returned survives a power cut; a passive checkpoint then copies the WAL
 * into the database file. H2 and PostgreSQL keep their own durability settings (PostgreSQL syncs each commit by
 * default; H2 writes its file with a short delay).
 *
 * <p>Artifacts are files under an artifact root folder ({@code mlops.tracking.artifact-root}; by default
 * {@code mlartifacts} beside a SQLite or H2 database file, else {@code ./mlartifacts}), one folder per experiment and
 * run as in the file store.
 *
 * <p>Thread-safe and multi-process safe.
 */
public final class JdbcTrackingStore implements TrackingStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTrackingStore.class);
    private static final int RETRIES = 8;
    private static final int IN_CHUNK = 500;
    private static final int ROWS_PER_STATEMENT = 16;

    private final URI location;
    private final String url;
    private final SqlDialect dialect;
    private final ConnectionPool pool;
    private final Path artifactRoot;
    private final SqlRunSearch search;
    private final boolean readOnly;

    /** Work inside one connection (and, for writes, one transaction). */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work that uses the statements cached with its connection. */
    @FunctionalInterface
    private interface CachedSqlWork<T> {
        T run(ConnectionPool.Lease lease) throws SQLException;
    }

    /**
     * Opens (creating and migrating the schema if needed) a store.
     *
     * @param location     the tracking URI, for {@link #location()}
     * @param url          the JDBC URL
     * @param dialect      its dialect
     * @param poolSize     the most connections to open
     * @param artifactRoot the folder for artifacts
     */
    public JdbcTrackingStore(URI location, String url, SqlDialect dialect, int poolSize, Path artifactRoot) {
        this(location, url, dialect, poolSize, artifactRoot, StoreAccess.READ_WRITE);
    }

    /**
     * Opens a store. Read-only, the database must exist and hold the current tracking schema, and nothing is written:
     * no database file, table, default experiment or statistics; connections are read-only (see
     * {@link ReadOnlyDatabase}). Read-only stores are handed out wrapped in a {@link ReadOnlyTrackingStore}.
     *
     * @param location     the tracking URI, for {@link #location()}
     * @param url          the JDBC URL
     * @param dialect      its dialect
     * @param poolSize     the most connections to open
     * @param artifactRoot the folder for artifacts
     * @param access       whether the store only reads
     * @throws ConfigurationException when read-only and the database is missing or holds no tracking store
     */
    JdbcTrackingStore(URI location, String url, SqlDialect dialect, int poolSize, Path artifactRoot,
                      StoreAccess access) {
        this.location = Objects.requireNonNull(location, "location");
        this.url = url;
        this.dialect = dialect;
        this.readOnly = access == StoreAccess.READ_ONLY;
        if (readOnly) {
            ReadOnlyDatabase.requireExisting(url, location, StoreFolder.TRACKING_HINT);
        }
        this.pool = new ConnectionPool(url, dialect, ConnectionPool.Settings.forWrites(poolSize).readOnly(readOnly));
        this.artifactRoot = artifactRoot.toAbsolutePath().normalize();
        this.search = new SqlRunSearch(dialect);
        if (readOnly) {
            try {
                read(connection -> {
                    TrackingSchema.requireCurrent(connection, JdbcUrls.redact(location).toString(),
                            StoreFolder.TRACKING_HINT);
                    return null;
                });
            } catch (TrackingException e) {
                pool.close();
                throw e.getCause() instanceof SQLException sql ? notAStore(sql) : e;
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
            return;
        }
        try {
            write(connection -> {
                TrackingSchema.migrate(connection, dialect, JdbcUrls.redact(location).toString());
                if (readExperiment(connection, Experiment.DEFAULT_ID).isEmpty()) {
                    insertExperiment(connection, Experiment.DEFAULT_ID, Experiment.DEFAULT_NAME, Map.of());
                }
                return null;
            });
            optimizeStatistics("PRAGMA optimize=0x10002");
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Read-only, connecting failed: the file is no database, or a database the driver cannot open. */
    private ConfigurationException notAStore(SQLException e) {
        return new ConfigurationException("Cannot open " + JdbcUrls.redact(location).toString()
                + " as an mlops4j tracking store: "
                + ReadOnlyDatabase.oneLine(e) + ". " + StoreFolder.TRACKING_HINT, e);
    }

    /**
     * Lets SQLite refresh the statistics its query planner chooses indexes by (searches depend on them); never on a
     * read-only store, which writes nothing.
     */
    private void optimizeStatistics(String pragma) {
        if (dialect == SqlDialect.SQLITE && !readOnly) {
            read(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute(pragma);
                }
                return null;
            });
        }
    }

    @Override
    public URI location() {
        return location;
    }

    /** @return the folder artifacts are kept in */
    public Path artifactRoot() {
        return artifactRoot;
    }

    // ------------------------------------------------------------------------------------------ experiments

    @Override
    public Experiment createExperiment(String name, Map<String, String> tags) {
        TrackingInputChecks.checkExperimentName(name);
        tags.forEach(TrackingInputChecks::checkExperimentTag);
        return write(connection -> {
            Optional<Experiment> existing = findByName(connection, name);
            if (existing.isPresent()) {
                throw TrackingInputChecks.alreadyExists(existing.get());
            }
            String id;
            do {
                id = StoreIds.newExperimentId();
            } while (readExperiment(connection, id).isPresent());
            return insertExperiment(connection, id, name, tags);
        });
    }

    private Experiment insertExperiment(Connection connection, String id, String name, Map<String, String> tags)
            throws SQLException {
        long now = System.currentTimeMillis();
        String artifactLocation = artifactRoot.resolve(id).toUri().toString().replaceAll("/$", "");
        update(connection, "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, "
                + "creation_time, last_update_time) VALUES (?, ?, ?, ?, ?, ?)", id, name, artifactLocation,
                LifecycleStage.ACTIVE.storedName(), now, now);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            update(connection, "INSERT INTO experiment_tags (experiment_id, tag_key, tag_value) VALUES (?, ?, ?)", id,
                    tag.getKey(), tag.getValue());
        }
        return new Experiment(id, name, artifactLocation, LifecycleStage.ACTIVE, tags, now, now);
    }

    @Override
    public Optional<Experiment> getExperiment(String experimentId) {
        TrackingInputChecks.checkExperimentId(experimentId);
        return read(connection -> readExperiment(connection, experimentId));
    }

    @Override
    public Optional<Experiment> getExperimentByName(String name) {
        Objects.requireNonNull(name, "name");
        return read(connection -> findByName(connection, name));
    }

    private Optional<Experiment> findByName(Connection connection, String name) throws SQLException {
        List<Experiment> found = experiments(connection, " WHERE name = ?", name);
        return found.stream().filter(Experiment::isActive).findFirst().or(() -> found.stream().findFirst());
    }

    private Optional<Experiment> readExperiment(Connection connection, String id) throws SQLException {
        return experiments(connection, " WHERE experiment_id = ?", id).stream().findFirst();
    }

    @Override
    public List<Experiment> listExperiments(ViewType viewType) {
        return read(connection -> experiments(connection, "", (Object[]) null)).stream()
                .filter(e -> viewType.includes(e.lifecycleStage())).toList();
    }

    private List<Experiment> experiments(Connection connection, String where, Object... binds) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT experiment_id, name, artifact_location, "
                + "lifecycle_stage, creation_time, last_update_time FROM experiments" + where
                + " ORDER BY experiment_id")) {
            bind(select, binds == null ? new Object[0] : binds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    times.add(new long[] {rs.getLong(5), rs.getLong(6)});
                }
            }
        }
        Map<String, Map<String, String>> tags = new HashMap<>();
        String tagWhere = rows.size() == 1 ? " WHERE experiment_id = ?" : "";
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT experiment_id, tag_key, tag_value FROM experiment_tags" + tagWhere)) {
            if (rows.size() == 1) {
                select.setString(1, rows.get(0)[0]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<Experiment> experiments = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            experiments.add(new Experiment(row[0], row[1], row[2], LifecycleStage.fromStoredName(row[3]),
                    tags.getOrDefault(row[0], Map.of()), times.get(i)[0], times.get(i)[1]));
        }
        return experiments;
    }

    private Experiment requireExperiment(Connection connection, String experimentId) throws SQLException {
        TrackingInputChecks.checkExperimentId(experimentId);
        return readExperiment(connection, experimentId).orElseThrow(() -> new TrackingNotFoundException(
                "No experiment with id '" + experimentId + "' in the tracking database " + url + "."));
    }

    @Override
    public void renameExperiment(String experimentId, String newName) {
        TrackingInputChecks.checkExperimentName(newName);
        write(connection -> {
            Experiment experiment = requireExperiment(connection, experimentId);
            if (!experiment.isActive()) {
                throw new InvalidTrackingInputException("Experiment " + experimentId + " ('" + experiment.name()
                        + "') is deleted; restore it before renaming it.");
            }
            Optional<Experiment> other = findByName(connection, newName);
            if (other.isPresent() && !other.get().experimentId().equals(experimentId)) {
                throw TrackingInputChecks.alreadyExists(other.get());
            }
            update(connection, "UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?",
                    newName, System.currentTimeMillis(), experimentId);
            return null;
        });
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        TrackingInputChecks.checkExperimentTag(key, value);
        write(connection -> {
            requireExperiment(connection, experimentId);
            update(connection, dialect.upsert("experiment_tags", List.of("experiment_id", "tag_key"), "tag_value"),
                    experimentId, key, value);
            return null;
        });
    }

    @Override
    public void deleteExperiment(String experimentId) {
        if (Experiment.DEFAULT_ID.equals(experimentId)) {
            throw new InvalidTrackingInputException("Cannot delete the default experiment '0'; it is reserved.");
        }
        write(connection -> {
            if (!requireExperiment(connection, experimentId).isActive()) {
                return null;
            }
            long now = System.currentTimeMillis();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(deleted_time) FROM runs WHERE experiment_id = ?")) {
                select.setString(1, experimentId);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next() && nullableLong(rs, 1) != null) {
                        // restoring brings back the runs deleted at exactly this time, so it must be unique
                        now = Math.max(now, rs.getLong(1) + 1);
                    }
                }
            }
            update(connection, "UPDATE experiments SET lifecycle_stage = ?, deleted_time = ?, last_update_time = ? "
                    + "WHERE experiment_id = ?", LifecycleStage.DELETED.storedName(), now, now, experimentId);
            update(connection, "UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE experiment_id = ? "
                    + "AND lifecycle_stage = ?", LifecycleStage.DELETED.storedName(), now, experimentId,
                    LifecycleStage.ACTIVE.storedName());
            return null;
        });
    }

    @Override
    public void restoreExperiment(String experimentId) {
        write(connection -> {
            if (requireExperiment(connection, experimentId).isActive()) {
                return null;
            }
            Long deletedAt = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT deleted_time FROM experiments WHERE experiment_id = ?")) {
                select.setString(1, experimentId);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        deletedAt = (Long) nullableLong(rs, 1);
                    }
                }
            }
            update(connection, "UPDATE experiments SET lifecycle_stage = ?, deleted_time = NULL, last_update_time = ? "
                    + "WHERE experiment_id = ?", LifecycleStage.ACTIVE.storedName(), System.currentTimeMillis(),
                    experimentId);
            if (deletedAt != null) {
                update(connection, "UPDATE runs SET lifecycle_stage = ?, deleted_time = NULL WHERE experiment_id = ? "
                        + "AND deleted_time = ?", LifecycleStage.ACTIVE.storedName(), experimentId, deletedAt);
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------ runs

    @Override
    public RunInfo createRun(String experimentId, String runName, String userId, long startTime, List<RunTag> tags) {
        return createRun(Optional.empty(), experimentId, runName, userId, startTime, tags);
    }

    /** The longest run id {@code runs.run_id} holds (VARCHAR(64)). */
    private static final int MAX_RUN_ID_LENGTH = 64;

    /** Keeps the id: {@code runs.run_id} is whatever the store is given, up to 64 characters. */
    @Override
    public RunInfo createRunWithId(String runId, String experimentId, String runName, String userId, long startTime,
                                   List<RunTag> tags) {
        TrackingInputChecks.checkRunIdFits(runId, MAX_RUN_ID_LENGTH, "runs.run_id of " + location());
        return createRun(Optional.of(runId), experimentId, runName, userId, startTime, tags);
    }

    @Override
    public boolean keepsRunIds() {
        return true;
    }

    private RunInfo createRun(Optional<String> givenId, String experimentId, String runName, String userId,
                              long startTime, List<RunTag> tags) {
        Map<String, String> tagMap = TrackingInputChecks.checkNewRun(runName, userId, startTime, tags);
        return write(connection -> {
            Experiment experiment = requireExperiment(connection, experimentId);
            if (!experiment.isActive()) {
                throw TrackingInputChecks.deletedExperiment(experiment);
            }
            String runId = givenId.orElseGet(StoreIds::newRunId);
            if (givenId.isPresent()) {
                try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
                    select.setString(1, runId);
                    try (ResultSet rs = select.executeQuery()) {
                        if (rs.next()) {
                            throw new TrackingAlreadyExistsException("Run " + runId + " already exists in "
                                    + location() + "; a run id is given once.");
                        }
                    }
                }
            }
            RunInfo info = new RunInfo(runId, experimentId, runName, userId, RunStatus.RUNNING, startTime,
                    OptionalLong.empty(), experiment.artifactLocation() + "/" + runId + "/artifacts",
                    LifecycleStage.ACTIVE);
            update(connection, "INSERT INTO runs (run_id, experiment_id, run_name, user_id, status, start_time, "
                    + "end_time, artifact_uri, lifecycle_stage) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)", runId,
                    experimentId, runName, userId, RunStatus.RUNNING.name(), startTime, info.artifactUri(),
                    LifecycleStage.ACTIVE.storedName());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tags (run_id, tag_key, tag_value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> tag : tagMap.entrySet()) {
                    bind(insert, runId, tag.getKey(), tag.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return info;
        });
    }

    @Override
    public RunInfo updateRun(String runId, RunStatus status, OptionalLong endTime) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endTime, "endTime");
        TrackingInputChecks.checkRunId(runId);
        RunInfo updated = writeCached(lease -> {
            Connection connection = lease.connection();
            RunInfo info = lockRun(connection, runId);
            requireActive(info);
            OptionalLong end = status.isTerminal()
                    ? (endTime.isPresent() ? endTime : OptionalLong.of(System.currentTimeMillis()))
                    : OptionalLong.empty();
            update(connection, "UPDATE runs SET status = ?, end_time = ? WHERE run_id = ?", status.name(),
                    end.isPresent() ? end.getAsLong() : null, runId);
            return info.withStatus(status, end);
        }, status.isTerminal());
        if (status.isTerminal() && dialect == SqlDialect.SQLITE) {
            // the commit above synced the WAL, and with it every earlier commit of the run; copying the WAL into the
            // database file keeps the WAL short (PASSIVE: it never waits for readers)
            read(connection -> {
                pragma(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                return null;
            });
        }
        return updated;
    }

    @Override
    public Optional<Run> getRun(String runId) {
        TrackingInputChecks.checkRunId(runId);
        return read(connection -> {
            Optional<RunInfo> info = readRunInfo(connection, runId, false);
            if (info.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Run(info.get(), loadData(connection, List.of(runId)).get(runId)));
        });
    }

    @Override
    public void deleteRun(String runId) {
        setLifecycle(runId, LifecycleStage.DELETED, System.currentTimeMillis());
    }

    @Override
    public void restoreRun(String runId) {
        setLifecycle(runId, LifecycleStage.ACTIVE, null);
    }

    private void setLifecycle(String runId, LifecycleStage stage, Long deletedTime) {
        TrackingInputChecks.checkRunId(runId);
        write(connection -> {
            RunInfo info = lockRun(connection, runId);
            if (stage == LifecycleStage.ACTIVE && !requireExperiment(connection, info.experimentId()).isActive()) {
                throw new InvalidTrackingInputException("Run " + runId + " belongs to deleted experiment "
                        + info.experimentId() + "; restore the experiment instead.");
            }
            update(connection, "UPDATE runs SET lifecycle_stage = ?, deleted_time = ? WHERE run_id = ?",
                    stage.storedName(), deletedTime, runId);
            return null;
        });
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
        writeCached(lease -> {
            Connection connection = lease.connection();
            RunInfo info = lockRun(lease, runId);
            requireActive(info);
            if (!params.isEmpty()) {
                writeParams(connection, runId, params);
            }
            if (!metrics.isEmpty()) {
                writeMetrics(lease, runId, metrics);
            }
            if (!tagMap.isEmpty()) {
                try (PreparedStatement upsert = connection.prepareStatement(
                        dialect.upsert("tags", List.of("run_id", "tag_key"), "tag_value"))) {
                    for (Map.Entry<String, String> tag : tagMap.entrySet()) {
                        bind(upsert, runId, tag.getKey(), tag.getValue());
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                if (newName != null) {
                    update(connection, "UPDATE runs SET run_name = ? WHERE run_id = ?", newName, runId);
                }
            }
            return null;
        }, false);
    }

    private void writeParams(Connection connection, String runId, List<Param> params) throws SQLException {
        Map<String, String> existing = new HashMap<>();
        for (List<Param> chunk : chunks(params)) {
            StringBuilder sql = new StringBuilder("SELECT param_key, param_value FROM params WHERE run_id = ? AND "
                    + "param_key IN (");
            List<Object> binds = new ArrayList<>(List.of(runId));
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                binds.add(chunk.get(i).key());
            }
            try (PreparedStatement select = connection.prepareStatement(sql + ")")) {
                bind(select, binds.toArray());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO params (run_id, param_key, param_value) VALUES (?, ?, ?)")) {
            boolean any = false;
            for (Param param : params) {
                String old = existing.get(param.key());
                if (old == null) {
                    bind(insert, runId, param.key(), param.value());
                    insert.addBatch();
                    any = true;
                } else if (!old.equals(param.value())) {
                    throw new InvalidTrackingInputException("Changing param values is not allowed. Param with key='"
                            + param.key() + "' was already logged with value='" + old + "' for run ID='" + runId
                            + "'. Attempted logging new value '" + param.value() + "'. Log it under another key, or "
                            + "start a new run.");
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Writes a batch's metrics with at most a few statements, all cached with the connection: one multi-row insert
     * into {@code metric_batches} per {@value #ROWS_PER_STATEMENT} keys, one select of the stored latest values per
     * {@value #ROWS_PER_STATEMENT} keys, and the inserts and updates of {@code latest_metrics} that are needed.
     */
    private void writeMetrics(ConnectionPool.Lease lease, String runId, List<Metric> metrics) throws SQLException {
        Map<String, List<Metric>> byKey = new LinkedHashMap<>();
        Map<String, Metric> latest = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            byKey.computeIfAbsent(metric.key(), k -> new ArrayList<>()).add(metric);
            latest.merge(metric.key(), metric, Metric::laterOf);
        }
        List<Map.Entry<String, List<Metric>>> rows = new ArrayList<>(byKey.entrySet());
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Map.Entry<String, List<Metric>>> chunk = rows.subList(from,
                    Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            PreparedStatement insert = lease.prepared(multiRowInsert(chunk.size()));
            int column = 1;
            for (Map.Entry<String, List<Metric>> values : chunk) {
                insert.setString(column++, runId);
                insert.setString(column++, values.getKey());
                insert.setInt(column++, values.getValue().size());
                insert.setBytes(column++, PackedMetrics.pack(values.getValue()));
            }
            insert.executeUpdate();
        }
        Map<String, Metric> stored = new HashMap<>();
        List<String> keys = new ArrayList<>(latest.keySet());
        for (int from = 0; from < keys.size(); from += ROWS_PER_STATEMENT) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + ROWS_PER_STATEMENT));
            PreparedStatement select = lease.prepared("SELECT metric_key, metric_value, is_nan, logged_at, step FROM "
                    + "latest_metrics WHERE run_id = ? AND metric_key IN (?" + ", ?".repeat(chunk.size() - 1) + ")");
            select.setString(1, runId);
            for (int i = 0; i < chunk.size(); i++) {
                select.setString(i + 2, chunk.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), readMetric(rs, rs.getString(1), 2));
                }
            }
        }
        PreparedStatement insert = null;
        PreparedStatement change = null;
        for (Metric metric : latest.values()) {
            Metric old = stored.get(metric.key());
            if (old == null) {
                insert = insert != null ? insert : lease.prepared("INSERT INTO latest_metrics (run_id, metric_key, "
                        + "metric_value, is_nan, logged_at, step) VALUES (?, ?, ?, ?, ?, ?)");
                bindMetric(insert, runId, metric);
                insert.addBatch();
            } else if (Metric.LATEST_ORDER.compare(metric, old) > 0) {
                change = change != null ? change : lease.prepared("UPDATE latest_metrics SET metric_value = ?, "
                        + "is_nan = ?, logged_at = ?, step = ? WHERE run_id = ? AND metric_key = ?");
                boolean nan = Double.isNaN(metric.value());
                bind(change, nan ? 0.0 : metric.value(), nan ? 1 : 0, metric.timestamp(), metric.step(), runId,
                        metric.key());
                change.addBatch();
            }
        }
        if (insert != null) {
            insert.executeBatch();
        }
        if (change != null) {
            change.executeBatch();
        }
    }

    private static String multiRowInsert(int rows) {
        String row = "(?, ?, ?, ?, " + PackedMetrics.DELTA + ")";
        return "INSERT INTO metric_batches (run_id, metric_key, value_count, packed_values, value_encoding) VALUES "
                + row + (", " + row).repeat(rows - 1);
    }

    @Override
    public void deleteTag(String runId, String key) {
        TrackingInputChecks.checkRunId(runId);
        TrackingInputChecks.checkKey("Tag", key);
        write(connection -> {
            requireActive(lockRun(connection, runId));
            if (update(connection, "DELETE FROM tags WHERE run_id = ? AND tag_key = ?", runId, key) == 0) {
                throw new TrackingNotFoundException("Run " + runId + " has no tag '" + key + "' to delete.");
            }
            return null;
        });
    }

    @Override
    public List<Metric> getMetricHistory(String runId, String key) {
        TrackingInputChecks.checkRunId(runId);
        TrackingInputChecks.checkKey("Metric", key);
        return read(connection -> {
            if (readRunInfo(connection, runId, false).isEmpty()) {
                throw notFound(runId);
            }
            List<Metric> history = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT packed_values, value_encoding FROM metric_batches "
                    + "WHERE run_id = ? AND metric_key = ?")) {
                bind(select, runId, key);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        history.addAll(PackedMetrics.unpack(key, rs.getBytes(1), rs.getInt(2)));
                    }
                }
            }
            history.sort(java.util.Comparator.comparingLong(Metric::step).thenComparingLong(Metric::timestamp));
            return history;
        });
    }

    @Override
    public RunsPage searchRuns(SearchRequest request) {
        SqlRunSearch.Query query = search.query(request);
        return read(connection -> {
            for (String experimentId : request.experimentIds()) {
                requireExperiment(connection, experimentId);
            }
            List<RunInfo> infos = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(query.sql())) {
                bind(select, query.binds().toArray());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        infos.add(runInfo(rs));
                    }
                }
            }
            boolean more = infos.size() > request.maxResults();
            if (more) {
                infos = infos.subList(0, request.maxResults());
            }
            Map<String, RunData> data = loadData(connection, infos.stream().map(RunInfo::runId).toList());
            List<Run> runs = infos.stream().map(info -> new Run(info, data.get(info.runId()))).toList();
            Optional<String> next = more
                    ? Optional.of(new PageToken(request.offset() + request.maxResults()).encode())
                    : Optional.empty();
            return new RunsPage(runs, next);
        });
    }

    private Map<String, RunData> loadData(Connection connection, List<String> runIds) throws SQLException {
        Map<String, Map<String, Metric>> metrics = new HashMap<>();
        Map<String, Map<String, String>> params = new HashMap<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (List<String> chunk : chunks(runIds)) {
            String in = "?" + ", ?".repeat(chunk.size() - 1);
            try (PreparedStatement select = connection.prepareStatement("SELECT run_id, metric_key, metric_value, "
                    + "is_nan, logged_at, step FROM latest_metrics WHERE run_id IN (" + in + ")")) {
                bind(select, chunk.toArray());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        metrics.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .put(rs.getString(2), readMetric(rs, rs.getString(2), 3));
                    }
                }
            }
            readPairs(connection, "SELECT run_id, param_key, param_value FROM params WHERE run_id IN (" + in + ")",
                    chunk, params);
            readPairs(connection, "SELECT run_id, tag_key, tag_value FROM tags WHERE run_id IN (" + in + ")", chunk,
                    tags);
        }
        Map<String, RunData> data = new HashMap<>();
        for (String runId : runIds) {
            data.put(runId, new RunData(metrics.getOrDefault(runId, Map.of()), params.getOrDefault(runId, Map.of()),
                    tags.getOrDefault(runId, Map.of())));
        }
        return data;
    }

    private static void readPairs(Connection connection, String sql, List<String> runIds,
                                  Map<String, Map<String, String>> into) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, runIds.toArray());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    into.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
    }

    private RunInfo lockRun(ConnectionPool.Lease lease, String runId) throws SQLException {
        PreparedStatement select = lease.prepared("SELECT " + SqlRunSearch.RUN_COLUMNS + " FROM runs r WHERE "
                + "r.run_id = ?" + dialect.forUpdate());
        select.setString(1, runId);
        try (ResultSet rs = select.executeQuery()) {
            if (rs.next()) {
                return runInfo(rs);
            }
        }
        throw notFound(runId);
    }

    private RunInfo lockRun(Connection connection, String runId) throws SQLException {
        return readRunInfo(connection, runId, true).orElseThrow(() -> notFound(runId));
    }

    private Optional<RunInfo> readRunInfo(Connection connection, String runId, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + SqlRunSearch.RUN_COLUMNS
                + " FROM runs r WHERE r.run_id = ?" + (forUpdate ? dialect.forUpdate() : ""))) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(runInfo(rs)) : Optional.empty();
            }
        }
    }

    private static RunInfo runInfo(ResultSet rs) throws SQLException {
        Object end = nullableLong(rs, 7);
        return new RunInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                RunStatus.valueOf(rs.getString(5)), rs.getLong(6),
                end == null ? OptionalLong.empty() : OptionalLong.of((Long) end), rs.getString(8),
                LifecycleStage.fromStoredName(rs.getString(9)));
    }

    private static Object nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Metric readMetric(ResultSet rs, String key, int firstColumn) throws SQLException {
        double value = rs.getDouble(firstColumn);
        boolean nan = rs.getInt(firstColumn + 1) != 0;
        return new Metric(key, nan ? Double.NaN : value, rs.getLong(firstColumn + 2), rs.getLong(firstColumn + 3));
    }

    private static void bindMetric(PreparedStatement statement, String runId, Metric metric) throws SQLException {
        boolean nan = Double.isNaN(metric.value());
        statement.setString(1, runId);
        statement.setString(2, metric.key());
        statement.setDouble(3, nan ? 0.0 : metric.value());
        statement.setInt(4, nan ? 1 : 0);
        statement.setLong(5, metric.timestamp());
        statement.setLong(6, metric.step());
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
        TrackingInputChecks.checkRunId(runId);
        RunInfo info = read(connection -> readRunInfo(connection, runId, false)).orElseThrow(() -> notFound(runId));
        URI uri = URI.create(info.artifactUri());
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new TrackingException("Run " + runId + " keeps its artifacts at " + uri + "; only file: artifact "
                    + "locations are supported.");
        }
        Path folder = Path.of(uri).toAbsolutePath().normalize();
        // A run logged under another artifact root keeps its own run folder as the bound.
        return new ArtifactFolder(folder, folder.startsWith(artifactRoot) ? artifactRoot : folder.getParent(), runId);
    }

    /** Closes the database connections. */
    @Override
    public void close() {
        try {
            optimizeStatistics("PRAGMA optimize");
        } catch (RuntimeException e) {
            LOG.debug("Could not refresh SQLite statistics on close: {}", e.getMessage());
        }
        pool.close();
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private <T> T read(SqlWork<T> work) {
        try (ConnectionPool.Lease lease = lease()) {
            try {
                return work.run(lease.connection());
            } catch (SQLException e) {
                lease.markBroken();
                throw failure(e);
            }
        }
    }

    private <T> T write(SqlWork<T> work) {
        return writeCached(lease -> work.run(lease.connection()), false);
    }

    /**
     * Runs one write transaction, retried on transient failures.
     *
     * @param work    the work
     * @param durable on SQLite, whether the commit must reach the disk (WAL synced) before this returns, rather than
     *                at the next checkpoint
     */
    private <T> T writeCached(CachedSqlWork<T> work, boolean durable) {
        for (int attempt = 1; ; attempt++) {
            try (ConnectionPool.Lease lease = lease()) {
                Connection connection = lease.connection();
                boolean synchronousFull = false;
                try {
                    if (durable && dialect == SqlDialect.SQLITE) {
                        pragma(connection, "PRAGMA synchronous=FULL");
                        synchronousFull = true;
                    }
                    connection.setAutoCommit(false);
                    T result = work.run(lease);
                    connection.commit();
                    connection.setAutoCommit(true);
                    if (synchronousFull) {
                        synchronousFull = false;
                        pragma(connection, "PRAGMA synchronous=NORMAL");
                    }
                    return result;
                } catch (SQLException e) {
                    rollback(connection, lease);
                    if (attempt < RETRIES && isTransient(e)) {
                        LOG.debug("Retrying a tracking transaction after a transient failure: {}", e.getMessage());
                        backOff(attempt);
                        continue;
                    }
                    throw failure(e);
                } catch (RuntimeException | Error e) {
                    rollback(connection, lease);
                    throw e;
                } finally {
                    if (synchronousFull) {
                        lease.markBroken();
                    }
                }
            }
        }
    }

    /**
     * @return whether retrying may succeed: a busy database, lock timeout, deadlock or serialisation failure, or on
     *         H2 and PostgreSQL a unique key that a concurrent transaction inserted first (SQLite serialises writers)
     */
    private boolean isTransient(SQLException e) {
        return dialect.isTransient(e) || (dialect != SqlDialect.SQLITE && dialect.isUniqueViolation(e));
    }

    private ConnectionPool.Lease lease() {
        try {
            return pool.lease();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The tracking store at " + url + " is closed", e);
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("No suitable driver")) {
                throw new ConfigurationException("No JDBC driver for " + url + " is on the class path. Add "
                        + dialect.driverArtifact() + ".", e);
            }
            throw new TrackingException("Cannot connect to the tracking database " + url + ": " + e.getMessage(), e);
        }
    }

    private static void pragma(Connection connection, String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void rollback(Connection connection, ConnectionPool.Lease lease) {
        lease.forgetStatements();
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            lease.markBroken();
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20) * (long) attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackingException("Interrupted while retrying a tracking transaction", e);
        }
    }

    private TrackingException failure(SQLException e) {
        return new TrackingException("Tracking database " + url + " failed: " + e.getMessage() + " (SQL state "
                + e.getSQLState() + ", code " + e.getErrorCode() + ")", e);
    }

    private static int update(Connection connection, String sql, Object... binds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, binds);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... binds) throws SQLException {
        for (int i = 0; i < binds.length; i++) {
            Object value = binds[i];
            if (value == null) {
                statement.setNull(i + 1, Types.BIGINT);
            } else if (value instanceof String s) {
                statement.setString(i + 1, s);
            } else if (value instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (value instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else if (value instanceof Double d) {
                statement.setDouble(i + 1, d);
            } else {
                throw new IllegalArgumentException("Cannot bind " + value.getClass());
            }
        }
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += IN_CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    private static void requireActive(RunInfo info) {
        if (!info.isActive()) {
            throw new InvalidTrackingInputException("The run " + info.runId() + " must be in the 'active' "
                    + "lifecycle stage to be changed; it is deleted. Restore it first.");
        }
    }

    private TrackingNotFoundException notFound(String runId) {
        return new TrackingNotFoundException("No run with id '" + runId + "' in the tracking database " + url + ".");
    }
}

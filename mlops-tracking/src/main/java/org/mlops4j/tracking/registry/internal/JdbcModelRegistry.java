package org.mlops4j.tracking.registry.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.support.LikePattern;
import org.mlops4j.core.spi.support.jdbc.ConnectionPool;
import org.mlops4j.core.spi.support.jdbc.JdbcUrls;
import org.mlops4j.core.spi.support.jdbc.ReadOnlyDatabase;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model registry in a SQL database (SQLite, H2 or PostgreSQL), in the tables of {@link RegistrySchema}.
 *
 * <p>Every write is one transaction that first updates the model's row, which locks that row until commit: changes
 * to one model are serialised across threads and processes, and the next version number is read from and written to
 * that row ({@code last_version}) inside the same transaction, under the primary key {@code (model_id, version)}.
 * SQLite writers start with {@code BEGIN IMMEDIATE} and wait up to {@link SqlDialect#SQLITE_BUSY_TIMEOUT_MS} for each
 * other; transactions that lose a lock race (busy, deadlock, serialisation failure) are retried with a random backoff.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class JdbcModelRegistry implements ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcModelRegistry.class);
    private static final int MAX_ATTEMPTS = 30;

    private final URI location;
    /** Connections per kind of transaction, as they start differently (see {@link SqlDialect#connectionProperties}). */
    private static final int READERS = 8;
    private static final int WRITERS = 4;

    private final SqlDialect dialect;
    private final ConnectionPool readers;
    private final ConnectionPool writers;
    private final boolean readOnly;
    /** Whether the registry's tables exist; read-only over a tracking store without them, reads find nothing. */
    private volatile boolean tablesSeen;

    /**
     * Connects and creates or upgrades the registry tables.
     *
     * @param location a {@code jdbc:sqlite:}, {@code jdbc:h2:} or {@code jdbc:postgresql:} URI
     */
    public JdbcModelRegistry(URI location) {
        this(location, StoreAccess.READ_WRITE);
    }

    /**
     * Connects; read-write, creates or upgrades the registry tables. Read-only, the database must exist and hold an
     * mlops4j store (the registry's tables, or a tracking store's, which reads as an empty registry until a model is
     * registered), connections are read-only (see {@link ReadOnlyDatabase}) and nothing is created. Read-only
     * registries are handed out wrapped in a {@link org.mlops4j.core.tracking.readonly.ReadOnlyModelRegistry}.
     *
     * @param location a {@code jdbc:sqlite:}, {@code jdbc:h2:} or {@code jdbc:postgresql:} URI
     * @param access   whether the registry only reads
     * @throws org.mlops4j.core.ConfigurationException when read-only and the database is missing or holds no store
     */
    public JdbcModelRegistry(URI location, StoreAccess access) {
        String url = location.toString();
        this.location = JdbcUrls.redact(location);
        this.dialect = SqlDialect.ofUrl(url).orElseThrow(() -> new ConfigurationException("The JDBC model registry"
                + " supports SQLite (jdbc:sqlite:<file>), H2 (jdbc:h2:<path>) and PostgreSQL"
                + " (jdbc:postgresql://<host>/<database>); found '" + this.location + "'."));
        this.readOnly = access == StoreAccess.READ_ONLY;
        if (readOnly) {
            ReadOnlyDatabase.requireExisting(url, this.location, StoreFolder.REGISTRY_HINT);
        }
        if (dialect == SqlDialect.SQLITE && !readOnly) {
            createSqliteFolder(url);
        }
        this.readers = new ConnectionPool(url, dialect, ConnectionPool.Settings.forReads(READERS)
                .syncingCommits().readOnly(readOnly));
        this.writers = new ConnectionPool(url, dialect, ConnectionPool.Settings.forWrites(WRITERS)
                .syncingCommits().readOnly(readOnly));
        if (readOnly) {
            try {
                tablesSeen = transaction(false, "check the registry tables", false, c ->
                        RegistrySchema.requireReadable(c, this.location.toString(), StoreFolder.REGISTRY_HINT));
            } catch (ModelRegistryException e) {
                close();
                // connecting failed: the file is no database, or one the driver cannot open
                throw e.getCause() instanceof SQLException sql ? new ConfigurationException("Cannot open "
                        + this.location + " as an mlops4j model registry: " + ReadOnlyDatabase.oneLine(sql) + ". "
                        + StoreFolder.REGISTRY_HINT, e) : e;
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            LOG.debug("Opened JDBC model registry {}, read-only", this.location);
            return;
        }
        transaction(true, "create or upgrade the registry tables", false, c -> {
            RegistrySchema.migrate(c, dialect, this.location.toString());
            return null;
        });
        tablesSeen = true;
        LOG.debug("Opened JDBC model registry {}", this.location);
    }

    /** @return the registry URI, with a password in it masked */
    @Override
    public URI location() {
        return location;
    }

    // ---- registered models ------------------------------------------------------------------------------------

    @Override
    public RegisteredModel createModel(String name, String description, Map<String, String> tags) {
        RegistryRules.checkModelName(name);
        Objects.requireNonNull(description, "description");
        RegistryRules.checkTags(tags);
        return transaction(true, "create model '" + name + "'", false, c -> {
            if (modelRow(c, name).isPresent()) {
                throw alreadyExists(name);
            }
            long now = System.currentTimeMillis();
            String id = UUID.randomUUID().toString();
            try {
                update(c, "INSERT INTO registered_models (model_id, name, created_at, updated_at, description,"
                        + " last_version) VALUES (?, ?, ?, ?, ?, 0)", id, name, now, now, description);
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    throw alreadyExists(name);
                }
                throw e;
            }
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                update(c, "INSERT INTO registered_model_tags (model_id, tag_key, tag_value) VALUES (?, ?, ?)", id,
                        tag.getKey(), tag.getValue());
            }
            return loadModel(c, modelRow(c, name).orElseThrow());
        });
    }

    @Override
    public Optional<RegisteredModel> findModel(String name) {
        RegistryRules.checkModelName(name);
        if (noTablesYet()) {
            return Optional.empty();
        }
        return transaction(false, "read model '" + name + "'", false, c -> {
            Optional<ModelRow> row = modelRow(c, name);
            return row.isEmpty() ? Optional.empty() : Optional.of(loadModel(c, row.get()));
        });
    }

    @Override
    public List<RegisteredModel> listModels() {
        return searchModels("%");
    }

    @Override
    public List<RegisteredModel> searchModels(String namePattern) {
        java.util.regex.Pattern pattern = LikePattern.compile(namePattern, false);
        if (noTablesYet()) {
            return List.of();
        }
        return transaction(false, "list models", false, c -> {
            List<ModelRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT model_id, name, created_at, updated_at,"
                    + " description, last_version FROM registered_models ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ModelRow row = modelRow(rs);
                    if (pattern.matcher(row.name()).matches()) {
                        rows.add(row);
                    }
                }
            }
            Map<String, Map<String, String>> tags = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT model_id, tag_key, tag_value FROM registered_model_tags");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
            Map<String, Map<String, Integer>> aliases = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT model_id, alias, version FROM registered_model_aliases");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    aliases.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
            List<RegisteredModel> models = new ArrayList<>();
            for (ModelRow row : rows) {
                models.add(new RegisteredModel(row.name(), Instant.ofEpochMilli(row.createdAt()),
                        Instant.ofEpochMilli(row.updatedAt()), row.description(),
                        tags.getOrDefault(row.id(), Map.of()), aliases.getOrDefault(row.id(), Map.of())));
            }
            models.sort((a, b) -> a.name().compareTo(b.name()));
            return models;
        });
    }

    @Override
    public RegisteredModel renameModel(String name, String newName) {
        RegistryRules.checkModelName(name);
        RegistryRules.checkModelName(newName);
        return transaction(true, "rename model '" + name + "' to '" + newName + "'", false, c -> {
            ModelRow row = lockModel(c, name);
            if (name.equals(newName)) {
                return loadModel(c, row);
            }
            if (modelRow(c, newName).isPresent()) {
                throw new ModelAlreadyExistsException("Cannot rename model '" + name + "' to '" + newName
                        + "': a model called '" + newName + "' already exists in " + location + ".");
            }
            try {
                update(c, "UPDATE registered_models SET name = ? WHERE model_id = ?", newName, row.id());
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    throw alreadyExists(newName);
                }
                throw e;
            }
            return loadModel(c, modelRow(c, newName).orElseThrow());
        });
    }

    @Override
    public void deleteModel(String name) {
        RegistryRules.checkModelName(name);
        transaction(true, "delete model '" + name + "'", false, c -> {
            ModelRow row = lockModel(c, name);
            for (String table : List.of("registered_model_aliases", "model_version_tags", "model_versions",
                    "registered_model_tags", "registered_models")) {
                update(c, "DELETE FROM " + table + " WHERE model_id = ?", row.id());
            }
            return null;
        });
        LOG.debug("Deleted registered model '{}' from {}", name, location);
    }

    @Override
    public RegisteredModel updateModelDescription(String name, String description) {
        RegistryRules.checkModelName(name);
        Objects.requireNonNull(description, "description");
        return transaction(true, "describe model '" + name + "'", false, c -> {
            ModelRow row = lockModel(c, name);
            update(c, "UPDATE registered_models SET description = ? WHERE model_id = ?", description, row.id());
            return loadModel(c, modelRow(c, name).orElseThrow());
        });
    }

    @Override
    public RegisteredModel setModelTag(String name, String key, String value) {
        RegistryRules.checkModelName(name);
        RegistryRules.checkTag(key, value);
        return transaction(true, "tag model '" + name + "'", false, c -> {
            ModelRow row = lockModel(c, name);
            update(c, "DELETE FROM registered_model_tags WHERE model_id = ? AND tag_key = ?", row.id(), key);
            update(c, "INSERT INTO registered_model_tags (model_id, tag_key, tag_value) VALUES (?, ?, ?)", row.id(),
                    key, value);
            return loadModel(c, row);
        });
    }

    @Override
    public RegisteredModel deleteModelTag(String name, String key) {
        RegistryRules.checkModelName(name);
        RegistryRules.checkTagKey(key);
        return transaction(true, "untag model '" + name + "'", false, c -> {
            ModelRow row = lockModel(c, name);
            update(c, "DELETE FROM registered_model_tags WHERE model_id = ? AND tag_key = ?", row.id(), key);
            return loadModel(c, row);
        });
    }

    // ---- versions ---------------------------------------------------------------------------------------------

    @Override
    public ModelVersion createVersion(NewModelVersion spec) {
        Objects.requireNonNull(spec, "spec");
        PreparedVersion v = RegistryRules.prepare(spec, this);
        ModelVersion created = transaction(true, "register a version of model '" + v.name() + "'", true, c -> {
            ModelRow row = lockModel(c, v.name());
            int highest = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(version) FROM model_versions WHERE model_id = ?")) {
                ps.setString(1, row.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        highest = rs.getInt(1);
                    }
                }
            }
            int number = Math.max(row.lastVersion(), highest) + 1;
            long now = row.updatedAt();
            update(c, "UPDATE registered_models SET last_version = ? WHERE model_id = ?", number, row.id());
            update(c, "INSERT INTO model_versions (model_id, version, created_at, updated_at, stage, source, run_id,"
                    + " input_schema, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row.id(), number, now, now,
                    ModelStage.NONE.displayName(), v.source(), v.runId().orElse(null), v.inputSchema().orElse(null),
                    v.description());
            for (Map.Entry<String, String> tag : v.tags().entrySet()) {
                update(c, "INSERT INTO model_version_tags (model_id, version, tag_key, tag_value) VALUES (?, ?, ?, ?)",
                        row.id(), number, tag.getKey(), tag.getValue());
            }
            return loadVersions(c, row, number).get(0);
        });
        LOG.debug("Registered version {} of model '{}' in {}", created.version(), v.name(), location);
        return created;
    }

    @Override
    public Optional<ModelVersion> findVersion(String name, int version) {
        RegistryRules.checkModelName(name);
        if (noTablesYet()) {
            return Optional.empty();
        }
        return transaction(false, "read version " + version + " of model '" + name + "'", false, c -> {
            Optional<ModelRow> row = modelRow(c, name);
            return row.isEmpty() ? Optional.empty() : loadVersions(c, row.get(), version).stream().findFirst();
        });
    }

    @Override
    public List<ModelVersion> listVersions(String name) {
        RegistryRules.checkModelName(name);
        if (noTablesYet()) {
            throw notFound(name);
        }
        return transaction(false, "list the versions of model '" + name + "'", false, c ->
                loadVersions(c, modelRow(c, name).orElseThrow(() -> notFound(name)), null));
    }

    @Override
    public List<ModelVersion> versionsOfRun(String runId) {
        Objects.requireNonNull(runId, "runId");
        if (noTablesYet()) {
            return List.of();
        }
        return transaction(false, "find the versions of run " + runId, false, c -> {
            List<ModelRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT m.model_id, m.name, m.created_at,"
                    + " m.updated_at, m.description, m.last_version FROM registered_models m JOIN model_versions v"
                    + " ON v.model_id = m.model_id WHERE v.run_id = ? ORDER BY m.name")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(modelRow(rs));
                    }
                }
            }
            List<ModelVersion> found = new ArrayList<>();
            for (ModelRow row : rows) {
                loadVersions(c, row, null).stream().filter(v -> v.runId().filter(runId::equals).isPresent())
                        .forEach(found::add);
            }
            return found;
        });
    }

    @Override
    public ModelVersion transitionStage(String name, int version, ModelStage stage, boolean archiveExisting) {
        RegistryRules.checkModelName(name);
        Objects.requireNonNull(stage, "stage");
        StageTransitions.checkArchiveExisting(stage, archiveExisting);
        return changeVersion(name, version, "move version " + version + " of model '" + name + "' to " + stage,
                (c, row, now) -> {
                    if (archiveExisting) {
                        update(c, "UPDATE model_versions SET stage = ?, updated_at = ? WHERE model_id = ?"
                                        + " AND stage = ? AND version <> ?", ModelStage.ARCHIVED.displayName(), now,
                                row.id(), stage.displayName(), version);
                    }
                    update(c, "UPDATE model_versions SET stage = ?, updated_at = ? WHERE model_id = ? AND version = ?",
                            stage.displayName(), now, row.id(), version);
                });
    }

    @Override
    public ModelVersion updateVersionDescription(String name, int version, String description) {
        Objects.requireNonNull(description, "description");
        return changeVersion(name, version, "describe version " + version + " of model '" + name + "'",
                (c, row, now) -> update(c, "UPDATE model_versions SET description = ?, updated_at = ?"
                        + " WHERE model_id = ? AND version = ?", description, now, row.id(), version));
    }

    @Override
    public ModelVersion setVersionTag(String name, int version, String key, String value) {
        RegistryRules.checkTag(key, value);
        return changeVersion(name, version, "tag version " + version + " of model '" + name + "'",
                (c, row, now) -> {
                    update(c, "DELETE FROM model_version_tags WHERE model_id = ? AND version = ? AND tag_key = ?",
                            row.id(), version, key);
                    update(c, "INSERT INTO model_version_tags (model_id, version, tag_key, tag_value)"
                            + " VALUES (?, ?, ?, ?)", row.id(), version, key, value);
                    touchVersion(c, row, version, now);
                });
    }

    @Override
    public ModelVersion deleteVersionTag(String name, int version, String key) {
        RegistryRules.checkTagKey(key);
        return changeVersion(name, version, "untag version " + version + " of model '" + name + "'",
                (c, row, now) -> {
                    if (update(c, "DELETE FROM model_version_tags WHERE model_id = ? AND version = ?"
                            + " AND tag_key = ?", row.id(), version, key) > 0) {
                        touchVersion(c, row, version, now);
                    }
                });
    }

    @Override
    public void deleteVersion(String name, int version) {
        RegistryRules.checkModelName(name);
        transaction(true, "delete version " + version + " of model '" + name + "'", false, c -> {
            ModelRow row = lockModel(c, name);
            requireVersion(c, row, version);
            for (String table : List.of("registered_model_aliases", "model_version_tags", "model_versions")) {
                update(c, "DELETE FROM " + table + " WHERE model_id = ? AND version = ?", row.id(), version);
            }
            return null;
        });
        LOG.debug("Deleted version {} of model '{}' from {}", version, name, location);
    }

    // ---- aliases ----------------------------------------------------------------------------------------------

    @Override
    public ModelVersion setAlias(String name, String alias, int version) {
        RegistryRules.checkAlias(alias);
        return changeVersion(name, version, "set alias '" + alias + "' of model '" + name + "'", (c, row, now) -> {
            update(c, "DELETE FROM registered_model_aliases WHERE model_id = ? AND alias = ?", row.id(), alias);
            update(c, "INSERT INTO registered_model_aliases (model_id, alias, version) VALUES (?, ?, ?)", row.id(),
                    alias, version);
        });
    }

    @Override
    public void deleteAlias(String name, String alias) {
        RegistryRules.checkModelName(name);
        Objects.requireNonNull(alias, "alias");
        transaction(true, "delete alias '" + alias + "' of model '" + name + "'", false, c -> {
            ModelRow row = lockModel(c, name);
            update(c, "DELETE FROM registered_model_aliases WHERE model_id = ? AND alias = ?", row.id(), alias);
            return null;
        });
    }

    @Override
    public Optional<ModelVersion> findByAlias(String name, String alias) {
        RegistryRules.checkModelName(name);
        Objects.requireNonNull(alias, "alias");
        if (noTablesYet()) {
            return Optional.empty();
        }
        return transaction(false, "read alias '" + alias + "' of model '" + name + "'", false, c -> {
            Optional<ModelRow> row = modelRow(c, name);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version FROM registered_model_aliases WHERE model_id = ? AND alias = ?")) {
                ps.setString(1, row.get().id());
                ps.setString(2, alias);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? loadVersions(c, row.get(), rs.getInt(1)).stream().findFirst()
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void close() {
        readers.close();
        writers.close();
    }

    // ---- SQL --------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface VersionChange {
        void apply(Connection connection, ModelRow row, long now) throws SQLException;
    }

    private record ModelRow(String id, String name, long createdAt, long updatedAt, String description,
                            int lastVersion) {
    }

    private ModelVersion changeVersion(String name, int version, String what, VersionChange change) {
        RegistryRules.checkModelName(name);
        return transaction(true, what, false, c -> {
            ModelRow row = lockModel(c, name);
            requireVersion(c, row, version);
            change.apply(c, row, row.updatedAt());
            return loadVersions(c, row, version).get(0);
        });
    }

    private <T> T transaction(boolean write, String what, boolean retryOnUniqueViolation, Work<T> work) {
        ConnectionPool pool = write ? writers : readers;
        for (int attempt = 1; ; attempt++) {
            if (pool.isClosed()) {
                throw new ModelRegistryException("The model registry at " + location + " is closed.");
            }
            ConnectionPool.Lease lease;
            Connection c;
            try {
                lease = pool.lease();
                c = lease.connection();
                c.setAutoCommit(false);
            } catch (SQLException e) {
                if (dialect.isTransient(e) && attempt < MAX_ATTEMPTS) {
                    backOff(attempt);
                    continue;
                }
                throw new ModelRegistryException("Cannot connect to the model registry at " + location + " to " + what
                        + ": " + e.getMessage() + ". Check the URL, that the database is running and reachable, and"
                        + " the credentials; on SQLite, whether another process holds a long write transaction.", e);
            }
            try {
                T result = work.run(c);
                c.commit();
                c.setAutoCommit(true);
                return result;
            } catch (SQLException e) {
                rollback(c, lease);
                boolean retry = dialect.isTransient(e) || (retryOnUniqueViolation && dialect.isUniqueViolation(e));
                if (!retry || attempt >= MAX_ATTEMPTS) {
                    throw new ModelRegistryException("Cannot " + what + " in the model registry at " + location
                            + (attempt > 1 ? " (after " + attempt + " attempts)" : "") + ": " + e.getMessage(), e);
                }
                LOG.debug("Attempt {} to {} in {} met a conflict ({}); retrying", attempt, what, location,
                        e.getMessage());
                backOff(attempt);
            } catch (RuntimeException | Error e) {
                rollback(c, lease);
                throw e;
            } finally {
                lease.close();
            }
        }
    }

    /** @return whether the registry's tables are still missing (only possible read-only); checks again each time */
    private boolean noTablesYet() {
        if (tablesSeen) {
            return false;
        }
        tablesSeen = transaction(false, "look for the registry tables", false,
                c -> ReadOnlyDatabase.hasTable(c, RegistrySchema.VERSION_TABLE));
        return !tablesSeen;
    }

    /** Ends a failed transaction; a connection that cannot roll back is closed rather than lent again. */
    private static void rollback(Connection c, ConnectionPool.Lease lease) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            lease.markBroken();
        }
    }

    private static void createSqliteFolder(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new ModelRegistryException("Cannot create the folder " + parent + " for the SQLite registry "
                        + url + ": " + e + ".", e);
            }
        }
    }

    private static void backOff(int attempt) {
        long bound = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelRegistryException("Interrupted while waiting to retry a registry transaction", e);
        }
    }

    private ModelRow lockModel(Connection c, String name) throws SQLException {
        long now = System.currentTimeMillis();
        if (update(c, "UPDATE registered_models SET updated_at = ? WHERE name = ?", now, name) == 0) {
            throw notFound(name);
        }
        return modelRow(c, name).orElseThrow(() -> notFound(name));
    }

    private void touchVersion(Connection c, ModelRow row, int version, long now) throws SQLException {
        update(c, "UPDATE model_versions SET updated_at = ? WHERE model_id = ? AND version = ?", now, row.id(),
                version);
    }

    private void requireVersion(Connection c, ModelRow row, int version) throws SQLException {
        List<Integer> numbers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM model_versions WHERE model_id = ? ORDER BY version")) {
            ps.setString(1, row.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getInt(1));
                }
            }
        }
        if (!numbers.contains(version)) {
            throw new ModelNotFoundException("Model '" + row.name() + "' has no version " + version + " in "
                    + location + " (versions: " + numbers + ").");
        }
    }

    private static Optional<ModelRow> modelRow(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT model_id, name, created_at, updated_at, description,"
                + " last_version FROM registered_models WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(modelRow(rs)) : Optional.empty();
            }
        }
    }

    private static ModelRow modelRow(ResultSet rs) throws SQLException {
        return new ModelRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getInt(6));
    }

    private static RegisteredModel loadModel(Connection c, ModelRow row) throws SQLException {
        return new RegisteredModel(row.name(), Instant.ofEpochMilli(row.createdAt()),
                Instant.ofEpochMilli(row.updatedAt()), row.description(), modelTags(c, row.id()), aliases(c, row.id()));
    }

    private static Map<String, String> modelTags(Connection c, String id) throws SQLException {
        Map<String, String> tags = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT tag_key, tag_value FROM registered_model_tags WHERE model_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return tags;
    }

    private static Map<String, Integer> aliases(Connection c, String id) throws SQLException {
        Map<String, Integer> aliases = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT alias, version FROM registered_model_aliases WHERE model_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    aliases.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return aliases;
    }

    private static List<ModelVersion> loadVersions(Connection c, ModelRow row, Integer only) throws SQLException {
        String filter = only == null ? "" : " AND version = ?";
        Map<Integer, Map<String, String>> tags = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, tag_key, tag_value FROM model_version_tags WHERE model_id = ?" + filter)) {
            bind(ps, only == null ? new Object[] {row.id()} : new Object[] {row.id(), only});
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getInt(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        Map<Integer, Set<String>> aliases = new HashMap<>();
        aliases(c, row.id()).forEach((alias, v) -> aliases.computeIfAbsent(v, k -> new HashSet<>()).add(alias));
        Map<Integer, ModelVersion> versions = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, created_at, updated_at, stage, source, run_id,"
                + " input_schema, description FROM model_versions WHERE model_id = ?" + filter + " ORDER BY version")) {
            bind(ps, only == null ? new Object[] {row.id()} : new Object[] {row.id(), only});
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int number = rs.getInt(1);
                    versions.put(number, new ModelVersion(row.name(), number, Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), ModelStage.parse(rs.getString(4)), rs.getString(5),
                            Optional.ofNullable(rs.getString(6)),
                            StoredInputSchema.read(rs.getString(7), row.name(), number),
                            rs.getString(8), tags.getOrDefault(number, Map.of()),
                            aliases.getOrDefault(number, Set.of())));
                }
            }
        }
        return new ArrayList<>(versions.values());
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                ps.setNull(i + 1, java.sql.Types.VARCHAR);
            } else if (value instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (value instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                ps.setString(i + 1, value.toString());
            }
        }
    }

    private ModelNotFoundException notFound(String name) {
        return new ModelNotFoundException("Registered model '" + name + "' does not exist in " + location
                + "; check the name, or register a first version under it.");
    }

    private ModelAlreadyExistsException alreadyExists(String name) {
        return new ModelAlreadyExistsException("Registered model '" + name + "' already exists in " + location
                + ". Register a new version of it, or choose another name.");
    }
}

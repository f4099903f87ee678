package org.mlops4j.core.spi.support.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What differs between the databases mlops4j reads and writes (tables, the JDBC tracking store, the JDBC model
 * registry): column types, connection settings, identifier rules, upserts, row locks, LIKE matching, text ordering and
 * which failures mean "try again" or "that key exists". One dialect per database, recognised from a JDBC URL
 * ({@link #ofUrl}) or from a connection's metadata ({@link #of(DatabaseMetaData)}).
 *
 * <p>Failures are recognised by SQL state and vendor code only, so this class needs no driver on the class path.
 * Immutable and thread-safe.
 */
public enum SqlDialect {

    /**
     * SQLite through xerial's sqlite-jdbc: dynamic typing (a declared type is only an affinity), transactional DDL, a
     * WAL journal and a busy timeout, write transactions that start with {@code BEGIN IMMEDIATE}; no NaN (stored as
     * NULL), timestamps as ISO-8601 text in UTC, booleans as 0/1.
     */
    SQLITE("SQLite", "sqlite", "org.xerial:sqlite-jdbc", true, true, 0, false,
            "REAL", "VARCHAR", "TEXT", "BLOB"),
    /**
     * H2 2.x: strict types; DDL commits the open transaction, so tables are built under a staging name first. H2's
     * {@code TEXT} is a synonym of {@code VARCHAR}, so unbounded text is a {@code CLOB}.
     */
    H2("H2", "h2", "com.h2database:h2", false, false, 256, false,
            "DOUBLE PRECISION", "VARCHAR", "CLOB", "VARBINARY(1000000000)"),
    /** PostgreSQL 12 or later: strict types, transactional DDL, identifiers of at most 63 bytes. */
    POSTGRESQL("PostgreSQL", "postgresql", "org.postgresql:postgresql", true, false, 63, true,
            "DOUBLE PRECISION", "VARCHAR", "TEXT", "BYTEA"),
    /**
     * Any other database, for reading and writing tables only: ANSI types, DDL assumed not transactional. Untested;
     * the tracking store and the registry refuse it.
     */
    GENERIC("SQL", "", "", false, false, 0, false,
            "DOUBLE PRECISION", "VARCHAR(4000)", "CLOB", "BLOB");

    /** How long a SQLite connection waits for another writer before failing, in milliseconds. */
    public static final int SQLITE_BUSY_TIMEOUT_MS = 60_000;

    /** How long an H2 connection waits for a row or table lock before failing, in milliseconds. */
    public static final int H2_LOCK_TIMEOUT_MS = 30_000;

    private final String displayName;
    private final String subProtocol;
    private final String driverArtifact;
    private final boolean transactionalDdl;
    private final boolean dynamicTyping;
    private final int maxIdentifierLength;
    private final boolean identifierLengthInBytes;
    private final String doubleType;
    private final String shortTextType;
    private final String largeTextType;
    private final String binaryType;

    SqlDialect(String displayName, String subProtocol, String driverArtifact, boolean transactionalDdl,
            boolean dynamicTyping, int maxIdentifierLength, boolean identifierLengthInBytes, String doubleType,
            String shortTextType, String largeTextType, String binaryType) {
        this.displayName = displayName;
        this.subProtocol = subProtocol;
        this.driverArtifact = driverArtifact;
        this.transactionalDdl = transactionalDdl;
        this.dynamicTyping = dynamicTyping;
        this.maxIdentifierLength = maxIdentifierLength;
        this.identifierLengthInBytes = identifierLengthInBytes;
        this.doubleType = doubleType;
        this.shortTextType = shortTextType;
        this.largeTextType = largeTextType;
        this.binaryType = binaryType;
    }

    // ---- recognising a database ------------------------------------------------------------------------------

    /**
     * @param jdbcUrl a JDBC URL
     * @return the dialect of its sub-protocol when it is SQLite, H2 or PostgreSQL (never {@link #GENERIC})
     */
    public static Optional<SqlDialect> ofUrl(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        return known().filter(d -> lower.startsWith("jdbc:" + d.subProtocol + ":")).findFirst();
    }

    /**
     * @param metaData a connection's metadata
     * @return the dialect of the database behind it; {@link #GENERIC} when it is none of the known ones
     * @throws SQLException when the metadata cannot be read
     */
    public static SqlDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        if (product.equals("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        return GENERIC;
    }

    /** @return the URL prefixes {@link #ofUrl} recognises, for error messages */
    public static String supported() {
        return known().map(d -> "jdbc:" + d.subProtocol + ":...").collect(Collectors.joining(", "));
    }

    private static Stream<SqlDialect> known() {
        return Stream.of(SQLITE, H2, POSTGRESQL);
    }

    /** @return the database's name for messages */
    public String displayName() {
        return displayName;
    }

    /** @return the Maven coordinates of the driver, for error messages; empty for {@link #GENERIC} */
    public String driverArtifact() {
        return driverArtifact;
    }

    // ---- types and identifiers -------------------------------------------------------------------------------

    /** @return whether CREATE and DROP TABLE can be rolled back with the rows written after them */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    /** @return whether a column may hold values of any type whatever its declared type (SQLite) */
    public boolean dynamicTyping() {
        return dynamicTyping;
    }

    /** @return the column type for double-precision numbers */
    public String doubleType() {
        return doubleType;
    }

    /** @return the column type for short text of no declared length (category labels) */
    public String shortTextType() {
        return shortTextType;
    }

    /** @return the column type for unbounded text */
    public String largeTextType() {
        return largeTextType;
    }

    /** @return the column type for byte strings of up to a few hundred kilobytes */
    public String binaryType() {
        return binaryType;
    }

    /** @return the column type for true/false */
    public String booleanType() {
        return "BOOLEAN";
    }

    /** @return the column type for instants */
    public String timestampType() {
        return "TIMESTAMP";
    }

    /**
     * Quotes an identifier, so that any name (with spaces, a leading digit, upper-case letters or a reserved word) is
     * taken literally; quote characters inside it are doubled.
     *
     * @param identifier a table or column name
     * @return the quoted name
     */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * @param identifier a table or column name
     * @return whether the database accepts a name of this length without cutting it short
     */
    public boolean fitsIdentifierLength(String identifier) {
        if (maxIdentifierLength <= 0) {
            return true;
        }
        int length = identifierLengthInBytes ? identifier.getBytes(StandardCharsets.UTF_8).length
                : identifier.length();
        return length <= maxIdentifierLength;
    }

    /** @return the longest identifier this database keeps whole, with its unit, for messages */
    public String identifierLimit() {
        return maxIdentifierLength + (identifierLengthInBytes ? " bytes (UTF-8)" : " characters");
    }

    // ---- connections -----------------------------------------------------------------------------------------

    /**
     * @param forWrites   whether the connection will run write transactions (SQLite starts them with
     *                    {@code BEGIN IMMEDIATE}, so that two writers never deadlock on a lock upgrade)
     * @param syncCommits whether every commit must reach the disk before it returns (SQLite {@code synchronous=FULL});
     *                    otherwise a commit is durable at the next WAL checkpoint ({@code NORMAL}), which never
     *                    corrupts the database but may lose the last commits on power loss
     * @return the driver properties for a new connection
     */
    public Properties connectionProperties(boolean forWrites, boolean syncCommits) {
        Properties properties = new Properties();
        if (this == SQLITE) {
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
            properties.setProperty("foreign_keys", "true");
            properties.setProperty("synchronous", syncCommits ? "FULL" : "NORMAL");
            properties.setProperty("transaction_mode", forWrites ? "IMMEDIATE" : "DEFERRED");
        }
        return properties;
    }

    /**
     * Sets what a new connection needs once: lock timeouts, and for a connection that only reads, one snapshot per
     * transaction where the database offers it. The connection stays in auto-commit mode.
     *
     * @param connection a new connection
     * @param forWrites  whether it will run write transactions
     * @throws SQLException when the database refuses
     */
    public void prepare(Connection connection, boolean forWrites) throws SQLException {
        if (this == H2) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MS);
            }
        }
        if (this != SQLITE && !forWrites) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    /**
     * Serialises schema migrations between processes, inside the migrating transaction (on PostgreSQL a transaction
     * advisory lock; SQLite's and H2's write transactions are serialised already).
     *
     * @param connection a connection in a write transaction
     * @param key        the lock's key, one per schema
     * @throws SQLException when the lock cannot be taken
     */
    public void lockForMigration(Connection connection, long key) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + key + ")");
            }
        }
    }

    // ---- statements ------------------------------------------------------------------------------------------

    /**
     * @param table       the table
     * @param keyColumns  the primary key's columns
     * @param valueColumn the column to set
     * @return an insert-or-update statement with one parameter per key column, then the value
     */
    public String upsert(String table, List<String> keyColumns, String valueColumn) {
        String columns = String.join(", ", keyColumns) + ", " + valueColumn;
        String marks = "?, ".repeat(keyColumns.size()) + "?";
        if (this == H2) {
            return "MERGE INTO " + table + " (" + columns + ") KEY (" + String.join(", ", keyColumns) + ") VALUES ("
                    + marks + ")";
        }
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ") ON CONFLICT ("
                + String.join(", ", keyColumns) + ") DO UPDATE SET " + valueColumn + " = excluded." + valueColumn;
    }

    /** @return the clause that locks selected rows until the transaction ends (SQLite locks the whole database) */
    public String forUpdate() {
        return this == SQLITE ? "" : " FOR UPDATE";
    }

    /**
     * @param column     a text column
     * @param ignoreCase ILIKE rather than LIKE
     * @return a condition with one parameter, for a pattern made by {@link #likePattern(String, boolean)}
     */
    public String like(String column, boolean ignoreCase) {
        if (this == SQLITE) {
            return ignoreCase ? "LOWER(" + column + ") LIKE LOWER(?)" : column + " GLOB ?";
        }
        return column + (ignoreCase ? " ILIKE ?" : " LIKE ?");
    }

    /**
     * @param like       an MLflow LIKE pattern ({@code %} and {@code _} wildcards, no escape character)
     * @param ignoreCase whether it is for ILIKE
     * @return the pattern as this dialect's condition from {@link #like(String, boolean)} needs it
     */
    public String likePattern(String like, boolean ignoreCase) {
        if (this == SQLITE) {
            if (ignoreCase) {
                return like;
            }
            StringBuilder glob = new StringBuilder();
            for (char c : like.toCharArray()) {
                switch (c) {
                    case '%' -> glob.append('*');
                    case '_' -> glob.append('?');
                    case '*', '?', '[' -> glob.append('[').append(c).append(']');
                    default -> glob.append(c);
                }
            }
            return glob.toString();
        }
        return like.replace("\\", "\\\\");
    }

    /**
     * @param column a text column
     * @return the expression that orders it by code point, as Java's {@link String#compareTo} does
     */
    public String binaryOrder(String column) {
        return this == POSTGRESQL ? column + " COLLATE \"C\"" : column;
    }

    // ---- failures --------------------------------------------------------------------------------------------

    /**
     * @param e a failure
     * @return whether the same transaction may succeed when tried again: a busy database or lock timeout, a deadlock
     *         victim, a serialisation failure (anywhere in its causes)
     */
    public boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isTransient(sql.getSQLState(), sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private boolean isTransient(String sqlState, int errorCode) {
        String state = sqlState == null ? "" : sqlState;
        return switch (this) {
            // SQLITE_BUSY (5) and SQLITE_LOCKED (6), as primary or extended result codes
            case SQLITE -> (errorCode & 0xff) == 5 || (errorCode & 0xff) == 6;
            // lock timeout, deadlock, serialisation failure (class 40: transaction rollback), statement timeout
            case H2 -> errorCode == 50200 || errorCode == 90131 || errorCode == 40001 || state.startsWith("40")
                    || state.equals("HYT00");
            case POSTGRESQL -> state.equals("40001") || state.equals("40P01") || state.equals("55P03");
            case GENERIC -> state.startsWith("40");
        };
    }

    /**
     * @param e a failure
     * @return whether it says a row with the same unique or primary key exists (anywhere in its causes)
     */
    public boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || isSqliteUniqueViolation(sql))) {
                return true;
            }
        }
        return false;
    }

    /** SQLITE_CONSTRAINT (19) with SQLite's own message for UNIQUE and PRIMARY KEY constraints. */
    private boolean isSqliteUniqueViolation(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return this == SQLITE && (e.getErrorCode() & 0xff) == 19 && (message.contains("UNIQUE constraint failed")
                || message.contains("SQLITE_CONSTRAINT_UNIQUE") || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY"));
    }
}

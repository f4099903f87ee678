package org.mlops4j.tracking.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What differs between the databases the JDBC tracking store supports: connection settings, upserts, row locks,
 * LIKE matching, text ordering.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public enum SqlDialect {
    /** SQLite through xerial's driver: WAL journal, a busy timeout, IMMEDIATE write transactions. */
    SQLITE("sqlite", "org.xerial:sqlite-jdbc"),
    /** H2 2.x. */
    H2("h2", "com.h2database:h2"),
    /** PostgreSQL 12 or newer. */
    POSTGRESQL("postgresql", "org.postgresql:postgresql");

    private final String subProtocol;
    private final String artifact;

    SqlDialect(String subProtocol, String artifact) {
        this.subProtocol = subProtocol;
        this.artifact = artifact;
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return the dialect of its sub-protocol, if supported
     */
    public static Optional<SqlDialect> of(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        for (SqlDialect dialect : values()) {
            if (lower.startsWith("jdbc:" + dialect.subProtocol + ":")) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /** @return the supported sub-protocols, for error messages */
    public static String supported() {
        return List.of(values()).stream().map(d -> "jdbc:" + d.subProtocol + ":...").collect(Collectors.joining(", "));
    }

    /** @return the Maven coordinates of the driver, for error messages */
    public String driverArtifact() {
        return artifact;
    }

    /** @return the connection properties this dialect needs */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        if (this == SQLITE) {
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("busy_timeout", "60000");
            properties.setProperty("transaction_mode", "IMMEDIATE");
            properties.setProperty("synchronous", "NORMAL");
            properties.setProperty("foreign_keys", "true");
        }
        return properties;
    }

    /** @return statements to run on each new connection */
    public List<String> connectionSetup() {
        return this == H2 ? List.of("SET LOCK_TIMEOUT 30000") : List.of();
    }

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

    /** @return the column type for byte strings of up to a few hundred kilobytes */
    public String binaryType() {
        return switch (this) {
            case SQLITE -> "BLOB";
            case H2 -> "VARBINARY(1000000000)";
            case POSTGRESQL -> "BYTEA";
        };
    }

    /** @return the clause that locks selected rows until the transaction ends (SQLite locks the whole database) */
    public String forUpdate() {
        return this == SQLITE ? "" : " FOR UPDATE";
    }

    /**
     * @param column      a text column
     * @param ignoreCase  ILIKE rather than LIKE
     * @return a condition with one parameter, for a pattern made by {@link #likePattern(String)}
     */
    public String like(String column, boolean ignoreCase) {
        if (this == SQLITE) {
            return ignoreCase ? "LOWER(" + column + ") LIKE LOWER(?)" : column + " GLOB ?";
        }
        return column + (ignoreCase ? " ILIKE ?" : " LIKE ?");
    }

    /**
     * @param like     an MLflow LIKE pattern ({@code %} and {@code _} wildcards, no escape character)
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

    /**
     * @param sqlState  the SQL state of a failure
     * @param errorCode the vendor's error code
     * @return whether retrying the transaction may succeed (busy database, lock timeout, deadlock, serialization
     *         failure, or a unique key that a concurrent transaction inserted first)
     */
    public boolean isTransient(String sqlState, int errorCode) {
        String state = sqlState == null ? "" : sqlState;
        return switch (this) {
            case SQLITE -> errorCode == 5 || errorCode == 6 || (errorCode & 0xff) == 5;
            case H2 -> errorCode == 50200 || errorCode == 40001 || state.equals("23505") || state.startsWith("40");
            case POSTGRESQL -> state.equals("40001") || state.equals("40P01") || state.equals("23505")
                    || state.equals("55P03");
        };
    }
}

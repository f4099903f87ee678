package org.mlops4j.core.spi.support.jdbc;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.mlops4j.core.ConfigurationException;

/**
 * How JDBC stores and registries connect to a database they only read: SQLite opens the file
 * read-only and never creates it, H2 opens an existing database with read-only data access, PostgreSQL sessions are
 * read-only, and a missing database file is an error before any connection is made. Shared by the tracking store and
 * the model registry (through {@link ConnectionPool}), so a read-only store and a read-only registry behave alike.
 *
 * <p>SQLite coordinates readers and writers of a WAL database through its {@code -wal} and {@code -shm} files beside
 * the database; a read-only connection creates them when they are missing (as any SQLite reader does) but never
 * changes the database file.
 *
 * <p>Thread-safe (no state).
 */
public final class ReadOnlyDatabase {

    /** SQLite's {@code SQLITE_OPEN_READONLY} flag: open an existing file for reading, never create it. */
    private static final String SQLITE_OPEN_READONLY = "1";

    private ReadOnlyDatabase() {
    }

    /**
     * Checks, without connecting, that a database file exists (for SQLite and embedded H2; other databases are
     * checked when connecting).
     *
     * @param url      the JDBC URL
     * @param location the URI it was given as, for messages
     * @param hint     how to give another location
     * @throws ConfigurationException naming the file when it does not exist
     */
    public static void requireExisting(String url, URI location, String hint) {
        String lower = url.toLowerCase(Locale.ROOT);
        Path file = null;
        if (lower.startsWith("jdbc:sqlite:")) {
            String path = withoutOptions(url.substring("jdbc:sqlite:".length()), '?');
            if (path.startsWith("file:")) {
                path = path.substring("file:".length());
            }
            file = path.isEmpty() || path.startsWith(":") ? null : Path.of(path);
        } else if (lower.startsWith("jdbc:h2:")) {
            String path = withoutOptions(url.substring("jdbc:h2:".length()), ';');
            if (path.startsWith("file:")) {
                path = path.substring("file:".length());
            }
            if (path.startsWith("~")) {
                path = System.getProperty("user.home") + path.substring(1);
            }
            boolean embedded = !path.startsWith("mem:") && !path.startsWith("tcp:") && !path.startsWith("ssl:")
                    && !path.startsWith("zip:");
            file = embedded && !path.isEmpty() ? Path.of(path + ".mv.db") : null;
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new ConfigurationException("No mlops4j store at " + location + ": the database file "
                    + file.toAbsolutePath().normalize() + " does not exist. " + hint + " A store is made there by"
                    + " the first command or call that writes to it; reading never creates one.");
        }
    }

    /**
     * @param url a JDBC URL
     * @return the URL to connect to for reading only: for H2, one that refuses to create a database and opens an
     *         embedded one with read-only data access
     */
    public static String url(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return url;
        }
        String rest = lower.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:")) {
            return url;
        }
        boolean embedded = !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
        return url + ";IFEXISTS=TRUE" + (embedded ? ";ACCESS_MODE_DATA=r" : "");
    }

    /**
     * @param url        a JDBC URL
     * @param properties the driver properties for reading and writing
     * @return a copy for reading only: SQLite opens the file read-only and sets no journal mode (which would write)
     */
    public static Properties properties(String url, Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:")) {
            copy.remove("journal_mode");
            copy.setProperty("open_mode", SQLITE_OPEN_READONLY);
            copy.setProperty("transaction_mode", "DEFERRED");
        }
        return copy;
    }

    /**
     * Makes a new connection read-only: a hint to every driver, and on PostgreSQL every transaction of the session.
     *
     * @param url        its JDBC URL
     * @param connection a new connection
     * @throws SQLException when the database refuses
     */
    public static void prepare(String url, Connection connection) throws SQLException {
        connection.setReadOnly(true);
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
        }
    }

    /**
     * Whether a table exists in the connection's current schema, looked up without a statement that could fail (and
     * abort a PostgreSQL transaction).
     *
     * @param connection a connection
     * @param table      the table's name, lower-case as mlops4j creates it
     * @return whether it exists (under that name, or upper-case as H2 keeps unquoted names)
     * @throws SQLException when the database's metadata cannot be read
     */
    public static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        if (metaData.getURL() != null && metaData.getURL().startsWith("jdbc:postgresql:")) {
            // the search path decides, and a missing current schema holds no table (metadata would look everywhere)
            try (PreparedStatement visible = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                visible.setString(1, table);
                try (ResultSet rs = visible.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }
        String schema = connection.getSchema();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), schema, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param e a database's failure
     * @return its message on one line (PostgreSQL's span several)
     */
    public static String oneLine(SQLException e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static String withoutOptions(String text, char separator) {
        int options = text.indexOf(separator);
        return options < 0 ? text : text.substring(0, options);
    }
}

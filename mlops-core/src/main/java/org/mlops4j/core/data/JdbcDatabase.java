package org.mlops4j.core.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.mlops4j.core.data.internal.SqlTableName;
import org.mlops4j.core.spi.support.jdbc.JdbcUrls;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database that tables are read from and written to, reached by a JDBC URL, a {@link DataSource} or a
 * {@link Connection} the host application owns.
 *
 * <pre>{@code
 * JdbcDatabase db = JdbcDatabase.of("jdbc:sqlite:pipeline/leads.db");
 * db.writeTable(loaded, "loaded_data", JdbcWriteMode.REPLACE);
 * Table back = db.readTable("loaded_data");
 * }</pre>
 *
 * <p>With a URL or a data source, every operation opens a connection of its own and closes it when done, so an
 * instance is safe to share between threads (as far as the database allows concurrent use). With a connection, every
 * operation uses that connection and never closes it; such an instance is as thread-safe as the connection, which for
 * most drivers means it must not be used by two threads at once. An in-memory H2 database
 * ({@code jdbc:h2:mem:...}) disappears when its last connection closes: give it {@code ;DB_CLOSE_DELAY=-1} or hand
 * over an open connection.
 *
 * <p>mlops-core brings no JDBC driver: add the database's to the application ({@code org.xerial:sqlite-jdbc}, which
 * mlops-tracking already brings, {@code com.h2database:h2} or {@code org.postgresql:postgresql}).
 */
public final class JdbcDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);

    /** Opens a connection for one operation. */
    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** One operation's connection and what is known about the database behind it. */
    record Session(Connection connection, SqlDialect dialect, String url, boolean owned) {
    }

    /** Work done with a session; may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    private final ConnectionSource source;
    private final boolean owned;
    private final String description;

    private JdbcDatabase(ConnectionSource source, boolean owned, String description) {
        this.source = source;
        this.owned = owned;
        this.description = description;
    }

    /**
     * @param url a JDBC URL, such as {@code jdbc:sqlite:/data/leads.db}, {@code jdbc:h2:mem:test;DB_CLOSE_DELAY=-1}
     *            or {@code jdbc:postgresql://host:5432/db?user=mlops}
     * @return the database; nothing is opened yet
     */
    public static JdbcDatabase of(String url) {
        return of(url, new Properties());
    }

    /**
     * @param url        a JDBC URL
     * @param properties connection properties such as {@code user} and {@code password} (copied); they are never
     *                   shown in messages
     * @return the database; nothing is opened yet
     */
    public static JdbcDatabase of(String url, Properties properties) {
        Objects.requireNonNull(url, "url");
        Properties copy = new Properties();
        copy.putAll(properties);
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")
                && !url.toUpperCase(Locale.ROOT).contains("DB_CLOSE_DELAY=-1")) {
            LOG.warn("{} is an in-memory H2 database without ;DB_CLOSE_DELAY=-1: it is emptied whenever its last"
                    + " connection closes, that is after every read or write", JdbcUrls.redact(url));
        }
        return new JdbcDatabase(() -> DriverManager.getConnection(url, copy), true, JdbcUrls.redact(url));
    }

    /**
     * @param dataSource where to get connections; each operation gets one and closes it (returning it to a pool)
     * @return the database
     */
    public static JdbcDatabase of(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new JdbcDatabase(dataSource::getConnection, true, "data source " + dataSource.getClass().getName());
    }

    /**
     * @param connection an open connection that the caller keeps owning: it is never closed here, and when its
     *                   auto-commit is off, writes join the caller's transaction instead of committing
     * @return the database
     */
    public static JdbcDatabase of(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        return new JdbcDatabase(() -> connection, false, "connection " + connection.getClass().getName());
    }

    /**
     * Lists the tables and views of the connection's current schema (PostgreSQL: usually {@code public}; H2:
     * {@code PUBLIC}; SQLite: the main database).
     *
     * @return their names, sorted ignoring case
     * @throws JdbcException when the database cannot be reached
     */
    public List<String> tableNames() {
        return withSession("list the tables", session -> TableCatalog.tableNames(session.connection(),
                java.util.Optional.empty()));
    }

    /**
     * @param tableName a table's name, optionally with a schema ({@code analytics.leads}); case is ignored when only
     *                  one table matches that way
     * @return whether the table (or a view of that name) exists
     * @throws IllegalArgumentException when the name is not a valid table name
     * @throws JdbcException            when the database cannot be reached
     */
    public boolean hasTable(String tableName) {
        SqlTableName name = SqlTableName.parse(tableName);
        return withSession("look up table '" + name + "'",
                session -> TableCatalog.find(session.connection(), name).isPresent());
    }

    /**
     * Reads a whole table with the default {@link JdbcTableReader}.
     *
     * @param tableName the table's name
     * @return the table
     * @see JdbcTableReader#readTable(JdbcDatabase, String)
     */
    public Table readTable(String tableName) {
        return JdbcTableReader.builder().build().readTable(this, tableName);
    }

    /**
     * Reads the result of a query with the default {@link JdbcTableReader}.
     *
     * @param sql        a query, with {@code ?} for parameters
     * @param parameters the parameters' values
     * @return the result as a table
     * @see JdbcTableReader#readQuery(JdbcDatabase, String, Object...)
     */
    public Table readQuery(String sql, Object... parameters) {
        return JdbcTableReader.builder().build().readQuery(this, sql, parameters);
    }

    /**
     * Writes a table with the default {@link JdbcTableWriter} settings and the given mode.
     *
     * @param table     the table
     * @param tableName the database table's name
     * @param mode      what to do when the database table exists
     * @see JdbcTableWriter#write(Table, JdbcDatabase, String)
     */
    public void writeTable(Table table, String tableName, JdbcWriteMode mode) {
        JdbcTableWriter.builder().mode(mode).build().write(table, this, tableName);
    }

    /**
     * Runs work on a connection of this database: opens it (or takes the host's), finds the dialect, and closes it
     * afterwards if it was opened here. A {@link SQLException} the work throws becomes a {@link JdbcException} that
     * says what was being done, and where.
     */
    <T> T withSession(String purpose, Work<T> work) {
        Connection connection;
        try {
            connection = source.open();
        } catch (SQLException e) {
            SQLException safe = JdbcUrls.redact(e);
            throw new JdbcException("Cannot " + purpose + ": cannot connect to " + description + ": "
                    + safe.getMessage() + hint(e), description, null, safe);
        }
        String url = description;
        try {
            url = JdbcUrls.redact(connection.getMetaData().getURL());
            Session session = new Session(connection, SqlDialect.of(connection.getMetaData()), url, owned);
            return work.run(session);
        } catch (SQLException e) {
            SQLException safe = JdbcUrls.redact(e);
            throw new JdbcException("Cannot " + purpose + " in " + url + ": " + safe.getMessage(), url, null, safe);
        } finally {
            if (owned) {
                close(connection, url);
            }
        }
    }

    private static String hint(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("No suitable driver")) {
            return "";
        }
        return "; the JDBC driver is missing from the class path (SQLite: org.xerial:sqlite-jdbc, H2:"
                + " com.h2database:h2, PostgreSQL: org.postgresql:postgresql), or the URL does not start with"
                + " jdbc:<database>:";
    }

    private static void close(Connection connection, String url) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the connection to {} failed: {}", url, JdbcUrls.redact(e.getMessage()));
        }
    }

    /** @return the database's URL without secrets, or a description of the data source or connection */
    @Override
    public String toString() {
        return "JdbcDatabase[" + description + "]";
    }
}

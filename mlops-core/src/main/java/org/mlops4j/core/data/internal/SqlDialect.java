package org.mlops4j.core.data.internal;

import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.mlops4j.core.data.ColumnType;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>What differs between the databases that tables are read from and written to: column types for
 * {@code CREATE TABLE}, whether DDL takes part in transactions, how long identifiers may be, and whether values are
 * typed strictly.
 */
public enum SqlDialect {

    /**
     * SQLite: dynamic typing (a column's declared type is only an affinity), transactional DDL, no NaN (stored as
     * NULL), timestamps stored as ISO-8601 text in UTC, booleans as 0/1.
     */
    SQLITE("SQLite", true, true, 0, false,
            "REAL", "VARCHAR", "BOOLEAN", "TIMESTAMP", "TEXT"),
    /**
     * H2: strict types; DDL commits the open transaction, so tables are built under a staging name first. H2's
     * {@code TEXT} is a synonym of {@code VARCHAR}, so text columns are {@code CLOB}s.
     */
    H2("H2", false, false, 256, false,
            "DOUBLE PRECISION", "VARCHAR", "BOOLEAN", "TIMESTAMP", "CLOB"),
    /** PostgreSQL: strict types, transactional DDL, identifiers of at most 63 bytes. */
    POSTGRESQL("PostgreSQL", true, false, 63, true,
            "DOUBLE PRECISION", "VARCHAR", "BOOLEAN", "TIMESTAMP", "TEXT"),
    /** Any other database: ANSI types, DDL assumed not transactional. Untested. */
    GENERIC("SQL", false, false, 0, false,
            "DOUBLE PRECISION", "VARCHAR(4000)", "BOOLEAN", "TIMESTAMP", "CLOB");

    private final String displayName;
    private final boolean transactionalDdl;
    private final boolean dynamicTyping;
    private final int maxIdentifierLength;
    private final boolean identifierLengthInBytes;
    private final String numericType;
    private final String categoricalType;
    private final String booleanType;
    private final String timestampType;
    private final String textType;

    SqlDialect(String displayName, boolean transactionalDdl, boolean dynamicTyping, int maxIdentifierLength,
            boolean identifierLengthInBytes, String numericType, String categoricalType, String booleanType,
            String timestampType, String textType) {
        this.displayName = displayName;
        this.transactionalDdl = transactionalDdl;
        this.dynamicTyping = dynamicTyping;
        this.maxIdentifierLength = maxIdentifierLength;
        this.identifierLengthInBytes = identifierLengthInBytes;
        this.numericType = numericType;
        this.categoricalType = categoricalType;
        this.booleanType = booleanType;
        this.timestampType = timestampType;
        this.textType = textType;
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

    /** @return the database's name for messages */
    public String displayName() {
        return displayName;
    }

    /** @return whether CREATE and DROP TABLE can be rolled back with the rows written after them */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    /** @return whether a column may hold values of any type whatever its declared type (SQLite) */
    public boolean dynamicTyping() {
        return dynamicTyping;
    }

    /**
     * @param type a column type
     * @return the SQL type a column of this type is created with
     */
    public String sqlType(ColumnType type) {
        return switch (type) {
            case NUMERIC -> numericType;
            case CATEGORICAL -> categoricalType;
            case BOOLEAN -> booleanType;
            case TIMESTAMP -> timestampType;
            case TEXT -> textType;
        };
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
}

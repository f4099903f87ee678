package org.mlops4j.core.data;

import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * What a database column holds, judged from its JDBC type and its declared type name, and which column type it
 * becomes by default when it is read into a table.
 *
 * <p>For SQLite the declared type name decides, with SQLite's own affinity rules (a name containing {@code INT} is an
 * integer, {@code CHAR}, {@code CLOB} or {@code TEXT} is text, {@code REAL}, {@code FLOA} or {@code DOUB} is real),
 * refined for the names that tools use for booleans ({@code BOOL...}) and times ({@code DATE}, {@code TIME...}),
 * and with {@code CHAR} (categorical) told apart from {@code TEXT} and {@code CLOB} (text).
 */
enum SqlValueKind {
    /** Any kind of number. */
    NUMBER,
    /** True or false ({@code BOOLEAN}, or {@code BIT} as PostgreSQL reports its {@code bool}). */
    BOOLEAN,
    /** A date and time without a time zone. */
    LOCAL_TIMESTAMP,
    /** A date and time with a time zone or offset. */
    OFFSET_TIMESTAMP,
    /** A date without a time. */
    DATE,
    /** A string of a bounded type ({@code VARCHAR}, {@code CHAR}): read as categorical. */
    SHORT_STRING,
    /** A string of an unbounded type ({@code TEXT}, {@code CLOB}): read as text. */
    LONG_STRING,
    /** A string of a type that says nothing about its use (a time of day, a UUID, an enum): the values decide. */
    STRING,
    /** No usable type (SQLite columns without a declared type): the values decide. */
    UNTYPED,
    /** Bytes, arrays and other structures that no column type holds. */
    UNSUPPORTED;

    /**
     * @param dialect  the database
     * @param sqlType  the {@link Types} constant the driver reports
     * @param typeName the declared or reported type name; may be {@code null}
     * @return what the column holds
     */
    public static SqlValueKind of(SqlDialect dialect, int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT).trim();
        if (dialect == SqlDialect.SQLITE) {
            return ofSqliteDeclaredType(name);
        }
        if (dialect == SqlDialect.POSTGRESQL && (name.equals("TIMESTAMPTZ") || name.equals("TIMETZ"))) {
            return name.equals("TIMESTAMPTZ") ? OFFSET_TIMESTAMP : STRING;
        }
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.NUMERIC, Types.DECIMAL -> NUMBER;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.TIMESTAMP -> LOCAL_TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> OFFSET_TIMESTAMP;
            case Types.DATE -> DATE;
            case Types.CHAR, Types.NCHAR, Types.VARCHAR, Types.NVARCHAR ->
                    name.equals("TEXT") ? LONG_STRING : SHORT_STRING;
            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR -> LONG_STRING;
            case Types.TIME, Types.TIME_WITH_TIMEZONE, Types.OTHER, Types.ROWID, Types.SQLXML -> STRING;
            case Types.NULL -> UNTYPED;
            default -> UNSUPPORTED;
        };
    }

    private static SqlValueKind ofSqliteDeclaredType(String name) {
        if (name.isEmpty() || name.equals("NULL")) {
            return UNTYPED;
        }
        if (name.contains("BOOL")) {
            return BOOLEAN;
        }
        if (name.contains("DATE") || name.contains("TIME")) {
            return name.equals("DATE") ? DATE : LOCAL_TIMESTAMP;
        }
        if (name.contains("INT")) {
            return NUMBER;
        }
        if (name.contains("CHAR")) {
            return SHORT_STRING;
        }
        if (name.contains("CLOB") || name.contains("TEXT")) {
            return LONG_STRING;
        }
        if (name.contains("BLOB")) {
            return UNTYPED;
        }
        return NUMBER;
    }

    /** @return the column type this kind becomes when the reader is not told otherwise; empty when the values decide */
    public Optional<ColumnType> defaultColumnType() {
        return switch (this) {
            case NUMBER -> Optional.of(ColumnType.NUMERIC);
            case BOOLEAN -> Optional.of(ColumnType.BOOLEAN);
            case LOCAL_TIMESTAMP, OFFSET_TIMESTAMP, DATE -> Optional.of(ColumnType.TIMESTAMP);
            case SHORT_STRING -> Optional.of(ColumnType.CATEGORICAL);
            case LONG_STRING -> Optional.of(ColumnType.TEXT);
            case STRING, UNTYPED, UNSUPPORTED -> Optional.empty();
        };
    }

    /** @return whether this kind holds strings */
    public boolean isString() {
        return this == SHORT_STRING || this == LONG_STRING || this == STRING;
    }

    /** @return whether this kind holds points in time */
    public boolean isTime() {
        return this == LOCAL_TIMESTAMP || this == OFFSET_TIMESTAMP || this == DATE;
    }
}

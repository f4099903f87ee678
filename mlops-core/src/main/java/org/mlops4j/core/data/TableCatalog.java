package org.mlops4j.core.data;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mlops4j.core.data.internal.SqlTableName;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * Looks up tables and their columns through {@link DatabaseMetaData}. A name is matched exactly first and then, if
 * exactly one table matches it ignoring case, that way; so {@code leads} finds a table that H2 stores as {@code LEADS}.
 */
final class TableCatalog {

    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "VIEW", "MATERIALIZED VIEW",
            "PARTITIONED TABLE", "FOREIGN TABLE", "GLOBAL TEMPORARY", "LOCAL TEMPORARY", "TEMPORARY TABLE",
            "TEMPORARY VIEW");

    /**
     * A column of a database table.
     *
     * @param name     the column's name as stored
     * @param typeName the declared type
     * @param kind     what it holds
     */
    public record TableColumn(String name, String typeName, SqlValueKind kind) {
    }

    private TableCatalog() {
    }

    /**
     * @param connection an open connection
     * @param schema     the schema to list; empty for the connection's current schema
     * @return the names of the tables and views in that schema, sorted
     * @throws SQLException when the metadata cannot be read
     */
    public static List<String> tableNames(Connection connection, Optional<String> schema) throws SQLException {
        String wantedSchema = schema.orElse(currentSchema(connection));
        List<String> names = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet tables = meta.getTables(null, pattern(meta, wantedSchema), "%", null)) {
            while (tables.next()) {
                String type = String.valueOf(tables.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                String tableSchema = tables.getString("TABLE_SCHEM");
                boolean inSchema = wantedSchema == null || wantedSchema.equalsIgnoreCase(tableSchema);
                if (TABLE_TYPES.contains(type) && inSchema) {
                    names.add(tables.getString("TABLE_NAME"));
                }
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /**
     * @param connection an open connection
     * @param wanted     the table's name as the caller gave it
     * @return the table's name as the database stores it, if it exists
     * @throws SQLException when the metadata cannot be read
     */
    public static Optional<SqlTableName> find(Connection connection, SqlTableName wanted) throws SQLException {
        List<String> names = tableNames(connection, wanted.schema());
        if (names.contains(wanted.name())) {
            return Optional.of(wanted);
        }
        List<String> ignoringCase = names.stream().filter(n -> n.equalsIgnoreCase(wanted.name())).toList();
        return ignoringCase.size() == 1 ? Optional.of(wanted.withName(ignoringCase.get(0))) : Optional.empty();
    }

    /**
     * @param connection an open connection
     * @param dialect    the database
     * @param table      a table that exists, named as the database stores it
     * @return its columns in order
     * @throws SQLException when the metadata cannot be read
     */
    public static List<TableColumn> columns(Connection connection, SqlDialect dialect, SqlTableName table)
            throws SQLException {
        String schema = table.schema().orElse(currentSchema(connection));
        List<TableColumn> columns = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getColumns(null, pattern(meta, schema), pattern(meta, table.name()), "%")) {
            while (rows.next()) {
                boolean inSchema = schema == null || schema.equalsIgnoreCase(rows.getString("TABLE_SCHEM"));
                if (inSchema && table.name().equals(rows.getString("TABLE_NAME"))) {
                    String typeName = rows.getString("TYPE_NAME");
                    columns.add(new TableColumn(rows.getString("COLUMN_NAME"), typeName,
                            SqlValueKind.of(dialect, rows.getInt("DATA_TYPE"), typeName)));
                }
            }
        }
        return columns;
    }

    /** A metadata search pattern that matches the name itself; wildcards in it are escaped where the driver can. */
    private static String pattern(DatabaseMetaData meta, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError | UnsupportedOperationException e) {
            return null;
        }
    }
}

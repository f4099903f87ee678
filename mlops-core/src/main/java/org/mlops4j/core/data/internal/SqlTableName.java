package org.mlops4j.core.data.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mlops4j.core.spi.support.jdbc.SqlDialect;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>A validated table name, optionally qualified by a schema ({@code analytics.loaded_data}). Each part is made of
 * ASCII letters, digits and underscores only, so a name can never carry SQL; it is quoted as well when it is put into
 * SQL.
 *
 * @param schema the schema, if the name was qualified
 * @param name   the table's own name
 */
public record SqlTableName(Optional<String> schema, String name) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_]+");

    /** Checks both parts. */
    public SqlTableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /**
     * @param text a table name, such as {@code loaded_data} or {@code analytics.loaded_data}
     * @return the parsed name
     * @throws IllegalArgumentException when the name is empty or has characters other than letters, digits and
     *                                  underscores (with at most one dot between schema and table)
     */
    public static SqlTableName parse(String text) {
        Objects.requireNonNull(text, "table name");
        String[] parts = text.split("\\.", -1);
        if (parts.length > 2 || !PART.matcher(parts[0]).matches()
                || (parts.length == 2 && !PART.matcher(parts[1]).matches())) {
            throw new IllegalArgumentException("Invalid table name '" + text + "': a table name is made of letters"
                    + " A-Z and a-z, digits and underscores, optionally preceded by a schema name and a dot"
                    + " (such as loaded_data or analytics.loaded_data); to read anything else, use a query");
        }
        return parts.length == 2 ? new SqlTableName(Optional.of(parts[0]), parts[1])
                : new SqlTableName(Optional.empty(), parts[0]);
    }

    /**
     * @param newName another table name in the same schema
     * @return the name with the same schema
     */
    public SqlTableName withName(String newName) {
        return new SqlTableName(schema, newName);
    }

    /**
     * @param dialect how to quote
     * @return the name quoted for SQL, such as {@code "analytics"."loaded_data"}
     */
    public String toSql(SqlDialect dialect) {
        return schema.map(s -> dialect.quote(s) + ".").orElse("") + dialect.quote(name);
    }

    /** @return the name as the user wrote it */
    @Override
    public String toString() {
        return schema.map(s -> s + ".").orElse("") + name;
    }
}

package org.mlops4j.core.data;

import java.util.Optional;
import org.mlops4j.core.MlopsException;

/**
 * A database operation failed: the database cannot be reached, a query fails, a table is missing or already exists,
 * or a write is rolled back.
 *
 * <p>The message names the database's JDBC URL (with any password replaced by {@code ***}), the SQL or table
 * concerned, and what the database said. Problems with single values are {@link org.mlops4j.core.DataException}s
 * instead.
 */
public class JdbcException extends MlopsException {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String sql;

    /**
     * @param message what failed, where, and how to fix it
     * @param url     the database's URL, already without secrets; {@code null} when unknown
     * @param sql     the SQL that failed; {@code null} when the failure is not about one statement
     * @param cause   the underlying failure, or {@code null}
     */
    public JdbcException(String message, String url, String sql, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.sql = sql;
    }

    /** @return the database's JDBC URL without secrets, if known */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** @return the SQL statement that failed, if the failure is about one */
    public Optional<String> sql() {
        return Optional.ofNullable(sql);
    }
}

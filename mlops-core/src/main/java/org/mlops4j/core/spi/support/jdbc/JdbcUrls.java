package org.mlops4j.core.spi.support.jdbc;

import java.net.URI;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Makes JDBC URLs safe to show in messages and logs: passwords and other secrets in the URL are replaced by
 * {@code ***}. The one place that does it, for tables, stores and registries alike.
 */
public final class JdbcUrls {

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|sslpassword|access[_-]?key|secret[_-]?key)\\s*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]*:)[^@/]*@");

    private JdbcUrls() {
    }

    /**
     * @param url a JDBC URL, or any text that may hold one (such as a driver's error message), possibly with a
     *            password in a parameter or in {@code user:password@}
     * @return the text with every secret replaced by {@code ***}
     */
    public static String redact(String url) {
        if (url == null) {
            return "(unknown URL)";
        }
        String withoutParameters = SECRET_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutParameters).replaceAll("$1***@");
    }

    /**
     * @param location a database URI (such as a tracking URI {@code jdbc:postgresql://...?password=...})
     * @return it with every secret replaced by {@code ***}
     */
    public static URI redact(URI location) {
        return URI.create(redact(location.toString()));
    }

    /**
     * Drivers repeat the URL, password included, in some messages (such as "No suitable driver found for ...").
     *
     * @param e a driver's exception
     * @return the exception itself when its message holds no secret; otherwise a copy with the secrets replaced, the
     *         same SQL state, error code and stack trace, and without the original's causes
     */
    public static SQLException redact(SQLException e) {
        String message = e.getMessage();
        if (message == null || message.equals(redact(message))) {
            return e;
        }
        SQLException copy = new SQLException(redact(message), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}

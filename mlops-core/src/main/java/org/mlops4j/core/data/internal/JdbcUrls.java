package org.mlops4j.core.data.internal;

import java.util.regex.Pattern;

/**
 * Makes JDBC URLs safe to show in messages and logs: passwords and other secrets in the URL are replaced by
 * {@code ***}.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class JdbcUrls {

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|sslpassword|access[_-]?key|secret[_-]?key)\\s*=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]*:)[^@/]*@");

    private JdbcUrls() {
    }

    /**
     * @param url a JDBC URL, possibly with a password in a parameter or in {@code user:password@}
     * @return the URL with every secret replaced by {@code ***}
     */
    public static String redact(String url) {
        if (url == null) {
            return "(unknown URL)";
        }
        String withoutParameters = SECRET_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutParameters).replaceAll("$1***@");
    }
}

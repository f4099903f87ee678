package org.mlops4j.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.server.internal.PasswordHash;

/**
 * Who may call a server: bearer tokens ({@code Authorization: Bearer <token>}, MLflow's clients send
 * {@code MLFLOW_TRACKING_TOKEN} so) and users with passwords (HTTP basic authentication, as MLflow's basic-auth app;
 * MLflow's clients send {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD} so), each
 * {@link Access#READ_WRITE} or {@link Access#READ_ONLY}. Tokens are kept as SHA-256 digests, passwords as PBKDF2
 * hashes: nothing here holds a secret in the clear.
 *
 * <p>Two files give them, so that no secret shows in a process list:
 * <ul>
 *   <li>A <b>token file</b> ({@link #readTokenFile}): one token a line, 16 characters or more; a line {@code ro:<token>}
 *       is a read-only token; blank lines and lines starting with {@code #} are skipped. A file holding one token,
 *       as {@code --token-file} always took, is one read-write token.</li>
 *   <li>A <b>password file</b> ({@link #readPasswordFile}): one user a line,
 *       {@code <user>:<read-write|read-only>:pbkdf2-sha256:<iterations>:<salt>:<hash>}, as {@link #passwordLine}
 *       writes it (salt and hash in base64); blank lines and {@code #} lines are skipped.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class AccessCredentials {

    /** The fewest characters a token may have: 16, as {@code openssl rand -hex 8} prints. */
    public static final int MIN_TOKEN_LENGTH = BearerTokens.MIN_LENGTH;
    /** The prefix of a read-only token in a token file: {@value}. */
    public static final String READ_ONLY_PREFIX = "ro:";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final AccessCredentials NONE = new AccessCredentials(Map.of(), Map.of());

    private final Map<String, Access> tokenDigests;
    private final Map<String, User> users;

    /** A user: the hash of the password, and what the user may do. */
    private record User(PasswordHash password, Access access) {
    }

    private AccessCredentials(Map<String, Access> tokenDigests, Map<String, User> users) {
        this.tokenDigests = Map.copyOf(tokenDigests);
        this.users = Map.copyOf(users);
    }

    /** @return no credentials: a server with none lets every request through (loopback only) */
    public static AccessCredentials none() {
        return NONE;
    }

    /**
     * @param token  a token, 16 characters or more
     * @param access what it may do
     * @return these credentials and the token
     * @throws IllegalArgumentException when the token is too short
     */
    public AccessCredentials withToken(String token, Access access) {
        Objects.requireNonNull(access, "access");
        if (Objects.requireNonNull(token, "token").strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("A bearer token needs at least " + MIN_TOKEN_LENGTH + " characters (32"
                    + " random ones are better, such as the output of 'openssl rand -hex 16'); found "
                    + token.strip().length());
        }
        Map<String, Access> tokens = new LinkedHashMap<>(tokenDigests);
        tokens.put(digest(token.strip()), access);
        return new AccessCredentials(tokens, users);
    }

    /**
     * @param other more credentials
     * @return both; a user or token in both takes {@code other}'s access
     */
    public AccessCredentials and(AccessCredentials other) {
        Map<String, Access> tokens = new LinkedHashMap<>(tokenDigests);
        tokens.putAll(other.tokenDigests);
        Map<String, User> all = new LinkedHashMap<>(users);
        all.putAll(other.users);
        return new AccessCredentials(tokens, all);
    }

    /** @return whether there is no token and no user */
    public boolean isEmpty() {
        return tokenDigests.isEmpty() && users.isEmpty();
    }

    /** @return how many tokens and users there are, such as "2 tokens, 1 user" (no secret) */
    public String describe() {
        return tokenDigests.size() + (tokenDigests.size() == 1 ? " token, " : " tokens, ") + users.size()
                + (users.size() == 1 ? " user" : " users");
    }

    /**
     * @param token a bearer token presented
     * @return what it may do; empty when it is not one of these tokens
     */
    public Optional<Access> ofToken(String token) {
        return Optional.ofNullable(tokenDigests.get(digest(token)));
    }

    /**
     * @param user     a user name presented
     * @param password the password presented
     * @return what the user may do; empty when there is no such user or the password is wrong (checking costs a
     *         PBKDF2 derivation)
     */
    public Optional<Access> ofUser(String user, String password) {
        User known = users.get(user);
        return known != null && known.password().matches(password) ? Optional.of(known.access()) : Optional.empty();
    }

    /**
     * @param user a user name
     * @return whether it is one of these users
     */
    public boolean hasUser(String user) {
        return users.containsKey(user);
    }

    /**
     * @param user     a user name: letters, digits, {@code . _ @ -}, up to 64
     * @param access   what the user may do
     * @param password the password (the array is not kept)
     * @return a line of a password file, with a new salt and {@value PasswordHash#DEFAULT_ITERATIONS} iterations
     */
    public static String passwordLine(String user, Access access, char[] password) {
        return passwordLine(user, access, password, PasswordHash.DEFAULT_ITERATIONS);
    }

    /**
     * @param user       a user name
     * @param access     what the user may do
     * @param password   the password
     * @param iterations PBKDF2 iterations, at least {@value PasswordHash#MIN_ITERATIONS}
     * @return a line of a password file
     */
    public static String passwordLine(String user, Access access, char[] password, int iterations) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("A user name has 1 to 64 letters, digits or . _ @ -; found '" + user
                    + "'");
        }
        return user + ":" + accessName(access) + ":" + PasswordHash.of(password, iterations).encode();
    }

    /**
     * @param file a token file: one token a line, {@code ro:} before a read-only one
     * @return its tokens
     * @throws ConfigurationException when it cannot be read, holds no token, or a token is too short
     */
    public static AccessCredentials readTokenFile(Path file) {
        AccessCredentials credentials = NONE;
        List<String> lines = lines(file, "token");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean readOnly = line.startsWith(READ_ONLY_PREFIX);
            String token = readOnly ? line.substring(READ_ONLY_PREFIX.length()).strip() : line;
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new ConfigurationException("The token on line " + (i + 1) + " of " + file + " has "
                        + token.length() + " characters; a token needs at least " + MIN_TOKEN_LENGTH
                        + " (for example the output of 'openssl rand -hex 16').");
            }
            credentials = credentials.withToken(token, readOnly ? Access.READ_ONLY : Access.READ_WRITE);
        }
        if (credentials.isEmpty()) {
            throw new ConfigurationException("The token file " + file + " holds no token. Put one token a line ("
                    + READ_ONLY_PREFIX + "<token> for a read-only one).");
        }
        return credentials;
    }

    /**
     * @param file a password file: {@code <user>:<read-write|read-only>:pbkdf2-sha256:<iterations>:<salt>:<hash>}
     *             a line
     * @return its users
     * @throws ConfigurationException when it cannot be read, holds no user, or a line is malformed (named by number)
     */
    public static AccessCredentials readPasswordFile(Path file) {
        Map<String, User> users = new LinkedHashMap<>();
        List<String> lines = lines(file, "password");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 3);
            try {
                if (parts.length != 3 || !USER.matcher(parts[0]).matches()) {
                    throw new IllegalArgumentException("expected <user>:<read-write|read-only>:<hash>");
                }
                if (users.put(parts[0], new User(PasswordHash.parse(parts[2]), access(parts[1]))) != null) {
                    throw new IllegalArgumentException("user '" + parts[0] + "' is given twice");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("Line " + (i + 1) + " of the password file " + file + " is not a "
                        + "user: " + e.getMessage() + ". Write lines with 'mlops server-password <user>'.", e);
            }
        }
        if (users.isEmpty()) {
            throw new ConfigurationException("The password file " + file + " holds no user. Add lines with "
                    + "'mlops server-password <user>'.");
        }
        return new AccessCredentials(Map.of(), users);
    }

    private static List<String> lines(Path file, String kind) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the " + kind + " file " + file + ": " + e.getMessage()
                    + ". Give a file only you can read.", e);
        }
    }

    private static Access access(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "read-write" -> Access.READ_WRITE;
            case "read-only" -> Access.READ_ONLY;
            default -> throw new IllegalArgumentException("the access '" + name + "' is neither read-write nor "
                    + "read-only");
        };
    }

    private static String accessName(Access access) {
        return access == Access.READ_ONLY ? "read-only" : "read-write";
    }

    private static String digest(String token) {
        return HexFormat.of().formatHex(PasswordHash.sha256(token));
    }

    @Override
    public String toString() {
        return "AccessCredentials[" + describe() + "]";
    }
}

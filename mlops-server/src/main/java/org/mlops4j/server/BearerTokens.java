package org.mlops4j.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlops4j.core.ConfigurationException;

/**
 * Reads the bearer token that every request to a server must carry ({@link ServerSettings.Builder#bearerToken}) from
 * a file, as the {@code --token-file} option of {@code mlops ui} and {@code mlops serve} gives it: a token on the
 * command line would show in the process list.
 */
public final class BearerTokens {

    /** The fewest characters a token may have: 16, as {@code openssl rand -hex 8} prints. */
    public static final int MIN_LENGTH = 16;

    private BearerTokens() {
    }

    /**
     * @param file a file holding the bearer token (surrounding white space is ignored)
     * @return the token
     * @throws ConfigurationException when the file cannot be read or holds too short a token
     */
    public static String readFile(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the token file " + file + ": " + e.getMessage()
                    + ". Give a file that holds the token on one line.", e);
        }
        if (token.lines().count() > 1) {
            throw new ConfigurationException("The token file " + file + " holds several lines; this command takes "
                    + "one token, alone in the file. ('mlops server --token-file' takes one token a line, with 'ro:' "
                    + "before a read-only one: see AccessCredentials.)");
        }
        if (token.length() < MIN_LENGTH) {
            throw new ConfigurationException("The token in " + file + " has " + token.length() + " characters; a "
                    + "token needs at least " + MIN_LENGTH + " (for example the output of 'openssl rand -hex 16').");
        }
        return token;
    }
}

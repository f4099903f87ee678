package org.mlops4j.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password stored as PBKDF2 with HMAC-SHA256 (the JDK's {@code PBKDF2WithHmacSHA256}): the iteration count, a random
 * salt and the derived key, written {@code pbkdf2-sha256:<iterations>:<salt, base64>:<key, base64>}. Checking derives
 * the key again and compares in constant time.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Immutable.
 *
 * @param iterations how many PBKDF2 iterations
 * @param salt       the salt
 * @param key        the derived key
 */
public record PasswordHash(int iterations, byte[] salt, byte[] key) {

    /** The scheme's name in a stored hash. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** The iterations of new hashes: {@value}, OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** The fewest iterations a stored hash may have: {@value}. */
    public static final int MIN_ITERATIONS = 10_000;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checks the values and copies the arrays. */
    public PasswordHash {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("A password hash needs at least " + MIN_ITERATIONS
                    + " iterations; found " + iterations);
        }
        salt = Objects.requireNonNull(salt, "salt").clone();
        key = Objects.requireNonNull(key, "key").clone();
        if (salt.length < 8 || key.length < 16) {
            throw new IllegalArgumentException("A password hash needs a salt of 8+ bytes and a key of 16+ bytes; "
                    + "found " + salt.length + " and " + key.length);
        }
    }

    /**
     * @param password   the password
     * @param iterations how many iterations
     * @return its hash with a new random salt
     */
    public static PasswordHash of(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * @param text {@code pbkdf2-sha256:<iterations>:<salt>:<key>}
     * @return the hash
     * @throws IllegalArgumentException when the text is not such a hash
     */
    public static PasswordHash parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("expected " + SCHEME + ":<iterations>:<salt>:<hash>");
        }
        try {
            return new PasswordHash(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
                    Base64.getDecoder().decode(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iterations '" + parts[1] + "' are not a whole number", e);
        }
    }

    /**
     * @param password a password presented
     * @return whether it is the hashed one
     */
    public boolean matches(String password) {
        return MessageDigest.isEqual(key, derive(password.toCharArray(), salt, iterations));
    }

    /** @return {@code pbkdf2-sha256:<iterations>:<salt>:<key>} */
    public String encode() {
        return SCHEME + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * @param text any text
     * @return its SHA-256 digest, for comparing secrets without keeping them
     */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

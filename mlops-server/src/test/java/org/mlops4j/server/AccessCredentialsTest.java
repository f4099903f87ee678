package org.mlops4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;

class AccessCredentialsTest {

    private static final String WRITER = "0123456789abcdef0123";
    private static final String READER = "fedcba9876543210fedc";

    @Test
    void aTokenFileOfOneTokenIsOneReadWriteTokenAsBefore(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("token"), "  " + WRITER + "\n");
        AccessCredentials credentials = AccessCredentials.readTokenFile(file);
        assertEquals(Optional.of(Access.READ_WRITE), credentials.ofToken(WRITER));
        assertEquals(WRITER, BearerTokens.readFile(file), "the single-token reader still reads it");
    }

    @Test
    void readOnlyTokensAreMarkedWithTheirPrefixAndCommentsAreSkipped(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("tokens"), "# team tokens\n" + WRITER + "\n\nro:" + READER
                + "\n");
        AccessCredentials credentials = AccessCredentials.readTokenFile(file);
        assertEquals(Optional.of(Access.READ_WRITE), credentials.ofToken(WRITER));
        assertEquals(Optional.of(Access.READ_ONLY), credentials.ofToken(READER));
        assertEquals(Optional.empty(), credentials.ofToken("ro:" + READER));
        assertEquals(Optional.empty(), credentials.ofToken("# team tokens"));
        assertEquals("2 tokens, 0 users", credentials.describe());
    }

    @Test
    void aShortTokenIsRefusedWithItsLine(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("tokens"), WRITER + "\nro:short\n");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> AccessCredentials.readTokenFile(file));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("5 characters"), e.getMessage());
        Path empty = Files.writeString(folder.resolve("empty"), "# nothing\n");
        assertTrue(assertThrows(ConfigurationException.class, () -> AccessCredentials.readTokenFile(empty))
                .getMessage().contains("holds no token"));
    }

    @Test
    void aPasswordLineChecksTheRightPasswordOnlyAndKeepsNoSecret(@TempDir Path folder) throws IOException {
        String ana = AccessCredentials.passwordLine("ana", Access.READ_WRITE, "correct horse".toCharArray(), 10_000);
        String bot = AccessCredentials.passwordLine("bot", Access.READ_ONLY, "battery staple".toCharArray(), 10_000);
        assertFalse(ana.contains("correct horse"));
        assertTrue(ana.startsWith("ana:read-write:pbkdf2-sha256:10000:"), ana);
        Path file = Files.writeString(folder.resolve("users"), "# users\n" + ana + "\n" + bot + "\n");
        AccessCredentials credentials = AccessCredentials.readPasswordFile(file);
        assertEquals(Optional.of(Access.READ_WRITE), credentials.ofUser("ana", "correct horse"));
        assertEquals(Optional.of(Access.READ_ONLY), credentials.ofUser("bot", "battery staple"));
        assertEquals(Optional.empty(), credentials.ofUser("ana", "battery staple"));
        assertEquals(Optional.empty(), credentials.ofUser("eve", "correct horse"));
        assertEquals(Optional.empty(), credentials.ofToken("correct horse"));
    }

    @Test
    void aMalformedPasswordLineIsNamedByNumber(@TempDir Path folder) throws IOException {
        String ana = AccessCredentials.passwordLine("ana", Access.READ_WRITE, "pw".toCharArray(), 10_000);
        for (String bad : new String[] {"ana:admin:" + ana.substring(ana.indexOf("pbkdf2")), "ana:read-write:md5:x",
                "ana", ana.replace(":10000:", ":10:")}) {
            Path file = Files.writeString(folder.resolve("users"), ana.replace("ana:", "bob:") + "\n" + bad + "\n");
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> AccessCredentials.readPasswordFile(file));
            assertTrue(e.getMessage().contains("Line 2"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> AccessCredentials.passwordLine("a:b", Access.READ_ONLY,
                "pw".toCharArray(), 10_000));
    }
}

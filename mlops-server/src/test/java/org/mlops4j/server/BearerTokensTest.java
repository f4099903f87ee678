package org.mlops4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.ConfigurationException;

class BearerTokensTest {

    @TempDir
    Path folder;

    @Test
    void theTokenIsTheFilesTextWithoutSurroundingWhiteSpace() throws IOException {
        Path file = Files.writeString(folder.resolve("token"), "  0123456789abcdef0123\n");
        assertEquals("0123456789abcdef0123", BearerTokens.readFile(file));
    }

    @Test
    void aShortTokenIsRefusedWithItsLength() throws IOException {
        Path file = Files.writeString(folder.resolve("token"), "short\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> BearerTokens.readFile(file));
        assertTrue(e.getMessage().contains("has 5 characters") && e.getMessage().contains("at least 16"),
                e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = folder.resolve("nowhere");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> BearerTokens.readFile(missing));
        assertTrue(e.getMessage().contains("Cannot read the token file " + missing), e.getMessage());
    }

    @Test
    void aFileOfSeveralTokensIsRefusedRatherThanReadAsOne() throws IOException {
        Path file = Files.writeString(folder.resolve("tokens"), "0123456789abcdef0123\nro:fedcba9876543210fedc\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> BearerTokens.readFile(file));
        assertTrue(e.getMessage().contains("several lines"), e.getMessage());
    }
}

package org.mlops4j.core.spi.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void writesTheContentAndLeavesNoTemporaryFile() throws Exception {
        Path target = folder.resolve("report.html");
        AtomicFiles.write(target, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(target, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));

        assertEquals("second", Files.readString(target));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void givesTheFileThePermissionsOfTheProcesssUmaskNotOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file permissions are POSIX's");
        Path plain = Files.createFile(folder.resolve("plain.txt"));
        Path target = folder.resolve("report.html");

        AtomicFiles.write(target, out -> out.write('x'));

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }
}

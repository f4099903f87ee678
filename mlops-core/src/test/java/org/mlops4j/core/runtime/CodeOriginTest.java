package org.mlops4j.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeOriginTest {

    private static final String PROBE = OriginProbe.class.getName().replace('.', '/') + ".class";
    private static final String POM = "META-INF/maven/org.example/probe/pom.properties";

    @TempDir
    Path tempDir;

    @Test
    void aJarWithAnImplementationVersionGivesThatVersionAndTheJarPath() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "3.1.4");
        Path jar = jar("with-manifest.jar", manifest, "version=9.9.9\n");

        assertEquals(new CodeOrigin("3.1.4", jar.toString()), originOfProbeIn(jar));
    }

    @Test
    void aJarWithOnlyMavenPomPropertiesGivesTheirVersion() throws Exception {
        Path jar = jar("maven-only.jar", null, "groupId=org.example\nartifactId=probe\nversion=2.7.1\n");

        assertEquals(new CodeOrigin("2.7.1", jar.toString()), originOfProbeIn(jar));
    }

    @Test
    void aClassesFolderWithoutMavenMetadataHasAnUnknownVersionAndItsPath() throws Exception {
        Path folder = Files.createDirectories(tempDir.resolve("classes"));
        copyProbeTo(folder);

        assertEquals(new CodeOrigin("unknown", folder.toString()), originOfProbeIn(folder));
    }

    @Test
    void aClassesFolderWithMavenPomPropertiesGivesTheirVersion() throws Exception {
        Path folder = Files.createDirectories(tempDir.resolve("classes"));
        copyProbeTo(folder);
        Path pom = folder.resolve(POM);
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, "version=1.0.2\n");

        assertEquals(new CodeOrigin("1.0.2", folder.toString()), originOfProbeIn(folder));
    }

    @Test
    void aJdkClassHasNoLocation() {
        assertEquals("unknown", CodeOrigin.of(String.class).location());
    }

    private CodeOrigin originOfProbeIn(Path location) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {location.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = loader.loadClass(OriginProbe.class.getName());
            assertTrue(probe != OriginProbe.class, "the probe must come from the copy, not the test classes");
            return CodeOrigin.of(probe);
        }
    }

    private Path jar(String name, Manifest manifest, String pomProperties) throws IOException {
        Path jar = tempDir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = manifest == null ? new JarOutputStream(file)
                        : new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(PROBE));
            out.write(probeBytes());
            out.closeEntry();
            out.putNextEntry(new JarEntry(POM));
            out.write(pomProperties.getBytes(StandardCharsets.ISO_8859_1));
            out.closeEntry();
        }
        return jar;
    }

    private static void copyProbeTo(Path folder) throws IOException {
        Path target = folder.resolve(PROBE);
        Files.createDirectories(target.getParent());
        Files.write(target, probeBytes());
    }

    private static byte[] probeBytes() throws IOException {
        try (InputStream in = OriginProbe.class.getClassLoader().getResourceAsStream(PROBE)) {
            return in.readAllBytes();
        }
    }
}

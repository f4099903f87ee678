package org.mlops4j.core.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where a class was loaded from (its code source: a jar or a classes folder) and the version of the artifact there:
 * the {@code Implementation-Version} of the jar's manifest, else the {@code version} of the Maven
 * {@code META-INF/maven/<group>/<artifact>/pom.properties} inside it. Either is {@code unknown} when it cannot be
 * found (a class from the JDK, a classes folder of a build that is not packaged). Locations are read once each.
 *
 * @param version  the artifact version, or {@code unknown}
 * @param location the jar or folder as a file path (or URL when not a file), or {@code unknown}
 */
record CodeOrigin(String version, String location) {

    private static final String UNKNOWN = "unknown";
    private static final Map<String, String> VERSIONS_BY_LOCATION = new ConcurrentHashMap<>();

    /**
     * @param type a loaded class
     * @return where it came from
     */
    public static CodeOrigin of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null) {
            return new CodeOrigin(manifestVersion(type).orElse(UNKNOWN), UNKNOWN);
        }
        Optional<Path> path = asPath(url);
        String version = manifestVersion(type).orElseGet(() -> VERSIONS_BY_LOCATION.computeIfAbsent(url.toString(),
                any -> path.flatMap(CodeOrigin::pomVersion).orElse(UNKNOWN)));
        return new CodeOrigin(version, path.map(Path::toString).orElse(url.toString()));
    }

    private static Optional<String> manifestVersion(Class<?> type) {
        Package pkg = type.getPackage();
        return Optional.ofNullable(pkg == null ? null : pkg.getImplementationVersion()).filter(v -> !v.isBlank());
    }

    private static Optional<Path> asPath(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The version in the first Maven pom.properties of a jar or classes folder. */
    private static Optional<String> pomVersion(Path location) {
        try {
            if (Files.isDirectory(location)) {
                Path maven = location.resolve("META-INF/maven");
                if (!Files.isDirectory(maven)) {
                    return Optional.empty();
                }
                try (Stream<Path> files = Files.walk(maven, 3)) {
                    Optional<Path> pom = files.filter(p -> p.endsWith("pom.properties")).findFirst();
                    if (pom.isEmpty()) {
                        return Optional.empty();
                    }
                    try (InputStream in = Files.newInputStream(pom.get())) {
                        return versionIn(in);
                    }
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            return versionIn(in);
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable location has an unknown version; the report still names it
        }
    }

    private static Optional<String> versionIn(InputStream pomProperties) throws IOException {
        Properties properties = new Properties();
        properties.load(pomProperties);
        return Optional.ofNullable(properties.getProperty("version")).filter(v -> !v.isBlank());
    }
}

package org.mlops4j.core.runtime;

/**
 * One provider that an {@link Mlops} instance found, with where its class came from, so that a report can tell which
 * jar (and which version of it) serves each name — as JUnit's launcher names each test engine it discovered.
 *
 * @param spi       the simple name of the provider interface, for example {@code TrackingStoreProvider}
 * @param name      the provider's name, for example {@code file}
 * @param className the provider's class
 * @param version   the version of the artifact holding the class (its manifest's {@code Implementation-Version}
 *                  or its Maven {@code pom.properties}), or {@code unknown}
 * @param location  the jar or classes folder the class was loaded from, or {@code unknown}
 */
public record DiscoveredProvider(String spi, String name, String className, String version, String location) {

    /** The value given for a version or location that cannot be found. */
    public static final String UNKNOWN = "unknown";

    /**
     * @return one line: {@code SPI name (class: ..., version: ..., location: ...)}
     */
    public String line() {
        return spi + " " + name + " (class: " + className + ", version: " + version + ", location: " + location + ")";
    }
}

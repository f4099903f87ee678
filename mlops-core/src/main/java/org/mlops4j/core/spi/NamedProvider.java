package org.mlops4j.core.spi;

/**
 * What every mlops4j provider has: a stable, unique, lower-case name by which configuration and code ask for it.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader} (each plugin jar lists its classes in
 * {@code META-INF/services/<provider interface>}) or registered by hand through {@code Mlops.builder()}. A provider is
 * a small factory: discovery instantiates every provider, so constructors must be cheap and must not touch files,
 * databases or the network; the heavy object is made by the provider's create or open method, only when asked for.
 *
 * <p>Implementations must have a public no-argument constructor and be thread-safe.
 */
public interface NamedProvider {

    /**
     * The provider's key: lower-case letters, digits, {@code _} and {@code -}, unique among the providers of the same
     * interface. It is a compatibility promise: configuration files name it, so it never changes between versions.
     *
     * @return the name, never {@code null} or blank
     */
    String name();

    /**
     * A one-line, human-readable description, shown when the host lists what was found.
     *
     * @return the description; by default the implementing class's name
     */
    default String description() {
        return getClass().getName();
    }
}

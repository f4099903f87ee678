package org.mlops4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The configuration a host gave mlops4j: flat {@code mlops.<area>.<key>} properties.
 *
 * <p>A value is looked up, first to last, in: explicit values (from the builder); Java system properties; environment
 * variables ({@code mlops.tracking.uri} is {@code MLOPS_TRACKING_URI}); the {@code mlops.properties} class-path
 * resource; the caller's default. See {@link MlopsProperties} for the keys mlops4j reads. Immutable and thread-safe;
 * system properties and the environment are read at the time of each look-up.
 */
public final class MlopsConfig {

    private final Map<String, String> explicit;
    private final Map<String, String> fromResource;
    private final boolean readsSystem;

    private MlopsConfig(Map<String, String> explicit, Map<String, String> fromResource, boolean readsSystem) {
        this.explicit = Map.copyOf(explicit);
        this.fromResource = Map.copyOf(fromResource);
        this.readsSystem = readsSystem;
    }

    /**
     * @param explicit    values that take precedence over every other source
     * @param classLoader where to look for {@code mlops.properties}
     * @return a configuration that also reads system properties, the environment and the resource
     */
    public static MlopsConfig create(Map<String, String> explicit, ClassLoader classLoader) {
        return new MlopsConfig(explicit, readResource(classLoader), true);
    }

    /**
     * @param values the only values there are
     * @return a configuration that reads nothing but these values (for tests and fully explicit hosts)
     */
    public static MlopsConfig ofOnly(Map<String, String> values) {
        return new MlopsConfig(values, Map.of(), false);
    }

    /**
     * @param key a property key such as {@code mlops.tracking.uri}
     * @return the value from the first source that has one
     */
    public Optional<String> get(String key) {
        String value = explicit.get(key);
        if (value == null && readsSystem) {
            value = System.getProperty(key);
            if (value == null) {
                value = System.getenv(environmentName(key));
            }
        }
        if (value == null) {
            value = fromResource.get(key);
        }
        return Optional.ofNullable(value).map(String::trim);
    }

    /**
     * @param key          a property key
     * @param defaultValue the value when no source has one
     * @return the value
     */
    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /**
     * @param key          a property key
     * @param defaultValue the value when no source has one
     * @return the value as an integer
     * @throws ConfigurationException when the value is not an integer
     */
    public int getInt(String key, int defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid value for property " + key + "=" + value.get()
                    + ". Must be an integer.");
        }
    }

    /**
     * @param key          a property key
     * @param defaultValue the value when no source has one
     * @return the value as a double
     * @throws ConfigurationException when the value is not a number
     */
    public double getDouble(String key, double defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value.get());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid value for property " + key + "=" + value.get()
                    + ". Must be a number.");
        }
    }

    /**
     * @param key          a property key
     * @param defaultValue the value when no source has one
     * @return the value as a boolean
     * @throws ConfigurationException when the value is neither {@code true} nor {@code false}
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigurationException("Invalid value for property " + key + "=" + value.get()
                    + ". Must be true or false.");
        }
        return Boolean.parseBoolean(v);
    }

    /** @return the explicit values and those of {@code mlops.properties}, for display (explicit ones win) */
    public Map<String, String> explicitAndResourceValues() {
        Map<String, String> all = new TreeMap<>(fromResource);
        all.putAll(explicit);
        return all;
    }

    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readResource(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(MlopsProperties.PROPERTIES_RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> values = new TreeMap<>();
            properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MlopsProperties.PROPERTIES_RESOURCE, e);
        }
    }
}

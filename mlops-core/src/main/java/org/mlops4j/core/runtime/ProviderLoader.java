package org.mlops4j.core.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.NamedProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place in mlops4j that calls {@link ServiceLoader}. It loads the providers of one SPI, keys them by name,
 * rejects duplicate and malformed names, and records providers that fail to load instead of giving up on the others.
 */
final class ProviderLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderLoader.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final int MAX_CONSECUTIVE_FAILURES = 100;

    private ProviderLoader() {
    }

    /**
     * The providers of one SPI, and the failures met while loading them.
     *
     * @param byName   providers by name, in discovery order
     * @param failures providers that could not be loaded
     * @param <P>      the provider interface
     */
    public record Loaded<P>(Map<String, P> byName, List<ProviderFailure> failures) {
    }

    /**
     * Discovers the providers of an SPI on a class loader, and adds those registered by hand.
     *
     * @param spi         the provider interface
     * @param classLoader where to look; {@code null} to skip discovery
     * @param byHand      providers registered by hand, added after the discovered ones
     * @param <P>         the provider interface
     * @return the providers by name and the failures
     * @throws ConfigurationException when two providers share a name (naming both classes) or a name is malformed
     */
    public static <P extends NamedProvider> Loaded<P> load(Class<P> spi, ClassLoader classLoader, List<P> byHand) {
        Map<String, P> byName = new LinkedHashMap<>();
        List<ProviderFailure> failures = new ArrayList<>();
        if (classLoader != null) {
            for (P provider : discover(spi, classLoader, failures)) {
                add(spi, byName, provider, "discovered");
            }
        }
        for (P provider : byHand) {
            add(spi, byName, provider, "registered by hand");
        }
        if (LOG.isDebugEnabled()) {
            byName.forEach((name, p) -> LOG.debug("Found {} '{}': {}", spi.getSimpleName(), name, p.getClass()
                    .getName()));
        }
        return new Loaded<>(byName, failures);
    }

    private static <P> List<P> discover(Class<P> spi, ClassLoader classLoader, List<ProviderFailure> failures) {
        List<P> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<P>> it = ServiceLoader.load(spi, classLoader).stream().iterator();
        int consecutiveFailures = 0;
        while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
            ServiceLoader.Provider<P> candidate;
            try {
                if (!it.hasNext()) {
                    break;
                }
                candidate = it.next();
            } catch (ServiceConfigurationError e) {
                consecutiveFailures++;
                record(spi, failures, classNamedIn(e), e);
                continue;
            }
            try {
                found.add(candidate.get());
                consecutiveFailures = 0;
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                consecutiveFailures++;
                record(spi, failures, candidate.type().getName(), e);
            }
        }
        return found;
    }

    private static void record(Class<?> spi, List<ProviderFailure> failures, String providerClass, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root == e ? String.valueOf(e.getMessage())
                : e.getMessage() + "; caused by " + root;
        failures.add(new ProviderFailure(spi.getName(), providerClass, reason));
        LOG.warn("Could not load {} provider {}: {}", spi.getSimpleName(), providerClass, reason);
    }

    private static String classNamedIn(ServiceConfigurationError e) {
        // ServiceLoader's messages read "<spi>: Provider <class> not found" or "... could not be instantiated".
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Provider ");
        if (at >= 0) {
            String rest = message.substring(at + "Provider ".length());
            int end = rest.indexOf(' ');
            return end > 0 ? rest.substring(0, end) : rest;
        }
        return "(unknown class)";
    }

    private static <P extends NamedProvider> void add(Class<P> spi, Map<String, P> byName, P provider, String how) {
        String name;
        try {
            name = provider.name();
        } catch (RuntimeException e) {
            throw new ConfigurationException(spi.getSimpleName() + " " + provider.getClass().getName()
                    + " failed in name(): " + e, e);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigurationException(spi.getSimpleName() + " " + provider.getClass().getName()
                    + " has the name '" + name + "'; a provider name is lower-case letters, digits, '_' and '-'");
        }
        P existing = byName.putIfAbsent(name, provider);
        if (existing != null) {
            throw new ConfigurationException("Duplicate " + spi.getSimpleName() + " name '" + name + "': "
                    + existing.getClass().getName() + ", " + provider.getClass().getName() + " (" + how
                    + "). Remove one of them from the class path, or switch discovery off ("
                    + "mlops.providers.discovery=false) and register the one you want by hand.");
        }
    }
}

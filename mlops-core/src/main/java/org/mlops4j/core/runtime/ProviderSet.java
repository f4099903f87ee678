package org.mlops4j.core.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.spi.NamedProvider;

/**
 * The providers of one SPI that an {@link Mlops} instance knows, by name. Names are matched without regard to case,
 * so {@code "TVD"} finds the provider named {@code tvd}. Immutable and thread-safe.
 *
 * @param <P> the provider interface
 */
public final class ProviderSet<P extends NamedProvider> {

    private final Class<P> type;
    private final Map<String, P> byName;
    private final String missingHint;

    /**
     * @param type        the provider interface
     * @param byName      the providers by their (lower-case) names; names unique
     * @param missingHint what to tell a user who asks for a name that is not there (which artifact to add)
     */
    public ProviderSet(Class<P> type, Map<String, P> byName, String missingHint) {
        this.type = type;
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
        this.missingHint = missingHint;
    }

    /** @return the provider interface */
    public Class<P> type() {
        return type;
    }

    /** @return the providers' names, sorted */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** @return the providers, sorted by name */
    public List<P> all() {
        return new ArrayList<>(byName.values());
    }

    /** @return whether no provider is known */
    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * @param name a provider's name, in any case
     * @return the provider, if known
     */
    public Optional<P> find(String name) {
        return Optional.ofNullable(byName.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * @param name a provider's name, in any case
     * @return the provider
     * @throws ConfigurationException listing the available names and the artifact to add when there is none by that
     *                                name
     */
    public P get(String name) {
        return find(name).orElseThrow(() -> new ConfigurationException("No " + type.getSimpleName() + " named '"
                + name + "' was found (available: " + names() + "). " + missingHint));
    }

    @Override
    public String toString() {
        return type.getSimpleName() + names();
    }
}

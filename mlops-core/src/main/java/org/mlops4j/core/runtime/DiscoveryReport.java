package org.mlops4j.core.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an {@link Mlops} instance found: for each SPI the providers with their class, artifact version and jar, and the
 * providers that failed to load.
 *
 * @param found     for each SPI's simple name, the found providers (an empty list when there is none)
 * @param failures  providers that were listed but could not be loaded
 * @param discovery whether {@link java.util.ServiceLoader} discovery was on
 */
public record DiscoveryReport(Map<String, List<DiscoveredProvider>> found, List<ProviderFailure> failures,
        boolean discovery) {

    /** Copies the collections, sorting SPIs and providers by name. */
    public DiscoveryReport {
        Map<String, List<DiscoveredProvider>> copy = new TreeMap<>();
        found.forEach((spi, providers) -> {
            List<DiscoveredProvider> sorted = new ArrayList<>(providers);
            sorted.sort(Comparator.comparing(DiscoveredProvider::name));
            copy.put(spi, List.copyOf(sorted));
        });
        found = Collections.unmodifiableMap(copy);
        failures = List.copyOf(failures);
    }

    /** @return for each SPI's simple name, the found providers as {@code name -> class} */
    public Map<String, Map<String, String>> providers() {
        Map<String, Map<String, String>> classes = new TreeMap<>();
        found.forEach((spi, providers) -> {
            Map<String, String> byName = new TreeMap<>();
            providers.forEach(p -> byName.put(p.name(), p.className()));
            classes.put(spi, Collections.unmodifiableMap(byName));
        });
        return Collections.unmodifiableMap(classes);
    }

    /**
     * @return a multi-line, human-readable summary: per SPI the names found, then one {@link DiscoveredProvider#line()}
     *         per provider, then the failures
     */
    public String describe() {
        StringBuilder out = new StringBuilder("mlops4j providers (discovery ")
                .append(discovery ? "on" : "off").append("):\n");
        found.forEach((spi, providers) -> {
            out.append("  ").append(spi).append(": ");
            out.append(providers.isEmpty() ? "none"
                    : String.join(", ", providers.stream().map(DiscoveredProvider::name).toList())).append('\n');
            providers.forEach(p -> out.append("    ").append(p.line()).append('\n'));
        });
        for (ProviderFailure failure : failures) {
            out.append("  FAILED ").append(failure.providerInterface()).append(": ").append(failure.providerClass())
                    .append(" (").append(failure.reason()).append(")\n");
        }
        return out.toString();
    }
}

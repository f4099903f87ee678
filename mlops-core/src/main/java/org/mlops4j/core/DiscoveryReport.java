package org.mlops4j.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an {@link Mlops} instance found: for each SPI the providers by name and class, and the providers that failed to
 * load.
 *
 * @param providers for each SPI's simple name, the found providers as {@code name -> class}
 * @param failures  providers that were listed but could not be loaded
 * @param discovery whether {@link java.util.ServiceLoader} discovery was on
 */
public record DiscoveryReport(Map<String, Map<String, String>> providers, List<ProviderFailure> failures,
        boolean discovery) {

    /** Copies the collections. */
    public DiscoveryReport {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        providers.forEach((spi, found) -> copy.put(spi, Map.copyOf(found)));
        providers = java.util.Collections.unmodifiableMap(copy);
        failures = List.copyOf(failures);
    }

    /** @return a multi-line, human-readable summary */
    public String describe() {
        StringBuilder out = new StringBuilder("mlops4j providers (discovery ")
                .append(discovery ? "on" : "off").append("):\n");
        providers.forEach((spi, found) -> {
            out.append("  ").append(spi).append(": ");
            out.append(found.isEmpty() ? "none" : String.join(", ", new TreeMap<>(found).keySet())).append('\n');
        });
        for (ProviderFailure failure : failures) {
            out.append("  FAILED ").append(failure.providerInterface()).append(": ").append(failure.providerClass())
                    .append(" (").append(failure.reason()).append(")\n");
        }
        return out.toString();
    }
}

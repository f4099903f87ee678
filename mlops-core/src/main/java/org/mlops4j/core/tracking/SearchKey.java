package org.mlops4j.core.tracking;

import java.util.Objects;

/**
 * What a filter term or an order clause looks at: a metric, param or tag by key, or an attribute by name.
 *
 * @param entity what kind of value
 * @param key    the metric, param or tag key, or the attribute's canonical name (such as {@code start_time})
 */
public record SearchKey(EntityType entity, String key) {

    /** Checks the parts are present. */
    public SearchKey {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(key, "key");
    }

    /**
     * @return the attribute, for attribute keys
     * @throws IllegalStateException for metric, param and tag keys
     */
    public RunAttribute attribute() {
        if (entity != EntityType.ATTRIBUTE) {
            throw new IllegalStateException(this + " is not an attribute");
        }
        return RunAttribute.fromKey(key).orElseThrow(() -> new IllegalStateException("Unknown attribute " + key));
    }

    /** @return whether values are compared as numbers (metrics and numeric attributes) */
    public boolean isNumeric() {
        return entity == EntityType.METRIC || (entity == EntityType.ATTRIBUTE && attribute().isNumeric());
    }

    @Override
    public String toString() {
        return entity.prefix() + ".`" + key + "`";
    }
}

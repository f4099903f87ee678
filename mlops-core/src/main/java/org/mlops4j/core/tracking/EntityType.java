package org.mlops4j.core.tracking;

import java.util.Locale;
import java.util.Optional;

/** What a search key refers to: a metric, a param, a tag or an attribute of the run itself. */
public enum EntityType {
    /** {@code metrics.<key>} (also {@code metric.}): the latest value of a metric; compared as a number. */
    METRIC,
    /** {@code params.<key>} (also {@code param., parameter., parameters.}): a param; compared as text. */
    PARAM,
    /** {@code tags.<key>} (also {@code tag.}): a tag; compared as text. */
    TAG,
    /** {@code attributes.<name>} (also {@code attribute., attr., run.}, or no prefix): see {@link RunAttribute}. */
    ATTRIBUTE;

    /**
     * @param prefix the part before the dot, in any case
     * @return the entity it names, if any
     */
    public static Optional<EntityType> fromPrefix(String prefix) {
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "metric", "metrics" -> Optional.of(METRIC);
            case "param", "params", "parameter", "parameters" -> Optional.of(PARAM);
            case "tag", "tags" -> Optional.of(TAG);
            case "attribute", "attributes", "attr", "run" -> Optional.of(ATTRIBUTE);
            default -> Optional.empty();
        };
    }

    /** @return the canonical prefix ({@code metrics}, {@code params}, {@code tags}, {@code attributes}) */
    public String prefix() {
        return switch (this) {
            case METRIC -> "metrics";
            case PARAM -> "params";
            case TAG -> "tags";
            case ATTRIBUTE -> "attributes";
        };
    }
}

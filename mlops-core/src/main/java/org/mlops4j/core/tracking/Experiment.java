package org.mlops4j.core.tracking;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named group of runs.
 *
 * @param experimentId     the store-assigned id ({@code "0"} is the default experiment)
 * @param name             the unique name (at most 500 characters)
 * @param artifactLocation where the runs' artifacts go, as a URI
 * @param lifecycleStage   active or soft-deleted
 * @param tags             the experiment's tags, sorted by key
 * @param creationTime     when it was created, in milliseconds since the epoch
 * @param lastUpdateTime   when it was last changed, in milliseconds since the epoch
 */
public record Experiment(String experimentId, String name, String artifactLocation, LifecycleStage lifecycleStage,
                         Map<String, String> tags, long creationTime, long lastUpdateTime) {

    /** The id of the experiment every store has from the start. */
    public static final String DEFAULT_ID = "0";
    /** The name of the default experiment. */
    public static final String DEFAULT_NAME = "Default";

    /** Copies the tags. */
    public Experiment {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(artifactLocation, "artifactLocation");
        Objects.requireNonNull(lifecycleStage, "lifecycleStage");
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** @return whether it is active (not soft-deleted) */
    public boolean isActive() {
        return lifecycleStage == LifecycleStage.ACTIVE;
    }
}

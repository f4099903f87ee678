package org.mlops4j.core.tracking;

import java.util.Locale;

/**
 * Whether an experiment or a run is in use or soft-deleted. Deleting is reversible (restore); it is separate from a
 * run's {@link RunStatus}.
 */
public enum LifecycleStage {
    /** In use: it can be logged to and is found by default searches. */
    ACTIVE,
    /** Soft-deleted: kept on disk, hidden from default searches, read-only until restored. */
    DELETED;

    /** @return the lower-case name as stored ({@code active}, {@code deleted}) */
    public String storedName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param stored a stored name in any case
     * @return the stage
     * @throws IllegalArgumentException when the name is neither {@code active} nor {@code deleted}
     */
    public static LifecycleStage fromStoredName(String stored) {
        return valueOf(stored.trim().toUpperCase(Locale.ROOT));
    }
}

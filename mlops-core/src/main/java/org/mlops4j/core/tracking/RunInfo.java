package org.mlops4j.core.tracking;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What identifies a run and where it stands: its ids, name, status and times.
 *
 * @param runId          the store-assigned id (32 hexadecimal characters)
 * @param experimentId   the experiment it belongs to
 * @param runName        its name (also kept in the tag {@link SystemTags#RUN_NAME})
 * @param userId         who started it
 * @param status         its status
 * @param startTime      when it started, in milliseconds since the epoch
 * @param endTime        when it ended, if it has
 * @param artifactUri    where its artifacts are kept, as a URI
 * @param lifecycleStage active or soft-deleted
 */
public record RunInfo(String runId, String experimentId, String runName, String userId, RunStatus status,
                      long startTime, OptionalLong endTime, String artifactUri, LifecycleStage lifecycleStage) {

    /** Checks that the parts are present. */
    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(artifactUri, "artifactUri");
        Objects.requireNonNull(lifecycleStage, "lifecycleStage");
    }

    /**
     * @param newStatus  the status
     * @param newEndTime the end time, if any
     * @return a copy with another status and end time
     */
    public RunInfo withStatus(RunStatus newStatus, OptionalLong newEndTime) {
        return new RunInfo(runId, experimentId, runName, userId, newStatus, startTime, newEndTime, artifactUri,
                lifecycleStage);
    }

    /**
     * @param newName the name
     * @return a copy with another name
     */
    public RunInfo withRunName(String newName) {
        return new RunInfo(runId, experimentId, newName, userId, status, startTime, endTime, artifactUri,
                lifecycleStage);
    }

    /**
     * @param stage the stage
     * @return a copy in another lifecycle stage
     */
    public RunInfo withLifecycleStage(LifecycleStage stage) {
        return new RunInfo(runId, experimentId, runName, userId, status, startTime, endTime, artifactUri, stage);
    }

    /** @return whether it is active (not soft-deleted) */
    public boolean isActive() {
        return lifecycleStage == LifecycleStage.ACTIVE;
    }
}

package org.mlops4j.core.tracking.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * How one source run was handled, and how many runs are handled so far.
 *
 * @param index       this run's position, from 1
 * @param total       how many source runs the migration handles
 * @param sourceRunId the run's id in the source
 * @param targetRunId its id in the target; empty when it was skipped
 * @param outcome     what was done
 */
public record RunProgress(int index, int total, String sourceRunId, Optional<String> targetRunId,
                          RunOutcome outcome) {

    /** Checks that the parts are present. */
    public RunProgress {
        Objects.requireNonNull(sourceRunId, "sourceRunId");
        Objects.requireNonNull(targetRunId, "targetRunId");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** What a migration did with one source run. */
    public enum RunOutcome {
        /** Copied into a new target run. */
        COPIED,
        /** A target run from an interrupted migration was completed. */
        FINISHED,
        /** The target already held a complete copy: nothing was copied. */
        ALREADY_COMPLETE,
        /** Skipped: the source run is soft-deleted. */
        SKIPPED_DELETED
    }
}

package org.mlops4j.core.tracking.migration;

import org.mlops4j.core.tracking.RunInfo;

/**
 * Whether a copy's end time agrees with its source run's. A source run that ended without an end time (MLflow 1.x
 * left some so) has none to copy, and stores give an ended run the time it was ended: any end time of the copy then
 * agrees, so that repeating the migration does not end the copy again.
 */
final class EndTimes {

    private EndTimes() {
    }

    static boolean agree(RunInfo source, RunInfo copy) {
        boolean endedWithoutTime = source.status().isTerminal() && source.endTime().isEmpty();
        return endedWithoutTime || source.endTime().equals(copy.endTime());
    }
}

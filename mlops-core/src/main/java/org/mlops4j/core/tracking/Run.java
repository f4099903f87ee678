package org.mlops4j.core.tracking;

import java.util.Objects;
import java.util.Optional;

/**
 * A run as read from a store: its info and the data it logged.
 *
 * @param info what identifies the run and where it stands
 * @param data its latest metrics, params and tags
 */
public record Run(RunInfo info, RunData data) {

    /** Checks that the parts are present. */
    public Run {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(data, "data");
    }

    /** @return the run's id */
    public String runId() {
        return info.runId();
    }

    /** @return the id of the parent run, if this run is nested */
    public Optional<String> parentRunId() {
        return data.tag(SystemTags.PARENT_RUN_ID);
    }
}

package org.mlops4j.examples.leadscoring;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineState;

/**
 * What an {@link InboxWatcher} did with one file.
 *
 * @param file    the file as it arrived in the inbox
 * @param movedTo where it is now: in {@code processed/} when the data pipeline succeeded, else in {@code quarantine/}
 * @param report  the report next to a quarantined file; empty for a processed one
 * @param run     the data pipeline's run
 */
public record InboxResult(Path file, Path movedTo, Optional<Path> report, PipelineRun run) {

    /** Checks that nothing is {@code null}. */
    public InboxResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(movedTo, "movedTo");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(run, "run");
    }

    /** @return whether the file passed the checks and its data is in the database */
    public boolean accepted() {
        return run.state() == PipelineState.SUCCEEDED;
    }
}

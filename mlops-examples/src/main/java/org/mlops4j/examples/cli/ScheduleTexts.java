package org.mlops4j.examples.cli;

import org.mlops4j.core.pipeline.service.PipelineStatus;

/** How the schedule commands show a pipeline's state in one word. */
final class ScheduleTexts {

    private ScheduleTexts() {
    }

    /**
     * @param status a pipeline's status
     * @return {@code running}, {@code paused} or {@code active}
     */
    static String state(PipelineStatus status) {
        return status.running() > 0 ? "running" : status.paused() ? "paused" : "active";
    }
}

package org.mlops4j.core.pipeline.file;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.pipeline.CatchUpPolicy;
import org.mlops4j.core.pipeline.InterruptPolicy;
import org.mlops4j.core.pipeline.OverlapPolicy;
import org.mlops4j.core.pipeline.Schedule;

/**
 * When and how a scheduler runs a pipeline declared in a file: its {@code schedule} block.
 *
 * <pre>
 * schedule:
 *   cron: "0 3 * * *"      # or every: PT15M (fixed rate); or neither
 *   zone: Europe/Paris     # for cron; UTC by default
 *   inbox: incoming        # also run once per new file in this folder (relative to the pipeline file)
 *   overlap: skip          # skip | queue | allow: a fire while the previous run goes on
 *   catchup: none          # none | latest | all: fire times missed while the scheduler was down
 *   on_interrupt: resume   # resume | retry | fail: a run whose scheduler stopped in the middle
 *   max_attempts: 3        # how many times one fire is started, interruptions included
 * </pre>
 *
 * A file without a {@code schedule} block runs only when triggered by hand.
 *
 * @param timing      the cron or fixed-rate schedule, if any
 * @param inbox       the folder whose new files each start a run, if any
 * @param overlap     what a fire does while the previous run goes on
 * @param catchUp     which missed fire times run after downtime
 * @param onInterrupt what happens to a run that was interrupted
 * @param maxAttempts how many times one fire is started, at least 1
 */
public record ScheduleDeclaration(Optional<Schedule> timing, Optional<Path> inbox, OverlapPolicy overlap,
                                  CatchUpPolicy catchUp, InterruptPolicy onInterrupt, int maxAttempts) {

    /** Checks that nothing is {@code null} and that at least one attempt is allowed. */
    public ScheduleDeclaration {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(catchUp, "catchUp");
        Objects.requireNonNull(onInterrupt, "onInterrupt");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max_attempts must be at least 1, was " + maxAttempts);
        }
    }

    /** @return the declaration of a file without a {@code schedule} block: runs only when triggered */
    public static ScheduleDeclaration manualOnly() {
        return new ScheduleDeclaration(Optional.empty(), Optional.empty(), OverlapPolicy.SKIP, CatchUpPolicy.NONE,
                InterruptPolicy.RETRY, 3);
    }

    /** @return a short text for logs and the CLI, such as {@code cron 0 3 * * * (UTC)} or {@code every PT15M} */
    public String describe() {
        StringBuilder text = new StringBuilder();
        timing.ifPresent(schedule -> text.append(schedule instanceof Schedule.Cron cron
                ? "cron " + cron.expression().expression() + " (" + cron.zone() + ")"
                : "every " + ((Schedule.FixedRate) schedule).period()));
        inbox.ifPresent(folder -> text.append(text.isEmpty() ? "" : ", ").append("inbox ").append(folder));
        return text.isEmpty() ? "manual" : text.toString();
    }
}

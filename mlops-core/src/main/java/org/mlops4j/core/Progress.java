package org.mlops4j.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a long piece of work has come: a compare or tune of model families, a pipeline run, a profile or a drift
 * check over a large file. {@link ProgressListener}s receive one after each unit of work.
 *
 * <pre>{@code
 * Progress[task=compare models, stage=candidate rf (3 of 12), detail=fold 4 of 10, done=24, total=120, elapsed=PT9S]
 * progress.toLine()  // compare models: candidate rf (3 of 12), fold 4 of 10 - 20 % - 9 s elapsed, about 36 s left
 * }</pre>
 *
 * @param task    what the whole work is ({@code compare models}, {@code tune rf}, {@code pipeline training})
 * @param stage   the part under way ({@code candidate rf (3 of 12)}, {@code step train (2 of 3)}); a new stage
 *                is worth a line of its own in a log
 * @param detail  where inside the stage ({@code fold 4 of 10}); empty when there is nothing finer
 * @param done    units of work done, from 0 to {@code total}
 * @param total   units of work in all, at least 1
 * @param elapsed time since the work started
 */
public record Progress(String task, String stage, String detail, long done, long total, Duration elapsed) {

    /** Checks the counts. */
    public Progress {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(elapsed, "elapsed");
        if (total < 1 || done < 0 || done > total) {
            throw new IllegalArgumentException("Progress needs 0 <= done <= total and total >= 1; found done " + done
                    + " of " + total + " for " + task);
        }
    }

    /** @return the share done, from 0 to 1 */
    public double fraction() {
        return (double) done / total;
    }

    /** @return whether every unit of work is done */
    public boolean finished() {
        return done == total;
    }

    /**
     * @return the time left if the remaining units take as long as the done ones did on average; empty before the
     *         first unit is done
     */
    public Optional<Duration> remaining() {
        if (done == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.round(elapsed.toNanos() * (double) (total - done) / done)));
    }

    /** @return one line for a person: the task, the stage and detail, the share done, the time spent and left */
    public String toLine() {
        StringBuilder line = new StringBuilder(task).append(": ").append(stage);
        if (!detail.isEmpty()) {
            line.append(", ").append(detail);
        }
        line.append(String.format(Locale.ROOT, " - %d %% - %s elapsed", Math.round(100 * fraction()),
                seconds(elapsed)));
        if (!finished()) {
            remaining().ifPresent(left -> line.append(", about ").append(seconds(left)).append(" left"));
        }
        return line.toString();
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}

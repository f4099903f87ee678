package org.mlops4j.examples.leadscoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.TrackingClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New labelled data runs the data and training pipelines: a CSV batch dropped into the inbox folder (polled), or
 * handed over with {@link #submit(Path)} (the API call), goes through the data pipeline's schema checks into the
 * training database, and the training pipeline then compares, registers and maybe promotes a model. A batch that
 * fails a check is quarantined with its report by {@link InboxWatcher} and never reaches training.
 *
 * <pre>{@code
 * try (TrainingTrigger trigger = TrainingTrigger.create(Path.of("inbox"), Path.of("training.db"), tracking,
 *         registry, TrainingOptions.defaults(), runner)) {
 *     trigger.start(Duration.ofMinutes(1));
 *     ...
 * }
 * }</pre>
 *
 * <p>Batches are processed one at a time. The training runs started are kept ({@link #trainingRuns()}). Thread-safe.
 */
public final class TrainingTrigger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingTrigger.class);

    private final Path inbox;
    private final InboxWatcher watcher;
    private final List<PipelineRun> trainingRuns = Collections.synchronizedList(new ArrayList<>());

    private TrainingTrigger(Path inbox, Path database, TrackingClient tracking, ModelRegistry registry,
                            TrainingOptions options, PipelineRunner runner) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.watcher = InboxWatcher.builder(inbox, database).runner(runner).onAccepted(accepted -> {
            PipelineRun training = runner.run(LeadScoringTraining.pipeline(database, tracking, registry, options));
            trainingRuns.add(training);
            LOG.info("New labelled data {}: training pipeline {} ({})", accepted.file().getFileName(),
                    training.state(), training.output(LeadScoringTraining.TRAINING_OUTCOME, TrainingOutcome.class)
                            .map(TrainingOutcome::decision).orElse("no model"));
        }).build();
    }

    /**
     * @param inbox    the folder new labelled batches are dropped into (created if missing)
     * @param database the training database the data pipeline writes
     * @param tracking where runs are recorded
     * @param registry where versions are registered
     * @param options  how models are trained
     * @param runner   runs both pipelines (not closed by the trigger)
     * @return the trigger, not yet polling
     */
    public static TrainingTrigger create(Path inbox, Path database, TrackingClient tracking, ModelRegistry registry,
                                         TrainingOptions options, PipelineRunner runner) {
        try {
            Files.createDirectories(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the inbox " + inbox, e);
        }
        return new TrainingTrigger(inbox, database, tracking, registry, options, runner);
    }

    /**
     * The API call: hands over a labelled batch as if it had been dropped into the inbox, and processes it now.
     *
     * @param labelledBatch a raw CSV batch with {@code app_complete_flag}
     * @return what happened to it (accepted and trained on, or quarantined with a report)
     * @throws UncheckedIOException when the file cannot be copied into the inbox
     */
    public InboxResult submit(Path labelledBatch) {
        Path part = inbox.resolve(labelledBatch.getFileName() + ".part");
        Path target = inbox.resolve(labelledBatch.getFileName());
        try {
            Files.copy(labelledBatch, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hand " + labelledBatch + " to the inbox " + inbox, e);
        }
        return pollOnce().stream().filter(r -> r.file().equals(target)).findFirst().orElseThrow();
    }

    /** @return what happened to each batch found in the inbox now */
    public List<InboxResult> pollOnce() {
        return watcher.pollOnce();
    }

    /** @param interval how often to poll the inbox */
    public void start(Duration interval) {
        watcher.start(interval);
    }

    /** @return the training pipeline runs started so far, oldest first */
    public List<PipelineRun> trainingRuns() {
        synchronized (trainingRuns) {
            return List.copyOf(trainingRuns);
        }
    }

    /** @return the last training run's outcome, if a run succeeded */
    public Optional<TrainingOutcome> lastOutcome() {
        List<PipelineRun> runs = trainingRuns();
        return runs.isEmpty() ? Optional.empty()
                : runs.get(runs.size() - 1).output(LeadScoringTraining.TRAINING_OUTCOME, TrainingOutcome.class);
    }

    /** Stops polling. */
    @Override
    public void close() {
        watcher.close();
    }
}

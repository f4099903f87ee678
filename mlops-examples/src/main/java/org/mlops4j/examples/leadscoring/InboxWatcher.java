package org.mlops4j.examples.leadscoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mlops4j.core.pipeline.PipelineRun;
import org.mlops4j.core.pipeline.PipelineRunner;
import org.mlops4j.core.pipeline.StepRun;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.spi.support.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trigger for new labelled data: a folder polled for new CSV batches. Each batch runs through the data pipeline
 * ({@link LeadScoringPipelines#data}), whose schema checks come first; a batch that passes ends in
 * {@code processed/} and is handed to the listener (which runs training, for example); a batch that fails any step
 * ends in {@code quarantine/} with a report next to it ({@code <file>.report.json}), and none of its rows reach the
 * model.
 *
 * <pre>{@code
 * try (InboxWatcher watcher = InboxWatcher.builder(Path.of("inbox"), Path.of("leads.db"))
 *         .onAccepted(result -> trainingPipeline.run())
 *         .build()) {
 *     watcher.start(Duration.ofSeconds(30));
 *     ...
 * }
 * }</pre>
 *
 * <p>Only files ending in {@code .csv} are taken, oldest name first; writers should write under another name (such
 * as {@code .csv.part}) and rename the file when it is complete, so that no half-written batch is read. Batches are
 * processed one at a time ({@link #pollOnce()} is synchronized), so that they load into the database in order.
 */
public final class InboxWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

    private final Path inbox;
    private final Path database;
    private final boolean inference;
    private final PipelineRunner runner;
    private final boolean ownsRunner;
    private final Consumer<InboxResult> onAccepted;
    private final BatchQuarantine quarantine;
    private ScheduledExecutorService timer;

    private InboxWatcher(Builder b) {
        this.inbox = b.inbox;
        this.database = b.database;
        this.inference = b.inference;
        this.ownsRunner = b.runner == null;
        this.runner = b.runner != null ? b.runner : PipelineRunner.builder().threads(1).build();
        this.onAccepted = b.onAccepted;
        this.quarantine = new BatchQuarantine(inbox.resolve("quarantine"));
    }

    /**
     * @param inbox    the folder new CSV batches are dropped into; {@code processed/} and {@code quarantine/} are
     *                 made inside it
     * @param database the SQLite file the data pipeline writes
     * @return a builder
     */
    public static Builder builder(Path inbox, Path database) {
        return new Builder(inbox, database);
    }

    /** @return the folder of batches that passed */
    public Path processedFolder() {
        return inbox.resolve("processed");
    }

    /** @return the folder of batches that failed, each with its report */
    public Path quarantineFolder() {
        return quarantine.folder();
    }

    /**
     * Processes every CSV batch in the inbox now, in name order.
     *
     * @return what happened to each batch
     * @throws UncheckedIOException when the inbox cannot be listed or a file cannot be moved
     */
    public synchronized List<InboxResult> pollOnce() {
        List<Path> batches;
        try (Stream<Path> files = Files.list(inbox)) {
            batches = files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox + ": " + e, e);
        }
        List<InboxResult> results = new ArrayList<>();
        for (Path batch : batches) {
            results.add(process(batch));
        }
        return results;
    }

    private InboxResult process(Path batch) {
        DataPipelineOptions options = DataPipelineOptions.builder(batch, database).inference(inference)
                .quarantineFolder(quarantine.folder()).build();
        List<Path> quarantinedBefore = listQuarantine();
        PipelineRun run = runner.run(LeadScoringPipelines.data(options));
        InboxResult result;
        if (run.state() == org.mlops4j.core.pipeline.PipelineState.SUCCEEDED) {
            Path target = move(batch, processedFolder());
            LOG.info("Inbox: {} loaded ({} rows of model input)", batch.getFileName(),
                    run.output(LeadScoringPipelines.MODEL_INPUT, StoredTable.class).map(StoredTable::rows).orElse(0));
            result = new InboxResult(batch, target, Optional.empty(), run);
            onAccepted.accept(result);
        } else {
            Optional<Path> checked = wasQuarantinedBy(run) ? listQuarantine().stream()
                    .filter(f -> !quarantinedBefore.contains(f)
                            && f.getFileName().toString().endsWith(BatchQuarantine.REPORT_SUFFIX))
                    .findFirst() : Optional.empty();
            Path copy;
            Path report;
            if (checked.isPresent()) {
                report = checked.get(); // the schema check copied the batch there, with its validation report
                String name = report.getFileName().toString();
                copy = report.resolveSibling(name.substring(0, name.length() - BatchQuarantine.REPORT_SUFFIX.length()));
                delete(batch);
            } else {
                copy = move(batch, quarantine.folder());
                report = copy.resolveSibling(copy.getFileName() + BatchQuarantine.REPORT_SUFFIX);
                writeFailureReport(report, batch, run);
            }
            LOG.warn("Inbox: {} quarantined as {}", batch.getFileName(), copy);
            result = new InboxResult(batch, copy, Optional.of(report), run);
        }
        return result;
    }

    private List<Path> listQuarantine() {
        if (!Files.isDirectory(quarantine.folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(quarantine.folder())) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the quarantine " + quarantine.folder() + ": " + e, e);
        }
    }

    private static boolean wasQuarantinedBy(PipelineRun run) {
        return run.steps().stream().flatMap(s -> s.lastError().stream())
                .anyMatch(e -> e.type().equals(SchemaCheckException.class.getName()));
    }

    private static void writeFailureReport(Path report, Path batch, PipelineRun run) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("source", batch.toString());
        content.put("valid", false);
        content.put("pipeline", run.pipelineName());
        content.put("runId", run.runId());
        for (StepRun step : run.steps()) {
            step.lastError().ifPresent(error -> {
                content.put("failedStep", step.stepName());
                content.put("error", error.type());
                content.put("message", error.message());
            });
        }
        byte[] bytes = Json.writePretty(content).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(report, out -> out.write(bytes));
    }

    private static Path move(Path file, Path folder) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(file.getFileName());
            if (Files.exists(target)) {
                target = folder.resolve(Instant.now().toEpochMilli() + "-" + file.getFileName());
            }
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + file + " to " + folder + ": " + e, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + file + " from the inbox: " + e, e);
        }
    }

    /**
     * Polls the inbox at a fixed delay on a daemon thread until {@link #close()}. A poll that fails is logged and
     * the next one is tried.
     *
     * @param interval the time between the end of one poll and the start of the next
     * @throws IllegalStateException when the watcher was started already
     */
    public synchronized void start(Duration interval) {
        if (timer != null) {
            throw new IllegalStateException("The inbox watcher of " + inbox + " is running already");
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mlops-inbox-" + inbox.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                LOG.error("Polling the inbox {} failed; trying again in {}", inbox, interval, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling (waiting for a poll in progress) and closes the runner when the watcher made it. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = timer;
            timer = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownsRunner) {
            runner.close();
        }
    }

    /** Options for an {@link InboxWatcher}; not thread-safe. */
    public static final class Builder {
        private final Path inbox;
        private final Path database;
        private boolean inference;
        private PipelineRunner runner;
        private Consumer<InboxResult> onAccepted = result -> { };

        private Builder(Path inbox, Path database) {
            this.inbox = Objects.requireNonNull(inbox, "inbox");
            this.database = Objects.requireNonNull(database, "database");
        }

        /**
         * @param isInference whether batches are inference data, without the target; default false (labelled data)
         * @return this builder
         */
        public Builder inference(boolean isInference) {
            this.inference = isInference;
            return this;
        }

        /**
         * @param pipelineRunner the runner for the data pipeline, owned by the caller; default a runner of its own
         * @return this builder
         */
        public Builder runner(PipelineRunner pipelineRunner) {
            this.runner = Objects.requireNonNull(pipelineRunner, "pipelineRunner");
            return this;
        }

        /**
         * @param listener called on the polling thread after each accepted batch, such as to run training; an
         *                 exception it throws stops the current poll and is logged
         * @return this builder
         */
        public Builder onAccepted(Consumer<InboxResult> listener) {
            this.onAccepted = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @return the watcher, not yet polling
         * @throws UncheckedIOException when the inbox folder cannot be created
         */
        public InboxWatcher build() {
            try {
                Files.createDirectories(inbox);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the inbox " + inbox + ": " + e, e);
            }
            return new InboxWatcher(this);
        }
    }
}

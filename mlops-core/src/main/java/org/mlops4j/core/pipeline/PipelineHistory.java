package org.mlops4j.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.pipeline.internal.PipelineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every pipeline run as one JSON file, {@code <folder>/<run id>.json}, and answers questions about them: list
 * runs, get a run by id, filter by pipeline or state. Register it as a {@link PipelineListener} of a
 * {@link PipelineRunner}.
 *
 * <p>A run's file is written when the run starts (state {@link PipelineState#RUNNING}, no steps) and again when it
 * ends, with every step's state, attempts, times, errors with stack traces and log lines. A run whose process died
 * stays RUNNING in the history. Each write replaces the file atomically, so readers never see half a file; several
 * processes may share the folder. Thread-safe.
 */
public final class PipelineHistory implements PipelineListener {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineHistory.class);
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Path folder;

    private PipelineHistory(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * @param folder where run files go; created when the first run is recorded
     * @return a history in that folder
     */
    public static PipelineHistory inFolder(Path folder) {
        return new PipelineHistory(folder);
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    @Override
    public void onPipelineStart(String runId, String pipelineName, Instant start) {
        write(new PipelineRun(runId, pipelineName, PipelineState.RUNNING, start, start, List.of(), Map.of()));
    }

    @Override
    public void onPipelineEnd(PipelineRun run) {
        write(run.withoutOutputs());
    }

    /**
     * Records a run (the runner does this through the listener methods; use it to import runs).
     *
     * @param run the run; its outputs are not recorded
     * @throws UncheckedIOException when the file cannot be written
     */
    public void write(PipelineRun run) {
        Path file = fileOf(run.runId());
        AtomicFiles.write(file, out -> PipelineJson.MAPPER.writeValue(out, run.withoutOutputs()));
    }

    /**
     * @param runId a run's id
     * @return the run, if recorded
     * @throws MlopsException naming the file when it exists but cannot be read
     */
    public Optional<PipelineRun> run(String runId) {
        Path file = fileOf(runId);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** @return every recorded run, newest first */
    public List<PipelineRun> runs() {
        return runs(run -> true);
    }

    /**
     * @param pipelineName a pipeline's name
     * @return its recorded runs, newest first
     */
    public List<PipelineRun> runs(String pipelineName) {
        return runs(run -> run.pipelineName().equals(pipelineName));
    }

    /**
     * @param state a state
     * @return the recorded runs in that state, newest first
     */
    public List<PipelineRun> runs(PipelineState state) {
        return runs(run -> run.state() == state);
    }

    /**
     * @param filter which runs to keep
     * @return the recorded runs that pass the filter, newest first (by start, then id)
     */
    public List<PipelineRun> runs(Predicate<PipelineRun> filter) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<PipelineRun> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    PipelineRun run = read(file);
                    if (filter.test(run)) {
                        found.add(run);
                    }
                } catch (MlopsException e) {
                    LOG.warn("Skipping unreadable pipeline run file: {}", e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list pipeline runs in " + folder + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(PipelineRun::start).thenComparing(PipelineRun::runId).reversed());
        return found;
    }

    /**
     * @param pipelineName a pipeline's name
     * @return its most recent recorded run, if any
     */
    public Optional<PipelineRun> latest(String pipelineName) {
        return runs(pipelineName).stream().findFirst();
    }

    private Path fileOf(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches() || runId.startsWith(".")) {
            throw new IllegalArgumentException("Invalid run id '" + runId + "'");
        }
        return folder.resolve(runId + ".json");
    }

    private static PipelineRun read(Path file) {
        try {
            return PipelineJson.MAPPER.readValue(file.toFile(), PipelineRun.class);
        } catch (IOException e) {
            throw new MlopsException("Cannot read pipeline run " + file + ": " + e.getMessage(), e);
        }
    }
}

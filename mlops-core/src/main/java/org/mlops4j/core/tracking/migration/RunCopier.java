package org.mlops4j.core.tracking.migration;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.TrackingAlreadyExistsException;
import org.mlops4j.core.tracking.InvalidTrackingInputException;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.TrackingLimits;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.migration.RunProgress.RunOutcome;

/**
 * Copies one source run into the target, or completes a copy an interrupted migration left: a new run with the
 * source's id where the target keeps ids ({@link TrackingStore#createRunWithId}), else with a new one (counted in
 * {@link MigrationCounts#runsGivenNewIds()}), with the same name, user and start time and tagged
 * {@link StoreMigration#MIGRATED_FROM} with the source's id; then what the copy lacks of the params, tags,
 * metric histories and artifact files, then the tag {@link StoreMigration#MIGRATION_COMPLETE}, then the status and
 * end time. Each step writes only what is missing, so repeating it is harmless. Not thread-safe.
 */
final class RunCopier {

    private final TrackingStore source;
    private final TrackingStore target;
    private final Map<String, String> experimentIds;
    private final RunMapping mapping;
    private final MigrationTally tally;

    RunCopier(TrackingStore source, TrackingStore target, Map<String, String> experimentIds, RunMapping mapping,
              MigrationTally tally) {
        this.source = source;
        this.target = target;
        this.experimentIds = experimentIds;
        this.mapping = mapping;
        this.tally = tally;
    }

    /**
     * @param run an active source run whose experiment has a target experiment
     * @return what was done
     */
    RunOutcome copy(Run run) {
        Optional<Run> existing = mapping.copyOf(run.runId());
        if (existing.isPresent() && existing.get().data().tag(StoreMigration.MIGRATION_COMPLETE).isPresent()) {
            endLike(run.info(), existing.get().info());
            return RunOutcome.ALREADY_COMPLETE;
        }
        Run copy = existing.orElseGet(() -> create(run));
        boolean fresh = existing.isEmpty();
        copyParams(run, copy);
        copyTags(run, copy);
        copyMetrics(run, copy, fresh);
        copyArtifacts(run, copy, fresh);
        target.logBatch(copy.runId(), List.of(), List.of(),
                List.of(new RunTag(StoreMigration.MIGRATION_COMPLETE, "true")));
        endLike(run.info(), copy.info());
        if (fresh) {
            tally.runsCopied++;
            return RunOutcome.COPIED;
        }
        tally.runsFinished++;
        return RunOutcome.FINISHED;
    }

    private Run create(Run run) {
        RunInfo info = run.info();
        String experiment = experimentIds.get(info.experimentId());
        List<RunTag> tags = List.of(new RunTag(StoreMigration.MIGRATED_FROM, run.runId()));
        RunInfo created = null;
        if (target.keepsRunIds()) {
            try {
                created = target.createRunWithId(run.runId(), experiment, copyName(info), info.userId(),
                        info.startTime(), tags);
            } catch (TrackingAlreadyExistsException | InvalidTrackingInputException idRefused) {
                // another run of the target has the id, or the id does not fit there: a new id, as below
            }
        }
        if (created == null) {
            created = target.createRun(experiment, copyName(info), info.userId(), info.startTime(), tags);
            tally.runsGivenNewIds++;
        }
        Run copy = target.getRun(created.runId()).orElseThrow();
        mapping.put(run.runId(), copy);
        return copy;
    }

    /**
     * @param source a source run's info
     * @return the copy's name: the source's, or its run id when it has none (MLflow 1.x runs may have an empty name,
     *         which mlops4j's stores do not take)
     */
    static String copyName(RunInfo source) {
        return source.runName().isBlank() ? source.runId() : source.runName();
    }

    private void copyParams(Run run, Run copy) {
        List<Param> missing = new ArrayList<>();
        run.data().params().forEach((key, value) -> {
            if (!copy.data().params().containsKey(key)) {
                missing.add(new Param(key, value));
            }
        });
        for (List<Param> chunk : chunks(missing, TrackingLimits.MAX_PARAMS_PER_BATCH)) {
            target.logBatch(copy.runId(), List.of(), chunk, List.of());
        }
        tally.params += missing.size();
    }

    private void copyTags(Run run, Run copy) {
        List<RunTag> differing = new ArrayList<>();
        RunTags.expected(run, mapping).forEach((key, value) -> {
            if (!value.equals(copy.data().tags().get(key))) {
                differing.add(new RunTag(key, value));
            }
        });
        for (List<RunTag> chunk : chunks(differing, TrackingLimits.MAX_TAGS_PER_BATCH)) {
            target.logBatch(copy.runId(), List.of(), List.of(), chunk);
        }
        tally.tags += differing.size();
    }

    private void copyMetrics(Run run, Run copy, boolean fresh) {
        for (String key : run.data().metrics().keySet()) {
            List<Metric> history = source.getMetricHistory(run.runId(), key);
            List<Metric> missing = fresh ? history
                    : MetricHistories.missing(history, target.getMetricHistory(copy.runId(), key));
            for (List<Metric> chunk : chunks(missing, TrackingLimits.MAX_METRICS_PER_BATCH)) {
                target.logBatch(copy.runId(), chunk, List.of(), List.of());
            }
            tally.metricValues += missing.size();
        }
    }

    private void copyArtifacts(Run run, Run copy, boolean fresh) {
        SortedMap<String, Long> present = fresh ? new TreeMap<>() : ArtifactFiles.of(target, copy.runId());
        ArtifactFiles.of(source, run.runId()).forEach((path, size) -> {
            if (!size.equals(present.get(path))) {
                try (InputStream in = source.openArtifact(run.runId(), path)) {
                    target.writeArtifact(copy.runId(), path, in);
                } catch (IOException e) {
                    throw new TrackingException("Cannot copy artifact '" + path + "' of run " + run.runId() + " from "
                            + source.location() + " to " + target.location() + ": " + e.getMessage(), e);
                }
                tally.artifactFiles++;
                tally.artifactBytes += size;
            }
        });
    }

    private void endLike(RunInfo sourceInfo, RunInfo copyInfo) {
        if (sourceInfo.status() != copyInfo.status() || !EndTimes.agree(sourceInfo, copyInfo)) {
            target.updateRun(copyInfo.runId(), sourceInfo.status(), sourceInfo.endTime());
        }
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}

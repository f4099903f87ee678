package org.mlops4j.core.tracking.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;
import org.mlops4j.core.tracking.migration.RunProgress.RunOutcome;

/**
 * Copies experiments, runs, artifacts and the model registry from one store to another (any two of mlops4j's file
 * and JDBC stores and MLflow's file layout and SQL schema), through the tracking API alone, and checks afterwards that
 * both agree.
 *
 * <pre>{@code
 * try (TrackingStore from = mlops.openTrackingStore(source, StoreAccess.READ_ONLY); ...) {
 *     StoreMigration migration = new StoreMigration(new MigrationEnd(from, fromRegistry),
 *             new MigrationEnd(to, toRegistry));
 *     MigrationCounts moved = migration.copy(MigrationListener.NONE);
 *     List<MigrationDifference> differences = migration.check();
 * }
 * }</pre>
 *
 * <p><b>Ids.</b> A copied run keeps its source's id where the target keeps ids ({@link TrackingStore#keepsRunIds()}:
 * mlops4j's file and JDBC stores, MLflow's file layout and SQL schema opened to write) and the id is free there;
 * otherwise it gets a new one, and {@link MigrationCounts#runsGivenNewIds()} counts it. Everything else of a run is
 * kept: name, user, start and end time, status, params, tags and every metric value with its timestamp and step
 * (repeated steps included). Each copied run carries the tag {@value #MIGRATED_FROM} with its source run's id: that is
 * the mapping, whether the ids agree or not. Where a copy has a new id, the parent tag ({@code mlflow.parentRunId}) of
 * a nested run, and the run id and source of a model version made from a run's artifacts, are rewritten to the
 * copies' ids (a nested run whose parent was not copied, being deleted, keeps the parent id as it was). Experiments
 * get the target's ids. Experiments are matched by name; a missing one is created with the
 * source's tags (its artifact location is the target's choice).
 *
 * <p><b>Idempotent and resumable.</b> A run is copied in steps that each write only what the copy lacks, and marked
 * {@value #MIGRATION_COMPLETE} once its data and artifacts are in; its status and end time are set last. Running the
 * migration again skips complete copies, finishes a copy an interrupted migration left (missing params, tags, metric
 * values counted as a multiset, and artifact files missing or of another size), and copies the rest; models and
 * versions are found again by name and by the source version number kept in the version tag {@value #MIGRATED_FROM}.
 *
 * <p><b>Not copied, and counted:</b> deleted experiments and runs ({@link MigrationCounts#experimentsSkippedDeleted()},
 * {@link MigrationCounts#runsSkippedDeleted()}), and versions registered from an MLflow 3 logged model
 * ({@code models:/m-...}, {@link MigrationCounts#versionsSkipped()}). A run without a name (MLflow 1.x) is copied under
 * its source run id as name; a run that ended without an end time gets the time the copy ended.
 *
 * <p><b>Refusals.</b> Experiments and registered models are created before any run is copied, so a target that
 * refuses them (a read-only store, an MLflow database at a revision mlops4j does not write) stops the
 * migration with a {@link MigrationRefusedException} naming the refused change before runs are copied; a refused run
 * stops it at that run, with the runs before it complete.
 *
 * <p>Not thread-safe: one migration runs on one thread. The source is only read; open it with
 * {@link org.mlops4j.core.tracking.StoreAccess#READ_ONLY} so that nothing can write to it.
 */
public final class StoreMigration {

    /** The tag on a target run (and model version) naming the source run id (version number) it was copied from. */
    public static final String MIGRATED_FROM = "mlops.migrated_from";
    /** The tag on a target run whose params, tags, metrics and artifacts have all been copied. */
    public static final String MIGRATION_COMPLETE = "mlops.migration_complete";

    private final MigrationEnd source;
    private final MigrationEnd target;

    /**
     * @param source where to copy from; only read
     * @param target where to copy to
     */
    public StoreMigration(MigrationEnd source, MigrationEnd target) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Copies what the target lacks.
     *
     * @param listener told about each run as it is handled; an exception from it stops the migration
     * @return what was moved
     * @throws MigrationRefusedException when the target refuses a write
     */
    public MigrationCounts copy(MigrationListener listener) {
        MigrationTally tally = new MigrationTally();
        Map<String, String> experimentIds = copyExperiments(tally);
        RegistryCopier registry = new RegistryCopier(source.registry(), target.registry(), tally);
        registry.copyModels();
        RunMapping mapping = RunMapping.scan(target.tracking());
        copyRuns(experimentIds, mapping, tally, listener);
        registry.copyVersions(source.tracking(), target.tracking(), mapping);
        return tally.counts();
    }

    /**
     * Compares the source with the target as {@link #copy} leaves it: experiments by name and tags; every active run
     * with its copy (name, user, times, status, experiment, params, tags, each metric's full history, artifact paths
     * and sizes); registered models (description, tags, aliases) and versions (stage, description, tags, source, run).
     *
     * @return the differences found; empty when both agree
     */
    public List<MigrationDifference> check() {
        return new MigrationCheck(source, target).differences();
    }

    private Map<String, String> copyExperiments(MigrationTally tally) {
        Map<String, String> ids = new LinkedHashMap<>();
        TrackingStore to = target.tracking();
        for (Experiment experiment : source.tracking().listExperiments(ViewType.ALL)) {
            if (!experiment.isActive()) {
                tally.experimentsSkippedDeleted++;
                continue;
            }
            Experiment copy = refusable("create experiment '" + experiment.name() + "'", () -> {
                Optional<Experiment> existing = to.getExperimentByName(experiment.name());
                if (existing.isEmpty()) {
                    tally.experimentsCreated++;
                    tally.tags += experiment.tags().size();
                    return to.createExperiment(experiment.name(), experiment.tags());
                }
                return existing.get();
            });
            if (!copy.isActive()) {
                throw new MigrationRefusedException("The target " + to.location() + " holds a deleted experiment '"
                        + experiment.name() + "' (id " + copy.experimentId() + "), where the source's active one"
                        + " would go; restore it there, or migrate into another target.", null);
            }
            experiment.tags().forEach((key, value) -> {
                if (!value.equals(copy.tags().get(key))) {
                    refusable("set tag '" + key + "' on experiment '" + experiment.name() + "'", () -> {
                        to.setExperimentTag(copy.experimentId(), key, value);
                        return null;
                    });
                    tally.tags++;
                }
            });
            ids.put(experiment.experimentId(), copy.experimentId());
        }
        return ids;
    }

    private void copyRuns(Map<String, String> experimentIds, RunMapping mapping, MigrationTally tally,
                          MigrationListener listener) {
        List<Run> runs = new ArrayList<>();
        for (Experiment experiment : source.tracking().listExperiments(ViewType.ALL)) {
            runs.addAll(StoreRuns.of(source.tracking(), experiment.experimentId(), ViewType.ALL));
        }
        runs = ParentsFirst.order(runs);
        RunCopier copier = new RunCopier(source.tracking(), target.tracking(), experimentIds, mapping, tally);
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            RunOutcome outcome;
            if (!run.info().isActive() || !experimentIds.containsKey(run.info().experimentId())) {
                tally.runsSkippedDeleted++;
                outcome = RunOutcome.SKIPPED_DELETED;
            } else {
                int index = i + 1;
                outcome = refusable("copy run " + run.runId() + " (" + index + " of " + runs.size()
                        + "; the runs before it are complete, run the migration again to resume)",
                        () -> copier.copy(run));
                if (outcome == RunOutcome.ALREADY_COMPLETE) {
                    tally.runsAlreadyComplete++;
                }
            }
            listener.runHandled(new RunProgress(i + 1, runs.size(), run.runId(), mapping.targetId(run.runId()),
                    outcome));
        }
    }

    private <T> T refusable(String what, Supplier<T> write) {
        try {
            return write.get();
        } catch (MigrationRefusedException e) {
            throw e;
        } catch (MlopsException e) {
            throw new MigrationRefusedException("The target " + target.tracking().location() + " refused to " + what
                    + ": " + e.getMessage(), e);
        }
    }
}

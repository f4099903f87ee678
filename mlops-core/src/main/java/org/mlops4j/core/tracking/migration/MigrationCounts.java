package org.mlops4j.core.tracking.migration;

/**
 * What one migration moved. A second migration between the same stores moves nothing: every count is 0 but
 * {@link #runsAlreadyComplete()} and the skipped counts.
 *
 * @param experimentsCreated        experiments created in the target
 * @param experimentsSkippedDeleted soft-deleted source experiments, not copied
 * @param runsCopied                source runs copied into new target runs
 * @param runsFinished              target runs left by an interrupted migration and completed now
 * @param runsAlreadyComplete       source runs the target already held complete copies of
 * @param runsSkippedDeleted        soft-deleted source runs (and the runs of deleted experiments), not copied
 * @param params                    params written
 * @param tags                      run and experiment tags written
 * @param metricValues              metric values (history entries) written
 * @param artifactFiles             artifact files written
 * @param artifactBytes             bytes of artifact files written
 * @param modelsCreated             registered models created in the target
 * @param versionsCopied            model versions registered in the target
 * @param versionsSkipped           model versions not copied because their source is an MLflow 3 logged model
 *                                  ({@code models:/m-...}), whose artifacts the tracking API does not reach
 * @param registryChanges           stages, aliases, descriptions and tags set on target models and versions
 * @param runsGivenNewIds           of the runs copied now, those whose copy has a new id, not the source's: the
 *                                  target does not keep run ids ({@code TrackingStore#keepsRunIds}), or refused the
 *                                  source's id (taken by another run there, or too long for it); each copy names its
 *                                  source in the tag {@link StoreMigration#MIGRATED_FROM} either way
 */
public record MigrationCounts(int experimentsCreated, int experimentsSkippedDeleted, int runsCopied, int runsFinished,
                              int runsAlreadyComplete, int runsSkippedDeleted, long params, long tags,
                              long metricValues, long artifactFiles, long artifactBytes, int modelsCreated,
                              int versionsCopied, int versionsSkipped, int registryChanges, int runsGivenNewIds) {

    /** @return whether anything was written to the target */
    public boolean movedAnything() {
        return experimentsCreated + runsCopied + runsFinished + modelsCreated + versionsCopied + registryChanges > 0
                || params + tags + metricValues + artifactFiles > 0;
    }
}

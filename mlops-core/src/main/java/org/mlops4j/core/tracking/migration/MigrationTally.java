package org.mlops4j.core.tracking.migration;

/** The counts of a migration as it runs; not thread-safe (a migration runs on one thread). */
final class MigrationTally {
    int experimentsCreated;
    int experimentsSkippedDeleted;
    int runsCopied;
    int runsFinished;
    int runsAlreadyComplete;
    int runsSkippedDeleted;
    long params;
    long tags;
    long metricValues;
    long artifactFiles;
    long artifactBytes;
    int modelsCreated;
    int versionsCopied;
    int versionsSkipped;
    int registryChanges;
    int runsGivenNewIds;

    MigrationCounts counts() {
        return new MigrationCounts(experimentsCreated, experimentsSkippedDeleted, runsCopied, runsFinished,
                runsAlreadyComplete, runsSkippedDeleted, params, tags, metricValues, artifactFiles, artifactBytes,
                modelsCreated, versionsCopied, versionsSkipped, registryChanges, runsGivenNewIds);
    }
}

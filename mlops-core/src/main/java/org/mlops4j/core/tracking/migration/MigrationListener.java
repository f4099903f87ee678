package org.mlops4j.core.tracking.migration;

/**
 * Hears how a migration advances, one call per run, on the thread that runs the migration. An exception thrown here
 * stops the migration where it is; running it again resumes from there.
 */
@FunctionalInterface
public interface MigrationListener {

    /** A listener that does nothing. */
    MigrationListener NONE = progress -> {
    };

    /**
     * Called after each source run has been handled (copied, finished, found complete or skipped).
     *
     * @param progress which run, what was done with it, and how far the migration is
     */
    void runHandled(RunProgress progress);
}

package org.mlops4j.core.tracking.migration;

import java.util.SortedMap;
import java.util.TreeMap;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.TrackingStore;

/** The files under a run's artifact root, walked through {@link TrackingStore#listArtifacts}. */
final class ArtifactFiles {

    private ArtifactFiles() {
    }

    /**
     * @param store a store
     * @param runId one of its runs
     * @return each file's path (relative to the artifact root) and size, sorted by path
     */
    static SortedMap<String, Long> of(TrackingStore store, String runId) {
        SortedMap<String, Long> files = new TreeMap<>();
        walk(store, runId, "", files);
        return files;
    }

    private static void walk(TrackingStore store, String runId, String folder, SortedMap<String, Long> files) {
        for (ArtifactInfo entry : store.listArtifacts(runId, folder)) {
            if (entry.directory()) {
                walk(store, runId, entry.path(), files);
            } else {
                files.put(entry.path(), entry.size());
            }
        }
    }
}

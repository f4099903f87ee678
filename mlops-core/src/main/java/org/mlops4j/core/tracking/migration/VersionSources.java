package org.mlops4j.core.tracking.migration;

import java.util.Optional;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * Where a model version's copy points: a version made from a run's artifacts ({@code runs:/<id>/path}, or a URI
 * inside the run's artifact location, as MLflow records it) points at the same path of the run's copy; any other
 * source, and a version whose run was not copied, keeps its source and run id.
 */
final class VersionSources {

    private static final String LOGGED_MODEL_PREFIX = "models:/m-";

    private VersionSources() {
    }

    /**
     * @param source the version's source
     * @param runId  its run id, if any
     */
    record Translated(String source, Optional<String> runId) {
    }

    /**
     * @param version a source version
     * @return whether it can be copied: not when its source is an MLflow 3 logged model ({@code models:/m-<id>}),
     *         which names no registered version a registry could resolve, and whose artifacts the API does not reach
     */
    static boolean copyable(ModelVersion version) {
        return !version.source().startsWith(LOGGED_MODEL_PREFIX);
    }

    static Translated translate(ModelVersion version, TrackingStore sourceRuns, TrackingStore targetRuns,
                                RunMapping mapping) {
        if (version.runId().isEmpty()) {
            return new Translated(version.source(), Optional.empty());
        }
        String runId = version.runId().get();
        Optional<String> copyId = mapping.targetId(runId);
        if (copyId.isEmpty()) {
            return new Translated(version.source(), version.runId());
        }
        String runsPrefix = "runs:/" + runId + "/";
        if (version.source().startsWith(runsPrefix)) {
            return new Translated("runs:/" + copyId.get() + "/" + version.source().substring(runsPrefix.length()),
                    copyId);
        }
        Optional<String> sourceRoot = sourceRuns.getRun(runId).map(r -> r.info().artifactUri());
        Optional<String> copyRoot = targetRuns.getRun(copyId.get()).map(Run::info).map(i -> i.artifactUri());
        if (sourceRoot.isPresent() && copyRoot.isPresent() && version.source().startsWith(sourceRoot.get())) {
            return new Translated(copyRoot.get() + version.source().substring(sourceRoot.get().length()), copyId);
        }
        return new Translated(version.source(), copyId);
    }
}

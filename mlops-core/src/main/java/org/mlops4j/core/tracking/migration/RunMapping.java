package org.mlops4j.core.tracking.migration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.tracking.Experiment;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;

/**
 * Which target run holds the copy of which source run, read from the tag {@link StoreMigration#MIGRATED_FROM} that a
 * migration sets on each run it creates. Active target runs win over deleted ones. Not thread-safe.
 */
final class RunMapping {

    private final Map<String, Run> bySourceId = new HashMap<>();

    private RunMapping() {
    }

    /**
     * @param target the target store
     * @return the copies it holds, from earlier migrations
     */
    static RunMapping scan(TrackingStore target) {
        RunMapping mapping = new RunMapping();
        for (Experiment experiment : target.listExperiments(ViewType.ALL)) {
            for (Run run : StoreRuns.of(target, experiment.experimentId(), ViewType.ALL)) {
                run.data().tag(StoreMigration.MIGRATED_FROM).ifPresent(source -> mapping.add(source, run));
            }
        }
        return mapping;
    }

    private void add(String sourceId, Run run) {
        Run known = bySourceId.get(sourceId);
        if (known == null || !known.info().isActive() && run.info().isActive()) {
            bySourceId.put(sourceId, run);
        }
    }

    Optional<Run> copyOf(String sourceRunId) {
        return Optional.ofNullable(bySourceId.get(sourceRunId));
    }

    Optional<String> targetId(String sourceRunId) {
        return copyOf(sourceRunId).map(Run::runId);
    }

    void put(String sourceRunId, Run copy) {
        bySourceId.put(sourceRunId, copy);
    }
}

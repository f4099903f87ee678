package org.mlops4j.core.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link StepOutputStore} in memory: it keeps the latest result of each step of each pipeline, as the values
 * themselves.
 */
final class MemoryStepOutputStore implements StepOutputStore {

    private record Stored(String fingerprint, StepResult result) {
    }

    private final Map<String, Map<String, Stored>> byPipeline = new ConcurrentHashMap<>();

    @Override
    public Optional<StepResult> load(String pipelineName, String stepName, String fingerprint) {
        Stored stored = byPipeline.getOrDefault(pipelineName, Map.of()).get(stepName);
        return stored != null && stored.fingerprint().equals(fingerprint) ? Optional.of(stored.result())
                : Optional.empty();
    }

    @Override
    public void save(String pipelineName, String stepName, String fingerprint, StepResult result) {
        byPipeline.computeIfAbsent(pipelineName, k -> new ConcurrentHashMap<>())
                .put(stepName, new Stored(fingerprint, result));
    }

    @Override
    public void clear(String pipelineName) {
        byPipeline.remove(pipelineName);
    }
}

package org.mlops4j.core.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the outputs of steps that succeeded, keyed by pipeline name, step name and the step's fingerprint, so that a
 * re-run resumes where the last run stopped: a step whose fingerprint has stored outputs is not run again, its
 * outputs are loaded ({@link StepRun#restored()}).
 *
 * <p>A step's fingerprint is the SHA-256 of its name, type, {@linkplain Step#version() version}, parameters and the
 * fingerprints of its inputs (which chain back to the root steps). It changes when any of those change anywhere
 * upstream, not when data read from outside changes: put a data version in a parameter, or {@link #clear} the
 * pipeline, to force a re-run.
 *
 * <p>What can be stored ({@link #inFolder(Path)}): a {@link org.mlops4j.core.data.Table} (an exact binary form,
 * every column type and null kept), a {@link java.io.Serializable} value (Java serialization), or a value Jackson can
 * write as JSON and read back into its class (records, beans). A step whose output is none of these fails with a
 * message naming the output; switch storing off for it with {@link Step.Builder#persistOutputs(boolean)}. The folder
 * must be trusted: it is read with Java deserialization.
 *
 * <p>Implementations are thread-safe and, for the file store, safe against crashes (a step's outputs become visible
 * all at once, after every value is on disk).
 */
public interface StepOutputStore {

    /**
     * @param pipelineName the pipeline's name
     * @param stepName     the step's name
     * @param fingerprint  the step's fingerprint, hex
     * @return the outputs stored for exactly this fingerprint, if any
     * @throws org.mlops4j.core.MlopsException naming the file when stored outputs exist but cannot be read
     */
    Optional<StepResult> load(String pipelineName, String stepName, String fingerprint);

    /**
     * Stores a step's outputs, replacing those stored for the same step under any fingerprint.
     *
     * @param pipelineName the pipeline's name
     * @param stepName     the step's name
     * @param fingerprint  the step's fingerprint, hex
     * @param result       the outputs and branch choice to store
     * @throws org.mlops4j.core.MlopsException naming the output when a value cannot be stored
     */
    void save(String pipelineName, String stepName, String fingerprint, StepResult result);

    /**
     * Forgets every stored output of a pipeline, so that its next run runs every step.
     *
     * @param pipelineName the pipeline's name
     */
    void clear(String pipelineName);

    /**
     * @param folder where outputs go: {@code <folder>/<pipeline>/<step>/<fingerprint>/}
     * @return a store in files, which survives the process and is shared by processes that use the same folder
     */
    static StepOutputStore inFolder(Path folder) {
        return new FileStepOutputStore(folder);
    }

    /** @return a store in this process's memory, which keeps the values themselves (nothing is serialised) */
    static StepOutputStore inMemory() {
        return new MemoryStepOutputStore();
    }
}

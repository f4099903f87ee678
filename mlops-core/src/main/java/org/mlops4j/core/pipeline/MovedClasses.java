package org.mlops4j.core.pipeline;

import java.util.Map;

/**
 * The current names of mlops4j classes that stored step outputs may name by an older one: a manifest's class name
 * and the class descriptors of a Java-serialized output are read through {@link #currentName(String)}, so outputs
 * stored before a move still load. Moves so far: the model layer, {@code org.mlops4j.core.model} (and its
 * sub-packages), became {@code org.mlops4j.models} in the mlops-models module; the run search grammar,
 * {@code org.mlops4j.core.tracking.search}, became part of {@code org.mlops4j.core.tracking}.
 */
final class MovedClasses {

    /** Old package prefix to new package prefix. */
    private static final Map<String, String> PREFIXES = Map.of("org.mlops4j.core.model.", "org.mlops4j.models.",
            "org.mlops4j.core.tracking.search.", "org.mlops4j.core.tracking.");

    private MovedClasses() {
    }

    /**
     * @param storedName a binary class name as an output was stored with
     * @return the name of the class today: the same name unless it lies in a package that moved
     */
    static String currentName(String storedName) {
        for (Map.Entry<String, String> moved : PREFIXES.entrySet()) {
            if (storedName.startsWith(moved.getKey())) {
                return moved.getValue() + storedName.substring(moved.getKey().length());
            }
        }
        return storedName;
    }
}

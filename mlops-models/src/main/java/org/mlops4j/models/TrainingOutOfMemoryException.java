package org.mlops4j.models;

import java.util.Locale;
import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.MlopsException;

/**
 * Training ran out of memory. That is the process's limit, not a failure of the candidate that hit it, so a
 * comparison or tuning stops instead of listing the candidate as failed; the message says how large the heap is and
 * how to give the JVM more (or train on fewer rows). Marked {@link CausedByInput}: a larger heap or a smaller input
 * makes the same call succeed.
 */
public final class TrainingOutOfMemoryException extends MlopsException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param candidateId  the candidate that was training
     * @param trainingRows the rows it trained on
     * @param features     the feature columns
     * @param cause        the error
     */
    public TrainingOutOfMemoryException(String candidateId, int trainingRows, int features, OutOfMemoryError cause) {
        super(message(candidateId, trainingRows, features, cause), cause);
    }

    private static String message(String candidateId, int rows, int features, OutOfMemoryError cause) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return String.format(Locale.ROOT, "Out of memory (%s) while training candidate %s on %,d rows x %d features,"
                + " with a maximum heap of %,d MB. This is the Java process's limit, not the model's: give the JVM"
                + " more heap (java -Xmx%dg -jar mlops.jar ..., or export JAVA_TOOL_OPTIONS=-Xmx%dg), train on fewer"
                + " rows, lower the parallelism, or leave this family out", cause.getMessage(), candidateId, rows,
                features, maxMb, suggestedGigabytes(maxMb), suggestedGigabytes(maxMb));
    }

    private static long suggestedGigabytes(long maxMb) {
        return Math.max(2, (2 * maxMb + 1023) / 1024);
    }
}

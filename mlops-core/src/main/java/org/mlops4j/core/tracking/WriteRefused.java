package org.mlops4j.core.tracking;

/**
 * Marks an exception that refuses a change because the tracking store or model registry does not take changes: it
 * was opened read-only ({@link StoreAccess#READ_ONLY}), or it holds a format that mlops4j reads but does not write.
 * The store and the input are fine; the same change succeeds against a store opened to write.
 *
 * <p>Front ends read the mark to answer the right way: the tracking server answers MLflow's
 * {@code PERMISSION_DENIED} (HTTP 403), which MLflow's clients do not retry, instead of an internal error. A plugin
 * marks its own refusals by implementing this interface on its subclass of {@link TrackingException} or
 * {@link ModelRegistryException}.
 */
public interface WriteRefused {

    /**
     * @param failure an exception
     * @return whether it, or one of its causes, is {@link WriteRefused}
     */
    static boolean isWriteRefused(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) { // a bound, in case causes loop
            if (t instanceof WriteRefused) {
                return true;
            }
        }
        return false;
    }
}

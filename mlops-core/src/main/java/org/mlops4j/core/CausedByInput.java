package org.mlops4j.core;

/**
 * Marks an exception that reports a mistake in what the caller gave: a value, a name, a file, a setting, a filter, a
 * model or run that does not exist. Changing the input makes the call succeed; repeating it unchanged does not. An
 * exception without this mark reports a failure of mlops4j, of a plugin or of the machine it runs on.
 *
 * <p>Front ends read the mark to answer the right way: the {@code mlops} command-line tool prints such an exception's
 * message alone and exits with status 2 (bad usage or input), while any other exception is an unexpected error
 * (status 3). A pipeline step that fails with it records so in {@link org.mlops4j.core.pipeline.StepError}.
 *
 * <p>The mark belongs to the type: {@link ConfigurationException}, {@link DataException},
 * {@link org.mlops4j.core.data.SchemaException}, {@link org.mlops4j.core.tracking.InvalidTrackingInputException}
 * (and its {@link org.mlops4j.core.tracking.FilterSyntaxException}), the not-found and already-exists exceptions of
 * tracking and the registry and {@link org.mlops4j.core.tracking.InvalidRegistryValueException} carry it. A plugin
 * marks its own input errors by implementing this interface on its subclass of {@link MlopsException}; messages of
 * such exceptions should name the value and say how to fix it, since they are all a user sees.
 */
public interface CausedByInput {

    /**
     * @param failure an exception
     * @return whether it, or one of its causes, is {@link CausedByInput}
     */
    static boolean isCausedByInput(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) { // a bound, in case causes loop
            if (t instanceof CausedByInput) {
                return true;
            }
        }
        return false;
    }
}

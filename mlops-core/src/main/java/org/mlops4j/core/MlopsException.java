package org.mlops4j.core;

/**
 * Root of every exception that mlops4j throws on purpose.
 *
 * <p>All mlops4j exceptions are unchecked. Messages say what was expected, what was found, where (file, row, column,
 * run id) and, where there is one, how to fix it. Plain argument mistakes ({@code null} where a value is required, a
 * negative count) are reported with the JDK's {@link NullPointerException} and {@link IllegalArgumentException}.
 *
 * <p>Subclasses that report a mistake in the caller's input (a bad value, a missing file, an unknown name) implement
 * {@link CausedByInput}; the others report failures of mlops4j, a plugin or the machine.
 */
public class MlopsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, where, and how to fix it
     */
    public MlopsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, where, and how to fix it
     * @param cause   the underlying failure
     */
    public MlopsException(String message, Throwable cause) {
        super(message, cause);
    }
}

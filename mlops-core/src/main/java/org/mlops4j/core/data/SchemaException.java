package org.mlops4j.core.data;

import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.MlopsException;

/**
 * A {@link Schema} definition is invalid: two columns share a name, a range has its minimum above its maximum, a
 * schema document names an unknown type or key, or is not well-formed JSON.
 *
 * <p>The message names the column (and, for a document, its source and position), the offending value and what
 * would be accepted. Data that does not match a valid schema is not an error of this kind: it is reported by
 * {@link Schema#validate(Table)} in a {@link ValidationReport}.
 */
public class SchemaException extends MlopsException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the column, the value found, what would be accepted
     */
    public SchemaException(String message) {
        super(message);
    }

    /**
     * @param message the column, the value found, what would be accepted
     * @param cause   the underlying failure, such as a JSON parse error
     */
    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}

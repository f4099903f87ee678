package org.mlops4j.core.tracking.migration;

import org.mlops4j.core.CausedByInput;
import org.mlops4j.core.tracking.TrackingException;

/**
 * The target store or registry refused a write the migration needs (for instance a store that only reads, or MLflow's
 * SQL schema, which takes runs but not experiments). The migration stops at the first refusal, before it copies
 * anything that depends on the refused write; the message names the target, the refused change and the store's own
 * reason. Marked {@link CausedByInput}: the fix is another target.
 */
public final class MigrationRefusedException extends TrackingException implements CausedByInput {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused, where, and what to do
     * @param cause   the store's refusal
     */
    public MigrationRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.mlops4j.tracking.registry.internal;

import org.mlops4j.core.tracking.InvalidRegistryValueException;
import org.mlops4j.core.tracking.ModelStage;

/**
 * The rule on stage transitions that every store applies.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class StageTransitions {

    private StageTransitions() {
    }

    /**
     * @param stage           the target stage
     * @param archiveExisting whether other versions in the target stage are to be archived
     * @throws InvalidRegistryValueException when archiving is asked for a stage that is not active
     */
    public static void checkArchiveExisting(ModelStage stage, boolean archiveExisting) {
        if (archiveExisting && !stage.isActive()) {
            throw new InvalidRegistryValueException("Model version transition cannot archive existing model versions"
                    + " because '" + stage + "' is not an active stage. Archiving existing versions is possible"
                    + " only when moving to Staging or Production.");
        }
    }
}

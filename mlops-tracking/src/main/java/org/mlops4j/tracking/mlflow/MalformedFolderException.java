package org.mlops4j.tracking.mlflow;

import java.nio.file.Path;
import org.mlops4j.core.tracking.TrackingException;

/**
 * A folder of an MLflow store that is not what its place says (a run folder without a readable {@code meta.yaml}, a
 * run recorded under another experiment). Listings skip such folders with a warning, as MLflow's {@code FileStore}
 * does; only a caller asking for that very folder sees this exception.
 */
final class MalformedFolderException extends TrackingException {

    private static final long serialVersionUID = 1L;

    private final transient Path folder;
    private final String reason;

    /**
     * @param folder the folder
     * @param reason what is wrong with it, such as "it has no meta.yaml"
     */
    MalformedFolderException(Path folder, String reason) {
        super("The folder " + folder + " of an MLflow store is malformed: " + reason + ". MLflow skips it too;"
                + " repair or remove it to see it.");
        this.folder = folder;
        this.reason = reason;
    }

    /** @return the malformed folder */
    Path folder() {
        return folder;
    }

    /** @return what is wrong with it */
    String reason() {
        return reason;
    }
}

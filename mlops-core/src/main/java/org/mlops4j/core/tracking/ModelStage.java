package org.mlops4j.core.tracking;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The lifecycle stage of a model version, as in MLflow's model registry: every new version starts in {@link #NONE};
 * {@link #STAGING} and {@link #PRODUCTION} are the <em>active</em> stages; {@link #ARCHIVED} is for retired versions.
 *
 * <p>Aliases ({@code models:/name@champion}) are the more flexible way to point at a version; stages are kept because
 * much existing tooling and many {@code models:/name/Production} URIs rely on them.
 */
public enum ModelStage {

    /** No stage: where every version starts. */
    NONE("None"),
    /** Being validated before production. */
    STAGING("Staging"),
    /** Serving. */
    PRODUCTION("Production"),
    /** Retired; kept for reference. */
    ARCHIVED("Archived");

    private static final List<ModelStage> ACTIVE = List.of(STAGING, PRODUCTION);

    private final String displayName;

    ModelStage(String displayName) {
        this.displayName = displayName;
    }

    /** @return the canonical spelling used in URIs, files and databases: {@code None}, {@code Staging}, ... */
    public String displayName() {
        return displayName;
    }

    /** @return whether this is an active stage ({@code Staging} or {@code Production}) */
    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    /**
     * Reads a stage name without regard to case ({@code "production"}, {@code "PRODUCTION"} and {@code "Production"}
     * are the same stage).
     *
     * @param text a stage name
     * @return the stage
     * @throws InvalidRegistryValueException when the text names no stage
     */
    public static ModelStage parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT);
            for (ModelStage stage : values()) {
                if (stage.displayName.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return stage;
                }
            }
        }
        throw new InvalidRegistryValueException("Invalid model version stage: '" + text + "'. Value must be one of "
                + Arrays.stream(values()).map(ModelStage::displayName).collect(Collectors.joining(", ")) + ".");
    }

    @Override
    public String toString() {
        return displayName;
    }
}

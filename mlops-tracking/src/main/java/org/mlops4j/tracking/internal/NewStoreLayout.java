package org.mlops4j.tracking.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.MlopsProperties;

/**
 * The layout a {@code file:} tracking store or registry is made in when its folder is missing or empty, from
 * {@link MlopsProperties#TRACKING_FILE_LAYOUT}: MLflow's own {@code mlruns} layout unless mlops4j's is asked for. A
 * folder that already holds a store keeps its layout; the tracking store and the registry providers ask this one
 * place, so that both make the same kind of store at one location.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public enum NewStoreLayout {
    /** MLflow's own layout ({@code meta.yaml} files), which MLflow's UI and client read: the default. */
    MLFLOW,
    /** mlops4j's own layout ({@code meta.json} files, a run index, one {@code model.json} per model). */
    MLOPS4J;

    /**
     * @param config the host's configuration
     * @return the layout it asks for; {@link #MLFLOW} when it names none
     * @throws ConfigurationException when the property names neither layout
     */
    public static NewStoreLayout of(MlopsConfig config) {
        String value = config.get(MlopsProperties.TRACKING_FILE_LAYOUT, MLFLOW.configName());
        return Arrays.stream(values()).filter(layout -> layout.configName().equals(value)).findFirst()
                .orElseThrow(() -> new ConfigurationException("Invalid value for property "
                        + MlopsProperties.TRACKING_FILE_LAYOUT + "=" + value + ". Must be "
                        + Arrays.stream(values()).map(NewStoreLayout::configName)
                        .collect(Collectors.joining(" or ")) + " (" + MLFLOW.configName() + " is the default)."));
    }

    /** @return the property value that names it: {@code mlflow} or {@code mlops4j} */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.mlops4j.core.spi;

import org.mlops4j.core.MlopsConfig;

/**
 * Makes model flavors: the ways a kind of model (Tribuo, ONNX, ...) is saved as a run artifact and loaded back.
 *
 * <p>A saved model records its flavor's {@link #name()}, and loading asks for the flavor by that name, so the name
 * is part of the stored format. mlops-core ships no flavor: the {@code tribuo} flavor comes with
 * {@code org.mlops4j:mlops-models}.
 */
public interface ModelFlavorProvider extends NamedProvider {

    /**
     * Makes the flavor.
     *
     * @param config the host's configuration, for keys under {@code mlops.model.}
     * @return the flavor, safe to use from several threads
     */
    ModelFlavor create(MlopsConfig config);
}

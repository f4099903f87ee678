package org.mlops4j.models;

import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.spi.ModelFlavor;
import org.mlops4j.core.spi.ModelFlavorProvider;

/**
 * Provides the {@code tribuo} model flavor: Tribuo models in protobuf plus the encoder and metadata as JSON.
 * Listed in {@code META-INF/services} and found through {@link java.util.ServiceLoader}.
 */
public final class TribuoModelFlavorProvider implements ModelFlavorProvider {

    @Override
    public String name() {
        return TribuoModelFlavor.NAME;
    }

    @Override
    public String description() {
        return "Tribuo models (protobuf) with their feature encoder, schema and metrics (JSON)";
    }

    @Override
    public ModelFlavor create(MlopsConfig config) {
        return new TribuoModelFlavor();
    }
}

package org.mlops4j.onnx;

import org.mlops4j.core.MlopsConfig;
import org.mlops4j.core.spi.ModelFlavor;
import org.mlops4j.core.spi.ModelFlavorProvider;

/**
 * Provides the {@code onnx} model flavor: graphs exported from scikit-learn and other frameworks, scored with ONNX
 * Runtime. Listed in {@code META-INF/services} and found through {@link java.util.ServiceLoader}.
 */
public final class OnnxModelFlavorProvider implements ModelFlavorProvider {

    @Override
    public String name() {
        return OnnxModelFlavor.NAME;
    }

    @Override
    public String description() {
        return "ONNX graphs (skl2onnx, MLflow's onnx flavor) scored with ONNX Runtime " + OnnxModelFlavor.ONNXRUNTIME_VERSION;
    }

    @Override
    public ModelFlavor create(MlopsConfig config) {
        return new OnnxModelFlavor();
    }
}

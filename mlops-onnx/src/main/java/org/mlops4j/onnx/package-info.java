/**
 * The {@code onnx} model flavor: models trained elsewhere (scikit-learn through skl2onnx, PyCaret, MLflow's
 * {@code onnx} flavor) loaded with ONNX Runtime's Java API and scored through the same
 * {@link org.mlops4j.models.Predictor} as mlops4j's own models, so that they are registered, loaded by
 * {@code models:/...}, served and monitored alike. {@link org.mlops4j.onnx.OnnxModel} is the loaded model,
 * {@link org.mlops4j.onnx.OnnxModelFlavor} saves and loads its folders (MLflow's layout, with an {@code MLmodel}
 * file).
 */
package org.mlops4j.onnx;

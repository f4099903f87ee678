package org.mlops4j.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.ModelFlavorProvider;

/**
 * Loads a saved model folder with the flavor it was saved with, whichever module provides that flavor: a folder
 * {@link TribuoModelFlavor} wrote ({@value TribuoModelFlavor#META_FILE}), a folder with MLflow's
 * {@value MlflowModelFile#FILE_NAME} file (the first of its flavors that a {@link ModelFlavorProvider} on the class
 * path runs: {@code tribuo}, or {@code onnx} with {@code org.mlops4j:mlops-onnx}), or a folder holding one
 * {@code .onnx} file. A model with only {@code python_function} (a pickled Python model) is refused with the
 * flavors it has and how to export it to ONNX. Stateless.
 */
public final class ModelFolder {

    /** The flavor of models exported to ONNX, provided by {@code org.mlops4j:mlops-onnx}. */
    public static final String ONNX_FLAVOR = "onnx";

    private ModelFolder() {
    }

    /**
     * @param folder a saved model folder
     * @param mlops  where the flavor providers are found
     * @return the name of the flavor to load it with
     * @throws MlopsException when no flavor of the folder can be run here, saying which it has and what to do
     */
    public static String flavorOf(Path folder, Mlops mlops) {
        List<String> runnable = mlops.providers(ModelFlavorProvider.class).names();
        if (Files.isRegularFile(folder.resolve(TribuoModelFlavor.META_FILE))) {
            return TribuoModelFlavor.NAME;
        }
        if (MlflowModelFile.isIn(folder)) {
            List<String> present = MlflowModelFile.read(folder).flavorNames();
            return present.stream().filter(runnable::contains).findFirst().orElseThrow(() -> new MlopsException(
                    "The model in " + folder + " has the flavors " + present + "; mlops4j runs " + runnable
                    + (runnable.contains(ONNX_FLAVOR) ? "" : " (onnx comes with org.mlops4j:mlops-onnx)") + ". "
                    + "Export the model to ONNX and log that: onx = skl2onnx.to_onnx(model, X[:1]);"
                    + " mlflow.onnx.log_model(onx, 'model', signature=mlflow.models.infer_signature(X, y))"));
        }
        if (onnxFile(folder).isPresent()) {
            if (!runnable.contains(ONNX_FLAVOR)) {
                throw new MlopsException(folder + " holds an ONNX model; add org.mlops4j:mlops-onnx to the class path"
                        + " to load it (flavors here: " + runnable + ")");
            }
            return ONNX_FLAVOR;
        }
        throw new MlopsException(folder + " holds no saved model: expected " + TribuoModelFlavor.META_FILE + " (a "
                + "tribuo model), an " + MlflowModelFile.FILE_NAME + " file (a model MLflow logged) or one .onnx file");
    }

    /**
     * @param folder a saved model folder
     * @param mlops  where the flavor providers are found
     * @return the model, loaded by its flavor
     * @throws MlopsException when no flavor runs it, or the flavor's load fails or gives no {@link ScoringModel}
     */
    public static ScoringModel load(Path folder, Mlops mlops) {
        String flavor = flavorOf(folder, mlops);
        Object loaded = mlops.providers(ModelFlavorProvider.class).get(flavor).create(mlops.config()).load(folder);
        if (loaded instanceof ScoringModel model) {
            return model;
        }
        throw new MlopsException("The " + flavor + " flavor loaded " + folder + " as "
                + loaded.getClass().getName() + ", which cannot score tables (a bare Tribuo model, saved without"
                + " its encoder); log a TrainedModel instead");
    }

    /**
     * @param folder a folder
     * @return its one {@code .onnx} file; empty when it has none or several, or cannot be listed
     */
    public static Optional<Path> onnxFile(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> onnx = files.filter(p -> p.getFileName().toString().endsWith(".onnx")).toList();
            return onnx.size() == 1 ? Optional.of(onnx.get(0)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

package org.mlops4j.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.spi.ModelFlavor;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.models.MlflowModelFile;
import org.mlops4j.models.ModelFolder;

/**
 * Saves an {@link OnnxModel} as MLflow's {@code onnx} flavor does and loads such folders back, whether mlops4j or
 * MLflow ({@code mlflow.onnx.log_model}) wrote them; the flavor named {@value #NAME}.
 *
 * <p>A folder holds {@value #MODEL_FILE} (the graph's bytes, unchanged), {@value MlflowModelFile#FILE_NAME} (the
 * {@code onnx} flavor with {@code data: model.onnx}, the {@code python_function} flavor with
 * {@code loader_module: mlflow.onnx} so that MLflow can serve it too, and the input schema as the signature) and
 * {@value #REQUIREMENTS_FILE}. Loading reads the {@code onnx} flavor's {@code data} file and takes the signature's
 * columns as the input schema; a folder without {@value MlflowModelFile#FILE_NAME} but with one {@code .onnx} file
 * loads too, its schema taken from the graph's inputs. Stateless and thread-safe.
 */
public final class OnnxModelFlavor implements ModelFlavor {

    /** The flavor's name, as MLflow names it. */
    public static final String NAME = ModelFolder.ONNX_FLAVOR;
    /** The graph's file in a saved folder. */
    public static final String MODEL_FILE = "model.onnx";
    /** The Python packages MLflow installs to serve the folder itself. */
    public static final String REQUIREMENTS_FILE = "requirements.txt";
    /** The ONNX Runtime version the Python side is pinned to: the one mlops4j scores with. */
    static final String ONNXRUNTIME_VERSION = "1.22.0";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Object model) {
        return model instanceof OnnxModel;
    }

    @Override
    public void save(Object model, Path folder) {
        if (!(model instanceof OnnxModel onnx)) {
            throw new MlopsException("The onnx flavor saves OnnxModel objects, not "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        try {
            Files.createDirectories(folder);
            byte[] graph = onnx.bytes();
            AtomicFiles.write(folder.resolve(MODEL_FILE), out -> out.write(graph));
            byte[] requirements = ("onnxruntime==" + ONNXRUNTIME_VERSION + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(folder.resolve(REQUIREMENTS_FILE), out -> out.write(requirements));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new MlopsException("Cannot save the ONNX model into " + folder + ": " + e.getMessage(), e);
        }
        description(onnx.inputSchema()).writeTo(folder);
    }

    /**
     * @param inputSchema the model's input columns
     * @return the {@value MlflowModelFile#FILE_NAME} file of a saved ONNX model
     */
    static MlflowModelFile description(Schema inputSchema) {
        Map<String, Object> pyfunc = new LinkedHashMap<>();
        pyfunc.put("data", MODEL_FILE);
        pyfunc.put("loader_module", "mlflow.onnx");
        Map<String, Object> onnx = new LinkedHashMap<>();
        onnx.put("data", MODEL_FILE);
        onnx.put("providers", List.of("CPUExecutionProvider"));
        onnx.put("code", null);
        MlflowModelFile file = MlflowModelFile.of(NAME, onnx, inputSchema, Map.of("artifact_path", "model",
                "saved_by", "mlops4j"));
        Map<String, com.fasterxml.jackson.databind.JsonNode> flavors = new LinkedHashMap<>(file.flavors());
        flavors.put("python_function", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(pyfunc));
        return new MlflowModelFile(flavors, file.signatureInput(), file.fields());
    }

    /**
     * @return the {@link OnnxModel}
     * @throws MlopsException naming the folder and file when the graph is missing or ONNX Runtime cannot load it
     */
    @Override
    public Object load(Path folder) {
        Optional<Schema> schema = Optional.empty();
        Path graph;
        if (MlflowModelFile.isIn(folder)) {
            MlflowModelFile description = MlflowModelFile.read(folder);
            schema = description.inputSchema();
            graph = folder.resolve(description.setting(NAME, "data").orElse(MODEL_FILE));
        } else {
            graph = ModelFolder.onnxFile(folder).orElseThrow(() -> new MlopsException(folder + " holds no "
                    + MlflowModelFile.FILE_NAME + " file and not exactly one .onnx file; expected a folder saved by"
                    + " the onnx flavor"));
        }
        if (!Files.isRegularFile(graph)) {
            throw new MlopsException("The onnx flavor of " + folder + " names the graph " + graph.getFileName()
                    + ", which the folder lacks");
        }
        return OnnxModel.load(graph, schema);
    }
}

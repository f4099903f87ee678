package org.mlops4j.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * Registers a model trained elsewhere: an {@code .onnx} file, a model folder MLflow logged (with its
 * {@value MlflowModelFile#FILE_NAME} file), or a {@code runs:/<run id>/<path>} artifact. The model is loaded first
 * with the flavor it names (so a model mlops4j cannot run is refused before anything is stored, a
 * {@code python_function}-only model with the flavors it has and how to export it to ONNX), its input schema taken
 * from the signature, the graph's inputs or the schema given; then logged to a run of the experiment
 * {@value #EXPERIMENT} with an {@value MlflowModelFile#FILE_NAME} that carries the schema as its signature, and
 * registered as a new version. The command {@code mlops models register --from} runs this.
 *
 * <pre>{@code
 * ModelVersion v = ModelImport.of(tracking, registry, Mlops.shared())
 *         .register("pipeline.onnx", "lead-scoring", Optional.empty());
 * ScoringModel model = ModelTracking.of(tracking, registry).loadModel("models:/lead-scoring/" + v.version());
 * }</pre>
 *
 * Thread-safe when the tracking client and registry are.
 */
public final class ModelImport {

    /** The experiment whose runs hold the imported models' artifacts. */
    public static final String EXPERIMENT = "registered-models";
    /** The tag on the run and the version with the path or URI the model was registered from. */
    public static final String SOURCE_TAG = "mlops.model.imported_from";

    private final TrackingClient tracking;
    private final ModelRegistry registry;
    private final Mlops mlops;

    private ModelImport(TrackingClient tracking, ModelRegistry registry, Mlops mlops) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.mlops = Objects.requireNonNull(mlops, "mlops");
    }

    /**
     * @param tracking where the model's run and artifact go
     * @param registry where the version is registered
     * @param mlops    where the flavors are found ({@code onnx} with {@code org.mlops4j:mlops-onnx})
     * @return the importer
     */
    public static ModelImport of(TrackingClient tracking, ModelRegistry registry, Mlops mlops) {
        return new ModelImport(tracking, registry, mlops);
    }

    /**
     * @param from   an {@code .onnx} file, a model folder, or a {@code runs:/<run id>/<path>} URI
     * @param name   the registered model's name
     * @param schema the input columns, when the model does not name them (a graph taking one feature tensor) or
     *               its signature is to be replaced
     * @return the new version
     * @throws MlopsException when the source is missing, no flavor of it runs here, or its inputs need a schema
     */
    public ModelVersion register(String from, String name, Optional<Schema> schema) {
        Path folder = temporaryFolder();
        try {
            copy(from, folder);
            schema.ifPresent(s -> withSignature(folder, s));
            String flavor = ModelFolder.flavorOf(folder, mlops);
            Schema input = inputSchema(folder);
            if (!MlflowModelFile.isIn(folder)) {
                withSignature(folder, input);
            }
            ActiveRun run = tracking.startRun(EXPERIMENT, "register " + name);
            LoggedModel logged;
            try {
                run.setTag(SOURCE_TAG, from);
                logged = ModelTracking.of(tracking, registry).logModelFolder(run, folder, flavor, input,
                        ModelTracking.DEFAULT_ARTIFACT_PATH);
            } finally {
                run.end();
            }
            return ModelTracking.of(tracking, registry).register(logged, name);
        } finally {
            deleteQuietly(folder);
        }
    }

    private Schema inputSchema(Path folder) {
        ScoringModel model = ModelFolder.load(folder, mlops);
        try {
            return model.inputSchema();
        } finally {
            if (model instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the schema is read; a failed close frees nothing more
                }
            }
        }
    }

    private void copy(String from, Path folder) {
        if (!from.startsWith("runs:/")) {
            copyLocal(from, Path.of(from), folder);
            return;
        }
        String rest = from.substring("runs:/".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new MlopsException("'" + from + "' has no artifact path; expected runs:/<run id>/<path>");
        }
        Path download = temporaryFolder();
        try {
            copyLocal(from, tracking.downloadArtifacts(rest.substring(0, slash), rest.substring(slash + 1), download),
                    folder);
        } finally {
            deleteQuietly(download);
        }
    }

    private static void copyLocal(String from, Path source, Path folder) {
        try {
            if (Files.isRegularFile(source) && source.getFileName().toString().endsWith(".onnx")) {
                Files.copy(source, folder.resolve("model.onnx"));
            } else if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Path target = folder.resolve(source.relativize(file).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target);
                    }
                }
            } else {
                throw new MlopsException("Cannot register '" + from + "': expected an .onnx file, a model folder "
                        + "(with an MLmodel file) or a runs:/<run id>/<path> URI, and " + (Files.exists(source)
                        ? "it is a file of another kind" : "there is no such file or folder"));
            }
        } catch (IOException e) {
            throw new MlopsException("Cannot copy the model from " + from + ": " + e.getMessage(), e);
        }
    }

    /** Writes the schema as the signature, keeping the folder's flavors, or naming its one .onnx file. */
    private static void withSignature(Path folder, Schema schema) {
        if (MlflowModelFile.isIn(folder)) {
            MlflowModelFile file = MlflowModelFile.read(folder);
            MlflowModelFile signed = MlflowModelFile.of("-", Map.of(), schema, Map.of());
            new MlflowModelFile(file.flavors(), signed.signatureInput(), file.fields()).writeTo(folder);
            return;
        }
        Path graph = ModelFolder.onnxFile(folder).orElseThrow(() -> new MlopsException(folder
                + " holds neither an MLmodel file nor one .onnx file, so a schema cannot be attached to it"));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("data", graph.getFileName().toString());
        MlflowModelFile.of(ModelFolder.ONNX_FLAVOR, settings, schema, Map.of("artifact_path",
                ModelTracking.DEFAULT_ARTIFACT_PATH, "saved_by", "mlops4j")).writeTo(folder);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("mlops-import-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            folder.toFile().deleteOnExit();
        }
    }
}

package org.mlops4j.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TableFingerprint;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ArtifactInfo;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.core.tracking.TrackingLimits;
import org.mlops4j.core.tracking.TrackingNotFoundException;

/**
 * Logs trained models to runs, registers them, and loads them back: the MLflow "log model, register, load
 * {@code models:/name@alias}" workflow for models trained on Tribuo.
 *
 * <pre>{@code
 * ModelTracking models = ModelTracking.of(tracking, registry);
 * LoggedModel logged = models.logModel(run, trained, trainingTable);   // artifact "model/", hyperparameters as params
 * ModelVersion version = models.register(logged, "lead-scoring");       // input schema and lineage kept
 * TrainedModel serving = models.load("models:/lead-scoring/Production");
 * models.register(models.loggedModel(runId, "model"), "lead-scoring");   // a model a run logged earlier
 * }</pre>
 *
 * <p>This class is the one place for logging, registering and loading models ({@code mlops train --register},
 * {@code mlops models register}, {@code predict} and {@code serve} go through it); the {@link ModelRegistry} keeps
 * the versions' stages, aliases and tags.
 *
 * <p>Logging a model also records, automatically: its family and hyperparameters as params ({@code model.family},
 * {@code model.<name>}), its full provenance (mlops4j's summary and Tribuo's whole provenance tree: trainer settings,
 * data, host, versions) as the artifact {@code provenance/<artifactPath>.json}, the training data's fingerprint as
 * the tag {@value #DATA_FINGERPRINT_TAG} and the row
 * count as the param {@value #TRAINING_ROWS_PARAM}. Registering copies the fingerprint and the run onto the version,
 * so {@link #lineage(String, int)} leads from a version back to its run and data. Thread-safe when the tracking client
 * and registry are.
 */
public final class ModelTracking {

    /** The artifact folder a model is logged to unless another is given. */
    public static final String DEFAULT_ARTIFACT_PATH = "model";
    /** The tag with the training data's fingerprint, on runs and model versions. */
    public static final String DATA_FINGERPRINT_TAG = "mlops.data.fingerprint";
    /** The param (on runs) and tag (on versions) with the number of training rows. */
    public static final String TRAINING_ROWS_PARAM = "mlops.data.rows";
    /** The tag on a model version with the flavor it was saved with. */
    public static final String FLAVOR_TAG = "mlops.model.flavor";

    private static final int PARAMS_PER_BATCH = 100;

    private final TrackingClient tracking;
    private final ModelRegistry registry;
    private final TribuoModelFlavor flavor = new TribuoModelFlavor();

    private ModelTracking(TrackingClient tracking, ModelRegistry registry) {
        this.tracking = Objects.requireNonNull(tracking, "tracking");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * @param tracking where runs and their artifacts are
     * @param registry where model versions are registered
     * @return the model workflow over them
     */
    public static ModelTracking of(TrackingClient tracking, ModelRegistry registry) {
        return new ModelTracking(tracking, registry);
    }

    /**
     * Logs a model to {@value #DEFAULT_ARTIFACT_PATH}.
     *
     * @param run          the run that trained it
     * @param model        the trained model
     * @param trainingData the table it was trained on (for the fingerprint)
     * @return where it was logged
     */
    public LoggedModel logModel(ActiveRun run, TrainedModel model, Table trainingData) {
        return logModel(run, model, trainingData, DEFAULT_ARTIFACT_PATH);
    }

    /**
     * Saves a model with {@link TribuoModelFlavor} as a folder of the run's artifacts, and records its provenance,
     * parameters, metrics and the training data's fingerprint on the run.
     *
     * @param run          the run that trained it
     * @param model        the trained model
     * @param trainingData the table it was trained on (for the fingerprint)
     * @param artifactPath the artifact folder, such as {@code model}
     * @return where it was logged
     */
    public LoggedModel logModel(ActiveRun run, TrainedModel model, Table trainingData, String artifactPath) {
        String fingerprint = TableFingerprint.of(trainingData);
        Path folder = temporaryFolder("mlops-model-");
        try {
            flavor.save(model, folder);
            run.logArtifact(folder, artifactPath);
        } finally {
            deleteQuietly(folder);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put(TRAINING_ROWS_PARAM, Integer.toString(trainingData.rowCount()));
        params.put("model.family", model.family());
        model.params().forEach((k, v) -> params.put("model." + paramKey(k), limit(String.valueOf(v))));
        List<Map.Entry<String, String>> entries = new ArrayList<>(params.entrySet());
        for (int from = 0; from < entries.size(); from += PARAMS_PER_BATCH) {
            Map<String, String> batch = new LinkedHashMap<>();
            entries.subList(from, Math.min(entries.size(), from + PARAMS_PER_BATCH))
                    .forEach(e -> batch.put(e.getKey(), e.getValue()));
            run.logParams(batch);
        }
        model.metrics().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                run.logMetric("model." + paramKey(k), v);
            }
        });
        run.logText(provenanceDocument(model), provenancePath(artifactPath));
        run.setTag(DATA_FINGERPRINT_TAG, fingerprint);
        return new LoggedModel(run.id(), artifactPath, flavor.name(), fingerprint, trainingData.rowCount(),
                model.inputSchema());
    }

    /**
     * @param artifactPath the model's artifact folder
     * @return where its provenance goes: {@code provenance/model.json} for {@code model}
     */
    public static String provenancePath(String artifactPath) {
        return "provenance/" + artifactPath.replace('/', '_') + ".json";
    }

    private static String provenanceDocument(TrainedModel model) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("family", model.family());
        document.put("params", model.params());
        document.put("summary", model.provenance());
        document.put("tribuo", String.valueOf(model.tribuoModel().getProvenance()));
        return org.mlops4j.core.spi.support.Json.writePretty(document);
    }

    /**
     * Logs an evaluation to a run as two artifacts: {@value ModelEvaluation#JSON_ARTIFACT} (the data) and
     * {@value ModelEvaluation#HTML_ARTIFACT} (the charts, which the tracking UI serves sandboxed).
     *
     * @param run        the run to log to
     * @param evaluation the evaluation, such as {@code ModelEvaluation.of(model, heldOutRows)}
     */
    public void logEvaluation(ActiveRun run, ModelEvaluation evaluation) {
        evaluation.logTo(run);
    }

    /**
     * Registers a logged model as a new version of a registered model (created if missing), with its input schema,
     * its run and the training data's fingerprint.
     *
     * @param logged    a model logged by {@link #logModel}
     * @param modelName the registered model's name
     * @return the new version
     */
    public ModelVersion register(LoggedModel logged, String modelName) {
        return registry.register(NewModelVersion.builder(modelName, logged.uri())
                .runId(logged.runId())
                .inputSchema(logged.inputSchema())
                .tag(DATA_FINGERPRINT_TAG, logged.dataFingerprint())
                .tag(TRAINING_ROWS_PARAM, Integer.toString(logged.trainingRows()))
                .tag(FLAVOR_TAG, logged.flavor())
                .build());
    }

    /**
     * Finds a model that {@link #logModel} saved on a run, as {@link #register} takes it: for registering a run's
     * model after the run (as MLflow's {@code register_model("runs:/<run id>/model", name)}). Reads the saved model
     * for its input schema, and the run for the training data's fingerprint and row count.
     *
     * @param runId        the run that logged the model
     * @param artifactPath the model's folder in the run's artifacts, such as {@value #DEFAULT_ARTIFACT_PATH}
     * @return the logged model
     * @throws TrackingNotFoundException when there is no such run
     * @throws MlopsException            when the folder does not hold a model saved by {@link #logModel}
     */
    public LoggedModel loggedModel(String runId, String artifactPath) {
        Run run = tracking.getRun(runId).orElseThrow(() -> new TrackingNotFoundException("No run '" + runId
                + "' at " + tracking.location() + "; list the runs with: mlops runs search"));
        if (tracking.listArtifacts(runId, artifactPath).isEmpty()) {
            throw new TrackingNotFoundException("Run " + runId + " has no artifact folder '" + artifactPath
                    + "' (its artifacts: " + tracking.listArtifacts(runId, "").stream().map(ArtifactInfo::path)
                    .toList() + "); give the folder the model was logged to");
        }
        TrainedModel model = load("runs:/" + runId + "/" + artifactPath);
        int rows = Integer.parseInt(run.data().params().getOrDefault(TRAINING_ROWS_PARAM, "-1"));
        return new LoggedModel(runId, artifactPath, flavor.name(),
                run.data().tags().getOrDefault(DATA_FINGERPRINT_TAG, ""), rows, model.inputSchema());
    }

    /**
     * @param modelName a registered model
     * @param version   one of its versions
     * @return where the version came from
     */
    public ModelLineage lineage(String modelName, int version) {
        ModelVersion v = registry.getVersion(modelName, version);
        return new ModelLineage(modelName, version, v.runId().orElse(""), v.source(),
                v.tags().getOrDefault(DATA_FINGERPRINT_TAG, ""),
                Integer.parseInt(v.tags().getOrDefault(TRAINING_ROWS_PARAM, "-1")));
    }

    /**
     * Loads a model by URI: {@code models:/name/3}, {@code models:/name/Production}, {@code models:/name@champion},
     * {@code models:/name/latest}, or a {@code runs:/<run id>/<path>} artifact URI.
     *
     * @param uri the model's URI
     * @return the model, predicting exactly as when it was logged
     * @throws MlopsException when the URI resolves to nothing or the artifact is not a saved model
     */
    public TrainedModel load(String uri) {
        return withArtifact(uri, flavor::loadTrainedModel);
    }

    /**
     * Loads a model of any flavor by URI, as {@link #load(String)}: the flavor is the one its folder was saved with
     * ({@link ModelFolder}), found among {@link Mlops#shared()}'s providers: a {@link TrainedModel}, or an ONNX model
     * when {@code org.mlops4j:mlops-onnx} is on the class path.
     *
     * @param uri the model's URI
     * @return the model
     * @throws MlopsException when the URI resolves to nothing, or no flavor of the artifact runs here (saying which
     *                        flavors it has and how to export it to ONNX)
     */
    public ScoringModel loadModel(String uri) {
        return withArtifact(uri, local -> ModelFolder.load(local, Mlops.shared()));
    }

    /**
     * Logs a model folder saved elsewhere (an ONNX model with its {@value MlflowModelFile#FILE_NAME}, a model folder
     * MLflow logged) as a run's artifact, for {@link #register}: the model was not trained here, so there is no
     * training data to fingerprint.
     *
     * @param run          the run to log to
     * @param folder       the model folder
     * @param flavor       the flavor it loads with ({@link ModelFolder#flavorOf})
     * @param inputSchema  the model's input columns
     * @param artifactPath the folder within the run's artifacts
     * @return where it was logged
     */
    public LoggedModel logModelFolder(ActiveRun run, Path folder, String flavor, Schema inputSchema,
            String artifactPath) {
        run.logArtifact(folder, artifactPath);
        run.setTag(FLAVOR_TAG, flavor);
        return new LoggedModel(run.id(), artifactPath, flavor, "", -1, inputSchema);
    }

    private <T> T withArtifact(String uri, Function<Path, T> loader) {
        String source = uri.startsWith("models:/") ? registry.resolve(uri).source() : uri;
        if (!source.startsWith("runs:/")) {
            throw new MlopsException("Model '" + uri + "' points to '" + source
                    + "'; only runs:/<run id>/<path> sources can be loaded from the tracking store");
        }
        String rest = source.substring("runs:/".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new MlopsException("Model source '" + source + "' has no artifact path; expected runs:/<run id>/<path>");
        }
        Path folder = temporaryFolder("mlops-load-");
        try {
            Path local = tracking.downloadArtifacts(rest.substring(0, slash), rest.substring(slash + 1), folder);
            return loader.apply(local);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static String paramKey(String key) {
        return key.replaceAll("[^\\w.\\- /:]", "_");
    }

    private static String limit(String value) {
        int max = TrackingLimits.MAX_PARAM_VALUE_LENGTH;
        return value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
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

package org.mlops4j.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.spi.ModelFlavor;
import org.mlops4j.core.spi.support.AtomicFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Tribuo;

/**
 * Saves a {@link TrainedModel} (or a bare Tribuo {@link Model}) as files and loads it back; the flavor named
 * {@value #NAME}.
 *
 * <p>A folder holds {@value #MODEL_FILE}, the Tribuo model in Tribuo's protobuf format ({@code Model.serializeToFile},
 * with its full provenance), and {@value #META_FILE}, a JSON document with the format version, the family, its
 * parameters, the target, the class labels, the input columns, the fitted encoder, the metrics and a flattened
 * provenance. A loaded model predicts exactly as the saved one. A {@link TrainedModel}'s folder also holds MLflow's
 * {@value MlflowModelFile#FILE_NAME} (the {@code tribuo} flavor, the input schema as the signature), so that MLflow's
 * UI lists the flavor and signature of models mlops4j logs. The files are written atomically. Model files are
 * code-like input: load only folders from a location you trust. Stateless and thread-safe.
 *
 * <p>Class names in a saved model are provenance, not code to load: models saved before the model layer moved to
 * mlops-models name mlops4j's own trainers {@code org.mlops4j.core.model.internal.tree.*} and
 * {@code org.mlops4j.core.model.internal.linear.*} (now {@code org.mlops4j.models.internal...}) in their Tribuo
 * provenance and in {@code provenance.trainer.class}; loading reads those names as text and never resolves them, so
 * such models load and predict unchanged (checked by the committed format-1 fixtures).
 */
public final class TribuoModelFlavor implements ModelFlavor {

    /** The flavor's name, stored with every saved model. */
    public static final String NAME = "tribuo";
    /** The Tribuo model file in a saved folder. */
    public static final String MODEL_FILE = "model.tribuo";
    /** The description file in a saved folder. */
    public static final String META_FILE = "mlops-model.json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Object model) {
        return model instanceof TrainedModel || model instanceof Model<?>;
    }

    @Override
    public void save(Object model, Path folder) {
        Model<?> tribuo;
        TribuoModelMeta meta;
        if (model instanceof TrainedModel trained) {
            tribuo = trained.tribuoModel();
            meta = TribuoModelMeta.of(trained);
        } else if (model instanceof Model<?> bare) {
            tribuo = bare;
            meta = TribuoModelMeta.bare();
        } else {
            throw new MlopsException("The tribuo flavor saves TrainedModel or org.tribuo.Model objects, not "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(folder.resolve(MODEL_FILE), tribuo::serializeToStream);
            byte[] json = meta.write().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(folder.resolve(META_FILE), out -> out.write(json));
            if (model instanceof TrainedModel trained) {
                description(trained).writeTo(folder);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MlopsException("Cannot save the model into " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param model a trained model
     * @return the {@value MlflowModelFile#FILE_NAME} file saved beside it, so that MLflow's UI shows its flavor,
     *         signature and what runs it: the {@code tribuo} flavor with its files, family, task and the Maven
     *         artifacts that load it ({@code requirements}), and the input schema as the signature
     */
    static MlflowModelFile description(TrainedModel model) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("data", MODEL_FILE);
        settings.put("meta", META_FILE);
        settings.put("family", model.family());
        settings.put("task", model.task().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("tribuo_version", Tribuo.VERSION);
        settings.put("requirements", List.of("org.mlops4j:mlops-models", "org.tribuo:tribuo-all:" + Tribuo.VERSION));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("artifact_path", ModelTracking.DEFAULT_ARTIFACT_PATH);
        fields.put("saved_by", "mlops4j");
        fields.put("utc_time_created", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()));
        return MlflowModelFile.of(NAME, settings, model.inputSchema(), fields);
    }

    /**
     * @return a {@link TrainedModel} for a folder saved from one, or the bare Tribuo {@link Model} otherwise
     * @throws MlopsException naming the folder and file when a file is missing, unreadable or of another format
     */
    @Override
    public Object load(Path folder) {
        Path metaFile = folder.resolve(META_FILE);
        Path modelFile = folder.resolve(MODEL_FILE);
        TribuoModelMeta meta;
        Model<?> tribuo;
        try {
            meta = TribuoModelMeta.read(Files.readString(metaFile, StandardCharsets.UTF_8), metaFile);
            tribuo = Model.deserializeFromFile(modelFile);
        } catch (IOException | RuntimeException e) {
            throw new MlopsException("Cannot load a tribuo-flavor model from " + folder + " (expected " + META_FILE
                    + " and " + MODEL_FILE + "): " + e.getMessage(), e);
        }
        if (!meta.readable()) {
            throw new MlopsException(metaFile + " is not a tribuo-flavor model of format " + TribuoModelMeta.FORMAT
                    + " (found flavor '" + meta.flavor() + "', format " + meta.format() + ")");
        }
        if (!TribuoModelMeta.TRAINED.equals(meta.kind())) {
            return tribuo;
        }
        try {
            return meta.toModel(tribuo);
        } catch (RuntimeException e) {
            throw new MlopsException("Cannot read " + metaFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param folder a folder written by {@link #save(Object, Path)} from a {@link TrainedModel}
     * @return the model
     * @throws MlopsException when the folder holds something else
     */
    public TrainedModel loadTrainedModel(Path folder) {
        Object loaded = load(folder);
        if (loaded instanceof TrainedModel trained) {
            return trained;
        }
        throw new MlopsException(folder + " holds a bare Tribuo model, not a TrainedModel with its encoder");
    }
}

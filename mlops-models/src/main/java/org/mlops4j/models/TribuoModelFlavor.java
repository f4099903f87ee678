package org.mlops4j.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.ColumnSpec;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.spi.ModelFlavor;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Saves a {@link TrainedModel} (or a bare Tribuo {@link Model}) as files and loads it back; the flavor named
 * {@value #NAME}.
 *
 * <p>A folder holds {@value #MODEL_FILE}, the Tribuo model in Tribuo's protobuf format ({@code Model.serializeToFile},
 * with its full provenance), and {@value #META_FILE}, a JSON document with the format version, the family, its
 * parameters, the target, the class labels, the input columns, the fitted encoder, the metrics and a flattened
 * provenance. A loaded model predicts exactly as the saved one. Both files are written atomically. Model files are
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

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

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
        ObjectNode meta = JSON.createObjectNode();
        meta.put("format", FORMAT);
        meta.put("flavor", NAME);
        if (model instanceof TrainedModel trained) {
            tribuo = trained.tribuoModel();
            meta.put("kind", "trained-model");
            describe(trained, meta);
        } else if (model instanceof Model<?> bare) {
            tribuo = bare;
            meta.put("kind", "tribuo-model");
        } else {
            throw new MlopsException("The tribuo flavor saves TrainedModel or org.tribuo.Model objects, not "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(folder.resolve(MODEL_FILE), tribuo::serializeToStream);
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta);
            AtomicFiles.write(folder.resolve(META_FILE), out -> out.write(json));
        } catch (IOException | UncheckedIOException e) {
            throw new MlopsException("Cannot save the model into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void describe(TrainedModel m, ObjectNode meta) {
        meta.put("family", m.family());
        meta.put("task", m.task().name());
        meta.set("params", JSON.valueToTree(m.params()));
        meta.put("target", m.target());
        ArrayNode labels = meta.putArray("classLabels");
        m.classLabels().forEach(labels::add);
        m.positiveLabel().ifPresent(p -> meta.put("positiveLabel", p));
        ArrayNode inputs = meta.putArray("inputColumns");
        for (ColumnSpec c : m.inputSchema().columns()) {
            inputs.addObject().put("name", c.name()).put("type", c.type().orElseThrow().name());
        }
        meta.put("scaling", m.scaling().name());
        meta.set("encoder", JSON.valueToTree(m.encoder().columns()));
        meta.set("metrics", JSON.valueToTree(m.metrics()));
        meta.set("provenance", JSON.valueToTree(m.provenance()));
    }

    /**
     * @return a {@link TrainedModel} for a folder saved from one, or the bare Tribuo {@link Model} otherwise
     * @throws MlopsException naming the folder and file when a file is missing, unreadable or of another format
     */
    @Override
    public Object load(Path folder) {
        Path metaFile = folder.resolve(META_FILE);
        Path modelFile = folder.resolve(MODEL_FILE);
        JsonNode meta;
        Model<?> tribuo;
        try {
            meta = JSON.readTree(Files.readString(metaFile, StandardCharsets.UTF_8));
            tribuo = Model.deserializeFromFile(modelFile);
        } catch (IOException | RuntimeException e) {
            throw new MlopsException("Cannot load a tribuo-flavor model from " + folder + " (expected " + META_FILE
                    + " and " + MODEL_FILE + "): " + e.getMessage(), e);
        }
        if (meta.path("format").asInt() != FORMAT || !NAME.equals(meta.path("flavor").asText())) {
            throw new MlopsException(metaFile + " is not a tribuo-flavor model of format " + FORMAT + " (found flavor '"
                    + meta.path("flavor").asText() + "', format " + meta.path("format").asText() + ")");
        }
        if (!"trained-model".equals(meta.path("kind").asText())) {
            return tribuo;
        }
        try {
            return read(meta, tribuo);
        } catch (IOException | RuntimeException e) {
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

    private static TrainedModel read(JsonNode meta, Model<?> tribuo) throws IOException {
        TaskType task = TaskType.valueOf(meta.path("task").asText());
        Model<?> typed = task == TaskType.CLASSIFICATION ? tribuo.castModel(Label.class)
                : tribuo.castModel(Regressor.class);
        Map<String, Object> params = new LinkedHashMap<>();
        meta.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), value(e.getValue())));
        List<String> labels = new ArrayList<>();
        meta.path("classLabels").forEach(n -> labels.add(n.asText()));
        Schema.Builder inputs = Schema.builder();
        meta.path("inputColumns").forEach(n -> inputs.column(n.path("name").asText(),
                ColumnType.valueOf(n.path("type").asText().toUpperCase(Locale.ROOT))));
        FeatureEncoder encoder = FeatureEncoder.fromJson(JSON.writeValueAsString(meta.path("encoder")));
        Map<String, Double> metrics = new LinkedHashMap<>();
        meta.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        Map<String, String> provenance = new LinkedHashMap<>();
        meta.path("provenance").fields().forEachRemaining(e -> provenance.put(e.getKey(), e.getValue().asText()));
        Optional<String> positive = meta.hasNonNull("positiveLabel")
                ? Optional.of(meta.get("positiveLabel").asText()) : Optional.empty();
        return new TrainedModel(meta.path("family").asText(), task, params, meta.path("target").asText(), labels,
                positive, inputs.build(), encoder, Scaling.valueOf(meta.path("scaling").asText()), typed, metrics,
                provenance);
    }

    private static Object value(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.asText();
    }
}

package org.mlops4j.serving.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mlops4j.core.data.Schema;
import org.mlops4j.models.Predictor;
import org.mlops4j.models.ScoringModel;

/**
 * One loaded model version, ready to score: the model, its input schema and the version it is.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Immutable and
 * thread-safe (a {@link Predictor} is).
 */
public final class ServedModel {

    private final LoadedVersion version;
    private final ScoringModel model;
    private final Predictor predictor;
    private final Schema inputSchema;

    /**
     * @param version which version this is
     * @param model   the loaded model (a Tribuo TrainedModel, an ONNX model, ...)
     */
    public ServedModel(LoadedVersion version, ScoringModel model) {
        this.version = Objects.requireNonNull(version, "version");
        this.model = Objects.requireNonNull(model, "model");
        this.predictor = model.predictor();
        this.inputSchema = model.inputSchema();
    }

    /** @return which version this is */
    public LoadedVersion version() {
        return version;
    }

    /** @return the loaded model, of any flavor */
    public ScoringModel model() {
        return model;
    }

    /** @return scores tables with the model */
    public Predictor predictor() {
        return predictor;
    }

    /** @return the model's input columns and types */
    public Schema inputSchema() {
        return inputSchema;
    }

    /** @return the model's input column names, in its order */
    public List<String> inputColumns() {
        return inputSchema.columnNames();
    }

    /** @return when it was loaded */
    public Instant loadedAt() {
        return version.loadedAt();
    }
}

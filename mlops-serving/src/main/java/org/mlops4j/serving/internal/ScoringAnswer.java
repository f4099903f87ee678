package org.mlops4j.serving.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.models.ColumnImputation;
import org.mlops4j.models.PredictedRow;
import org.mlops4j.models.Predictions;

/**
 * The answer to a scored request, as JSON in MLflow's shape, {@code {"predictions": [...]}}, one entry per request
 * row in request order, with the facts of the response beside it:
 * <pre>
 * {"predictions": [
 *    {"label": "1", "probabilities": {"0": 0.19, "1": 0.81}},                   classification
 *    {"value": 3.25},                                                             regression
 *    {"error": {"row": 2, "column": "tier", "expected": "a finite number", "found": "\"high\"", "message": "..."}}
 *  ],
 *  "model": {"name": "lead-scoring", "version": 3},
 *  "rows": 3, "failed_rows": 1,
 *  "missing_values": {"tier": 1}, "unseen_levels": {"platform": 2}}       per input column, only those above 0
 * </pre>
 * A classifier without probabilities gives its own {@code score} for the label instead (a vote share or margin);
 * {@code missing_values} counts the values the model imputed, {@code unseen_levels} the categorical levels it had not
 * seen in training, over the scored rows.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe.
 */
public final class ScoringAnswer {

    /** Writes doubles with Schubfach rather than {@code Double.toString}: the same text, several times faster. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private ScoringAnswer() {
    }

    /**
     * @param version the version that scored
     * @param scored  the scored request
     * @return the answer's body, UTF-8 JSON
     */
    public static byte[] json(LoadedVersion version, ScoredRequest scored) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 96 * scored.rows());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("predictions");
            for (int row = 0; row < scored.rows(); row++) {
                Optional<RowError> error = scored.error(row);
                if (error.isPresent()) {
                    writeError(json, error.get());
                } else {
                    writePrediction(json, scored.prediction(row).orElseThrow());
                }
            }
            json.writeEndArray();
            json.writeObjectFieldStart("model");
            json.writeStringField("name", version.name());
            json.writeNumberField("version", version.version());
            json.writeEndObject();
            json.writeNumberField("rows", scored.rows());
            json.writeNumberField("failed_rows", scored.failedRows());
            writeCounts(json, "missing_values", scored.predictions(), true);
            writeCounts(json, "unseen_levels", scored.predictions(), false);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void writePrediction(JsonGenerator json, PredictedRow row) throws IOException {
        json.writeStartObject();
        if (row.label().isPresent()) {
            json.writeStringField("label", row.label().get());
            if (row.probabilities().isEmpty()) {
                if (row.score().isPresent()) {
                    json.writeNumberField("score", row.score().getAsDouble());
                }
            } else {
                json.writeObjectFieldStart("probabilities");
                for (Map.Entry<String, Double> p : row.probabilities().entrySet()) {
                    json.writeNumberField(p.getKey(), p.getValue());
                }
                json.writeEndObject();
            }
        } else if (row.score().isPresent()) {
            json.writeNumberField("value", row.score().getAsDouble());
        }
        json.writeEndObject();
    }

    private static void writeError(JsonGenerator json, RowError error) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("error");
        json.writeNumberField("row", error.row());
        if (error.column().isPresent()) {
            json.writeStringField("column", error.column().get());
        }
        json.writeStringField("expected", error.expected());
        json.writeStringField("found", error.found());
        json.writeStringField("message", error.message());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeCounts(JsonGenerator json, String field, Predictions predictions, boolean missing)
            throws IOException {
        json.writeObjectFieldStart(field);
        for (ColumnImputation column : predictions.imputation()) {
            int count = missing ? column.missingValues() : column.unseenLevels();
            if (count > 0) {
                json.writeNumberField(column.column(), count);
            }
        }
        json.writeEndObject();
    }

    /**
     * @param code    MLflow's error code, such as {@code BAD_REQUEST}
     * @param message what is wrong and how to fix it
     * @return MLflow's error body: {@code {"error_code": ..., "message": ...}}
     */
    public static byte[] error(String code, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + message.length());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("error_code", code);
            json.writeStringField("message", message);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }
}

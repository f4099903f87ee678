package org.mlops4j.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.spi.support.Json;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * The description file of a {@link TribuoModelFlavor} folder ({@value TribuoModelFlavor#META_FILE}), format
 * {@value #FORMAT}: this record, camelCase keys in this order, written and read by the shared {@link Json} mapper.
 * A bare Tribuo model has only {@code format}, {@code flavor} and {@code kind}; a {@link TrainedModel} has every key
 * ({@code positiveLabel} only for a binary classifier). Files written before read unchanged (the committed format-1
 * fixtures); keys a file lacks read as absent. Package-private.
 *
 * @param format       the format version
 * @param flavor       the flavor's name
 * @param kind         {@value #TRAINED} or {@value #BARE}
 * @param family       the model family
 * @param task         the task's enum name
 * @param params       the family's parameters: whole numbers, numbers or text
 * @param target       the target column
 * @param classLabels  the class labels
 * @param positiveLabel the positive class of a binary task
 * @param inputColumns the input columns with their types' enum names
 * @param scaling      the scaling's enum name
 * @param encoder      the fitted encoder's columns
 * @param metrics      the metrics by name
 * @param provenance   the flattened provenance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TribuoModelMeta(int format, String flavor, String kind, String family, String task,
                       Map<String, Object> params, String target, List<String> classLabels, String positiveLabel,
                       List<Input> inputColumns, String scaling, List<FeatureEncoder.ColumnEncoding> encoder,
                       Map<String, Double> metrics, Map<String, String> provenance) {

    static final int FORMAT = 1;
    static final String TRAINED = "trained-model";
    static final String BARE = "tribuo-model";

    /**
     * One input column.
     *
     * @param name the column
     * @param type its type's enum name, such as {@code NUMERIC}
     */
    record Input(String name, String type) {
    }

    /** @return the description of a bare Tribuo model */
    static TribuoModelMeta bare() {
        return new TribuoModelMeta(FORMAT, TribuoModelFlavor.NAME, BARE, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /**
     * @param m a trained model
     * @return its description
     */
    static TribuoModelMeta of(TrainedModel m) {
        return new TribuoModelMeta(FORMAT, TribuoModelFlavor.NAME, TRAINED, m.family(), m.task().name(), m.params(),
                m.target(), m.classLabels(), m.positiveLabel().orElse(null),
                m.inputSchema().columns().stream().map(c -> new Input(c.name(), c.type().orElseThrow().name()))
                        .toList(),
                m.scaling().name(), m.encoder().columns(), m.metrics(), m.provenance());
    }

    /**
     * @param json the file's text
     * @param file the file, for messages
     * @return the description; absent keys are {@code null}
     * @throws org.mlops4j.core.DataException when the text is not JSON or a key has the wrong type
     */
    static TribuoModelMeta read(String json, Path file) {
        return Json.readLenient(json, TribuoModelMeta.class, file.toString());
    }

    /** @return the file's text, indented */
    String write() {
        return Json.writePretty(this);
    }

    /** @return whether it is of this format and flavor */
    boolean readable() {
        return format == FORMAT && TribuoModelFlavor.NAME.equals(flavor);
    }

    /**
     * @param tribuo the Tribuo model saved beside
     * @return the trained model it describes
     */
    TrainedModel toModel(Model<?> tribuo) {
        TaskType type = TaskType.valueOf(task);
        Model<?> typed = type == TaskType.CLASSIFICATION ? tribuo.castModel(Label.class)
                : tribuo.castModel(Regressor.class);
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach((key, value) -> values.put(key, param(value)));
        Schema.Builder inputs = Schema.builder();
        inputColumns.forEach(c -> inputs.column(c.name(), ColumnType.valueOf(c.type().toUpperCase(Locale.ROOT))));
        return new TrainedModel(family, type, values, target, classLabels, Optional.ofNullable(positiveLabel),
                inputs.build(), new FeatureEncoder(encoder), Scaling.valueOf(scaling), typed, metrics, provenance);
    }

    /** @return a whole number as an int, another number as a double, anything else as text (as format 1 reads) */
    private static Object param(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).intValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return String.valueOf(value);
    }
}

package org.mlops4j.core.spi.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;

/**
 * The one Jackson configuration for mlops4j's own JSON documents, shared by every module: a document is a record (or
 * a few nested records) that this mapper writes and reads, not a tree built key by key.
 *
 * <p>The configuration: Java time types as ISO-8601 text ({@code 2024-05-01T10:15:30.123Z}, through
 * {@code jackson-datatype-jsr310}, already one of {@code mlops-core}'s jars); property names as the record's
 * components (camelCase) unless the record says otherwise, for example
 * {@code @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)} for the snake_case documents; properties in
 * the record's component order; a {@code double} that is not finite (NaN, infinities) written as {@code null}, and a
 * {@code null} read into a {@code double} as NaN; every creator property required (a missing key is an error naming
 * it); a {@code null} for another primitive is an error; a duplicate key is an error; unknown keys are ignored, so a
 * file written by a newer version still reads. Documents whose keys may be absent in files written earlier are read
 * with {@link #readLenient(String, Class, String)}.
 *
 * <p>Hand-written tree mapping stays only where the shape is not ours (Evidently's report layout, MLflow's meta
 * files) or where a user-written file needs messages that databind cannot give; such classes say so in their javadoc.
 *
 * <p>For mlops4j's modules and plugin authors; stable. Thread-safe: the mapper is configured once and never changed.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("mlops4j-finite-numbers")
                    .addSerializer(Double.class, new FiniteOrNull())
                    .addSerializer(Double.TYPE, new FiniteOrNull())
                    .addDeserializer(Double.TYPE, new NumberDeserializers.DoubleDeserializer(Double.class,
                            Double.NaN)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /**
     * @param document a record (or a map, list or value)
     * @return its JSON text on one line
     * @throws MlopsException when Jackson cannot write it (a programming error: a type it cannot serialise)
     */
    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new MlopsException("Cannot write " + document.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param document a record (or a map, list or value)
     * @return its JSON text indented by two spaces, without a final line break
     * @throws MlopsException when Jackson cannot write it (a programming error: a type it cannot serialise)
     */
    public static String writePretty(Object document) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new MlopsException("Cannot write " + document.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a document; every key of the record must be present.
     *
     * @param json   the text
     * @param type   the document's record type
     * @param source what the text is, for the message (a file, or a name such as {@code policy decision JSON})
     * @param <T>    the type
     * @return the document
     * @throws DataException when the text is not JSON or not such a document, naming the source, the line and the
     *                       field's path (such as {@code drift.drifted_columns[0]})
     */
    public static <T> T read(String json, Class<T> type, String source) {
        return read(MAPPER.readerFor(type), json, source);
    }

    /**
     * Reads a document in which keys may be absent (files written before a key existed): an absent key gives
     * {@code null}, NaN for a {@code double}, {@code 0} or {@code false}, which the record's constructor may replace
     * by its default.
     *
     * @param json   the text
     * @param type   the document's record type
     * @param source what the text is, for the message
     * @param <T>    the type
     * @return the document
     * @throws DataException when the text is not JSON or not such a document, naming the source, line and field
     */
    public static <T> T readLenient(String json, Class<T> type, String source) {
        return read(lenientReader(type), json, source);
    }

    /**
     * @param type the document's record type
     * @return a reader that accepts absent keys (see {@link #readLenient(String, Class, String)})
     */
    public static ObjectReader lenientReader(Class<?> type) {
        return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * Reads any JSON text into a tree, for the classes that map a foreign or user-written shape by hand (see the
     * class comment); duplicate keys are rejected. Write such a tree with {@link #write(Object)} or
     * {@link #writePretty(Object)}.
     *
     * @param json the text
     * @return its tree; a {@code MissingNode} for empty text
     * @throws JsonProcessingException when the text is not JSON, with Jackson's location, for the caller's message
     */
    public static JsonNode readTree(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    private static <T> T read(ObjectReader reader, String json, String source) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw problem(e, source);
        }
    }

    /** @return Jackson's message without its location, with the source, the line and the field's path */
    private static DataException problem(JsonProcessingException e, String source) {
        String path = e instanceof JsonMappingException m ? path(m) : "";
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String what = path.isEmpty() ? "Not JSON or not the expected document: " : "Cannot read '" + path + "': ";
        return new DataException(what + e.getOriginalMessage(), source, line, path.isEmpty() ? null : path, null, e);
    }

    /** @return the field's path such as {@code drift.drifted_columns[0]}, or empty */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** Writes a finite number as such and NaN or an infinity as {@code null}. */
    private static final class FiniteOrNull extends StdSerializer<Double> {

        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                out.writeNumber(value);
            } else {
                out.writeNull();
            }
        }
    }
}

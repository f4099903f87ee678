package org.mlops4j.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.ColumnSpec;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.spi.support.AtomicFiles;

/**
 * MLflow's {@value #FILE_NAME} file: the flavors a logged model can be loaded with (each with its own settings, such
 * as the {@code onnx} flavor's {@code data: model.onnx}), its signature and where it came from. mlops4j reads it to
 * pick a flavor it can run and to take the signature's columns as the model's input schema, and writes it beside
 * the models it logs, so that MLflow's UI lists their flavor and signature.
 *
 * <p>The signature's {@code inputs} is, as MLflow writes it, a JSON list in a YAML string: column specs
 * ({@code {"type": "double", "name": "age", "required": true}}; types {@code boolean, integer, long, float, double,
 * string, binary, datetime}) or tensor specs ({@code {"type": "tensor", "tensor-spec": {"dtype": "float32",
 * "shape": [-1, 3]}}}), which name no columns.
 *
 * @param flavors        the flavors by name, in the file's order, each with its settings as a JSON tree
 * @param signatureInput the signature's inputs as MLflow's JSON text; empty when the model has no signature
 * @param fields         every other top-level field ({@code artifact_path}, {@code run_id}, {@code mlflow_version},
 *                       {@code utc_time_created}, ...), kept as read
 */
public record MlflowModelFile(Map<String, JsonNode> flavors, Optional<String> signatureInput,
        Map<String, JsonNode> fields) {

    /** The file's name in a model folder. */
    public static final String FILE_NAME = "MLmodel";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the maps, keeping their order. */
    public MlflowModelFile {
        flavors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flavors));
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * @param folder a model folder
     * @return whether it holds an {@value #FILE_NAME} file
     */
    public static boolean isIn(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME));
    }

    /**
     * @param folder a model folder MLflow (or mlops4j) logged
     * @return its {@value #FILE_NAME} file
     * @throws MlopsException naming the file when it is missing, not YAML or has no {@code flavors} mapping
     */
    public static MlflowModelFile read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MlopsException("Cannot read " + file + " (MLflow's model description): " + e.getMessage(), e);
        }
        if (root == null || !root.path("flavors").isObject()) {
            throw new MlopsException(file + " has no 'flavors' mapping; expected MLflow's MLmodel format "
                    + "(flavors: {<name>: {...}}, signature: {inputs: '[...]'})");
        }
        Map<String, JsonNode> flavors = new LinkedHashMap<>();
        root.get("flavors").fields().forEachRemaining(e -> flavors.put(e.getKey(), e.getValue()));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("flavors") && !e.getKey().equals("signature")) {
                fields.put(e.getKey(), e.getValue());
            }
        });
        JsonNode inputs = root.path("signature").path("inputs");
        return new MlflowModelFile(flavors, inputs.isTextual() ? Optional.of(inputs.asText()) : Optional.empty(),
                fields);
    }

    /**
     * @param flavor   the flavor's name
     * @param settings its settings, such as {@code data: model.onnx}
     * @param input    the model's input columns, written as the signature's column specs
     * @param fields   other top-level fields, such as {@code artifact_path} and {@code run_id}
     * @return the description of a model mlops4j logs
     */
    public static MlflowModelFile of(String flavor, Map<String, ?> settings, Schema input, Map<String, ?> fields) {
        Map<String, JsonNode> top = new LinkedHashMap<>();
        fields.forEach((k, v) -> top.put(k, JSON.valueToTree(v)));
        return new MlflowModelFile(Map.of(flavor, JSON.valueToTree(settings)), Optional.of(signature(input)), top);
    }

    /** @return the flavors' names, in the file's order */
    public List<String> flavorNames() {
        return List.copyOf(flavors.keySet());
    }

    /**
     * @param flavor a flavor's name
     * @param key    one of its settings, such as {@code data}
     * @return the setting as text, if the flavor has it
     */
    public Optional<String> setting(String flavor, String key) {
        JsonNode value = flavors.getOrDefault(flavor, JsonNodeFactory.instance.nullNode()).path(key);
        return value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * @return the signature's input columns as a schema (MLflow's numbers numeric, strings categorical, booleans
     *         boolean, datetimes timestamp); empty when there is no signature or it is tensor-based (no column
     *         names)
     * @throws MlopsException naming the spec when the signature is not MLflow's JSON or names an unknown type
     */
    public Optional<Schema> inputSchema() {
        if (signatureInput.isEmpty()) {
            return Optional.empty();
        }
        JsonNode specs;
        try {
            specs = JSON.readTree(signatureInput.get());
        } catch (JsonProcessingException e) {
            throw new MlopsException("The MLmodel signature's inputs are not JSON: " + e.getOriginalMessage(), e);
        }
        Schema.Builder schema = Schema.builder();
        for (JsonNode spec : specs) {
            if (!spec.hasNonNull("name") || "tensor".equals(spec.path("type").asText())) {
                return Optional.empty();
            }
            schema.column(ColumnSpec.of(spec.get("name").asText(), columnType(spec)));
        }
        return Optional.of(schema.build());
    }

    /** @return the file's YAML text, as MLflow writes it (the signature's inputs as a JSON string) */
    public String toYaml() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        fields.forEach(root::set);
        ObjectNode flavorNode = root.putObject("flavors");
        flavors.forEach(flavorNode::set);
        signatureInput.ifPresent(inputs -> {
            ObjectNode signature = root.putObject("signature");
            signature.put("inputs", inputs);
            signature.putNull("outputs");
            signature.putNull("params");
        });
        try {
            return YAML.writeValueAsString(sorted(root));
        } catch (JsonProcessingException e) {
            throw new MlopsException("Cannot write an MLmodel file: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes the file into a folder, atomically.
     *
     * @param folder the model folder
     * @throws MlopsException naming the file when it cannot be written
     */
    public void writeTo(Path folder) {
        byte[] yaml = toYaml().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(folder.resolve(FILE_NAME), out -> out.write(yaml));
        } catch (java.io.UncheckedIOException e) {
            throw new MlopsException("Cannot write " + folder.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    private static String signature(Schema input) {
        ArrayNode specs = JsonNodeFactory.instance.arrayNode();
        for (ColumnSpec column : input.columns()) {
            ObjectNode spec = specs.addObject();
            spec.put("type", mlflowType(column.type().orElse(ColumnType.TEXT)));
            spec.put("name", column.name());
            spec.put("required", true);
        }
        return specs.toString();
    }

    private static String mlflowType(ColumnType type) {
        return switch (type) {
            case NUMERIC -> "double";
            case BOOLEAN -> "boolean";
            case TIMESTAMP -> "datetime";
            case CATEGORICAL, TEXT -> "string";
        };
    }

    private static ColumnType columnType(JsonNode spec) {
        String type = spec.path("type").asText();
        return switch (type) {
            case "double", "float", "long", "integer" -> ColumnType.NUMERIC;
            case "string" -> ColumnType.CATEGORICAL;
            case "boolean" -> ColumnType.BOOLEAN;
            case "datetime" -> ColumnType.TIMESTAMP;
            default -> throw new MlopsException("The MLmodel signature gives column '" + spec.path("name").asText()
                    + "' the type '" + type + "', which mlops4j cannot take as a column (expected boolean, integer,"
                    + " long, float, double, string or datetime); give the input schema as a file instead");
        };
    }

    /** MLflow writes its keys sorted (PyYAML's default); so does this, for files that diff cleanly. */
    private static ObjectNode sorted(ObjectNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        names.sort(null);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String name : names) {
            JsonNode value = node.get(name);
            out.set(name, value instanceof ObjectNode object ? sorted(object) : value);
        }
        return out;
    }
}

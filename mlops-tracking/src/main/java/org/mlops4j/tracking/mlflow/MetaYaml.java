package org.mlops4j.tracking.mlflow;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code meta.yaml} file of MLflow's file store: a flat YAML mapping that Python's {@code yaml.safe_dump} wrote
 * ({@code mlflow/utils/file_utils.py}, {@code write_yaml}). Values are read leniently, as MLflow's readers do: ids
 * written as integers by old versions are read as text, {@code null} and missing fields alike are absent.
 */
record MetaYaml(Path file, JsonNode fields) {

    /** The file name MLflow gives every meta file ({@code FileStore.META_DATA_FILE_NAME}). */
    static final String FILE_NAME = "meta.yaml";

    private static final ObjectMapper YAML = new YAMLMapper();

    /**
     * Reads the meta file of a folder.
     *
     * @param folder an experiment, run, registered model or model version folder
     * @return its fields
     * @throws MalformedFolderException when the file is missing, empty, not YAML or not a mapping
     */
    static MetaYaml of(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        JsonNode fields;
        try {
            fields = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new MalformedFolderException(folder, "it has no " + FILE_NAME);
        } catch (JacksonException e) {
            throw new MalformedFolderException(folder, FILE_NAME + " is not YAML: "
                    + e.getOriginalMessage().replaceAll("\\s+", " ").trim());
        } catch (IOException e) {
            throw new MalformedFolderException(folder, FILE_NAME + " cannot be read: " + e);
        }
        if (fields == null || !fields.isObject()) {
            throw new MalformedFolderException(folder, FILE_NAME + " holds no mapping of fields");
        }
        return new MetaYaml(file, fields);
    }

    /**
     * @param name a field
     * @return its value as text (numbers in their decimal form), when present and not {@code null}
     */
    Optional<String> text(String name) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? Optional.empty()
                : Optional.of(value.asText());
    }

    /**
     * @param name a field
     * @return its value as text
     * @throws MalformedFolderException when it is missing or {@code null}
     */
    String required(String name) {
        return text(name).orElseThrow(() -> new MalformedFolderException(file.getParent(), FILE_NAME
                + " has no field '" + name + "'"));
    }

    /**
     * @param name a field holding whole milliseconds, such as {@code start_time}
     * @return its value, when present, not {@code null} and a whole number
     */
    OptionalLong millis(String name) {
        JsonNode value = fields.get(name);
        if (value != null && value.canConvertToLong() && value.isIntegralNumber()) {
            return OptionalLong.of(value.longValue());
        }
        if (value != null && value.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(value.textValue().trim()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}

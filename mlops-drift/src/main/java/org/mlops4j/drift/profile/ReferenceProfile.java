package org.mlops4j.drift.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.spi.support.Json;

/**
 * Reference statistics computed once (typically from the training data), saved as JSON, and reused against many
 * current windows: each window is profiled with the reference's options and compared with {@link #compare}.
 *
 * <pre>{@code
 * ReferenceProfile.of("leads-2024-q1", trainingTable).save(Path.of("reference.json"));
 * // later, in another process:
 * ReferenceProfile reference = ReferenceProfile.load(Path.of("reference.json"));
 * ProfileDriftReport drift = reference.compare(lastHour);
 * }</pre>
 *
 * @param name      a name for the reference, such as the data set and its period
 * @param createdAt when the reference was computed
 * @param metadata  free-form labels (model version, data hash, source)
 * @param profile   the profile
 */
public record ReferenceProfile(String name, Instant createdAt, Map<String, String> metadata, TableProfile profile) {

    static final String FORMAT = "mlops4j-reference-profile";

    /** Checks the fields and copies the metadata. */
    public ReferenceProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(profile, "profile");
        metadata = Map.copyOf(metadata);
    }

    /**
     * @param name    a name for the reference
     * @param profile a profile computed now
     * @return the reference, created now, without metadata
     */
    public static ReferenceProfile of(String name, TableProfile profile) {
        return new ReferenceProfile(name, Instant.now(), Map.of(), profile);
    }

    /**
     * @param name  a name for the reference
     * @param table the reference data
     * @return the reference profile of the table with the default options
     */
    public static ReferenceProfile of(String name, Table table) {
        return of(name, TableProfile.of(table));
    }

    /**
     * @param current the current window's profile
     * @return the drift of every column, with the default options
     */
    public ProfileDriftReport compare(TableProfile current) {
        return ProfileDrift.compare(profile, current);
    }

    /**
     * @param current the current window's profile
     * @param options binning and thresholds
     * @return the drift of every column
     */
    public ProfileDriftReport compare(TableProfile current, ProfileDriftOptions options) {
        return ProfileDrift.compare(profile, current, options);
    }

    /**
     * Profiles the current window with the reference's options and compares it.
     *
     * @param current the current window's rows
     * @return the drift of every column, with the default options
     */
    public ProfileDriftReport compare(Table current) {
        return compare(TableProfile.of(current, profile.options()));
    }

    /** @return the JSON form: name, creation time, metadata and the profile */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("name", name);
        root.put("createdAt", createdAt.toString());
        ObjectNode labels = root.putObject("metadata");
        metadata.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> labels.put(e.getKey(), e.getValue()));
        root.set("profile", TableProfileJson.toNode(profile));
        return Json.write(root) + "\n";
    }

    /**
     * Writes the JSON form crash-safely (a temporary file, then an atomic rename).
     *
     * @param file the file to create or replace
     */
    public void save(Path file) {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * @param file a file written by {@link #save(Path)}
     * @return the reference profile
     * @throws ProfileFormatException when the file is not a valid reference profile
     * @throws UncheckedIOException   when it cannot be read
     */
    public static ReferenceProfile load(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference profile " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param json the JSON form written by {@link #toJson()}
     * @return the reference profile
     * @throws ProfileFormatException when the JSON is not a valid reference profile
     */
    public static ReferenceProfile fromJson(String json) {
        return fromJson(json, "JSON text");
    }

    private static ReferenceProfile fromJson(String json, String source) {
        JsonNode root;
        try {
            root = Json.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProfileFormatException("Invalid reference profile in " + source + ": not well-formed JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new ProfileFormatException("Invalid reference profile in " + source + ": expected a JSON object"
                    + " with format '" + FORMAT + "'");
        }
        if (root.path("version").asInt(-1) != 1) {
            throw new ProfileFormatException("Invalid reference profile in " + source + ": key 'version' is "
                    + root.get("version") + "; this library reads version 1");
        }
        String name = root.path("name").asText("");
        Instant createdAt;
        try {
            createdAt = Instant.parse(root.path("createdAt").asText(""));
        } catch (DateTimeParseException e) {
            throw new ProfileFormatException("Invalid reference profile in " + source + ": key 'createdAt' is "
                    + root.get("createdAt") + "; expected an ISO-8601 instant such as 2024-05-01T12:00:00Z", e);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.path("metadata").properties()) {
            metadata.put(field.getKey(), field.getValue().asText());
        }
        TableProfile profile;
        try {
            profile = TableProfileJson.fromNode(root.get("profile"));
        } catch (ProfileFormatException e) {
            throw new ProfileFormatException("Invalid reference profile in " + source + ", key 'profile': "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ProfileFormatException("Invalid reference profile in " + source + ": a sketch does not decode ("
                    + e.getMessage() + ")", e);
        }
        return new ReferenceProfile(name, createdAt, metadata, profile);
    }
}

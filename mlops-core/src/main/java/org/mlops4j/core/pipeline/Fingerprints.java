package org.mlops4j.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.core.pipeline.internal.PipelineJson;

/**
 * Computes a step's fingerprint: the SHA-256 of a canonical JSON document holding the step's name, type, version,
 * parameters and the fingerprints of the steps it depends on, keyed by input name and by {@code after} step. Map keys
 * are sorted at every level; when JSON cannot write a parameter, the parameters are taken as text.
 */
final class Fingerprints {

    private static final ObjectWriter COMPACT = PipelineJson.MAPPER.writer()
            .without(SerializationFeature.INDENT_OUTPUT);

    private Fingerprints() {
    }

    /**
     * @param step                 the step
     * @param inputFingerprints    for each input, the fingerprint of the step that outputs it
     * @param afterFingerprints    for each {@code after} step, its fingerprint
     * @return the fingerprint, 64 lower-case hex digits
     */
    public static String of(Step step, Map<String, String> inputFingerprints, Map<String, String> afterFingerprints) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", step.name());
        document.put("type", step.type());
        document.put("version", step.version());
        document.put("parameters", step.parameters());
        document.put("inputs", inputFingerprints);
        document.put("after", afterFingerprints);
        String text;
        try {
            text = COMPACT.writeValueAsString(document);
        } catch (JsonProcessingException | RuntimeException e) {
            Map<String, String> asText = new TreeMap<>();
            step.parameters().forEach((k, v) -> asText.put(k, String.valueOf(v)));
            document.put("parameters", asText);
            text = canonicalText(document);
        }
        return sha256(text);
    }

    /**
     * @param text any text
     * @return its SHA-256, lower-case hex
     */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String canonicalText(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a fingerprint document: " + e.getMessage(), e);
        }
    }
}

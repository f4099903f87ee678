package org.mlops4j.core.spi.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML text into a JSON tree, for the documents mlops4j reads in either form (pipeline files, check suites).
 * YAML support is optional: {@code com.fasterxml.jackson.dataformat:jackson-dataformat-yaml} is an optional
 * dependency of mlops-core, so call {@link #read} only after {@link #available()} said the YAML mapper is on the class
 * path, and otherwise name {@link #ARTIFACT} in the message. Thread-safe.
 */
public final class YamlTrees {

    /** The artifact that brings YAML support, for messages. */
    public static final String ARTIFACT = "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml";

    private static final String MAPPER_CLASS = "com.fasterxml.jackson.dataformat.yaml.YAMLMapper";

    private YamlTrees() {
    }

    /** @return whether jackson-dataformat-yaml is on the class path */
    public static boolean available() {
        try {
            Class.forName(MAPPER_CLASS, false, YamlTrees.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * @param text YAML text
     * @return its tree
     * @throws JsonProcessingException when the text is not YAML
     */
    public static JsonNode read(String text) throws JsonProcessingException {
        return Holder.YAML.readTree(text);
    }

    /** Creates the mapper only when YAML is read. */
    private static final class Holder {
        static final ObjectMapper YAML = new YAMLMapper();
    }
}

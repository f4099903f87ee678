package org.mlops4j.examples.leadscoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;

/**
 * Where the case study's reference files come from: the copies bundled in this module (resources under
 * {@code leadscoring/}) or a folder that holds files of the same names. Package-private: the public way in is
 * {@link LeadScoringMappings} and {@link LeadScoringSchemas}.
 */
final class CaseStudyFiles {

    static final String CITY_TIERS = "city_tier_mapping.csv";
    static final String SIGNIFICANT_LEVELS = "significant_levels.csv";
    static final String INTERACTIONS = "interaction_mapping.csv";
    static final String SCHEMAS = "schemas.json";

    private static final String RESOURCE_FOLDER = "/leadscoring/";

    private CaseStudyFiles() {
    }

    /** Reads a small CSV of the case study with every column as text (the reader copes with a BOM and CRLF). */
    static Table readCsv(Path folder, String name) {
        CsvReader reader = CsvReader.builder().defaultType(ColumnType.TEXT).build();
        if (folder != null) {
            return reader.read(requireFile(folder, name));
        }
        try (InputStream in = resource(name)) {
            return reader.read(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + RESOURCE_FOLDER
                    + name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled case-study file " + name + ": " + e, e);
        }
    }

    /** Reads a text file of the case study. */
    static String readText(Path folder, String name) {
        try {
            if (folder != null) {
                return Files.readString(requireFile(folder, name), StandardCharsets.UTF_8);
            }
            try (InputStream in = resource(name)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the case-study file " + name + ": " + e, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = CaseStudyFiles.class.getResourceAsStream(RESOURCE_FOLDER + name);
        if (in == null) {
            throw new ConfigurationException("The bundled case-study file " + RESOURCE_FOLDER + name + " is missing"
                    + " from the class path; the mlops-examples jar is incomplete");
        }
        return in;
    }

    private static Path requireFile(Path folder, String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("Expected the case-study file " + name + " in " + folder.toAbsolutePath()
                    + " but it is not there; copy it there or use the bundled files");
        }
        return file;
    }
}

package org.mlops4j.examples.leadscoring;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ColumnSpec;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.SchemaException;
import org.mlops4j.core.spi.support.Json;

/**
 * The case study's two schemas, {@code raw_data_schema} (45 columns) and {@code model_input_schema} (7 columns), as
 * lists of column names, and the names-only {@link Schema}s its checks use. Inference data has no target column, so
 * the inference variants leave {@link #TARGET} out.
 *
 * @param rawColumns        the raw data's columns, in order, with the target last
 * @param modelInputColumns the model input's columns, in order, with the target last
 */
public record LeadScoringSchemas(List<String> rawColumns, List<String> modelInputColumns) {

    /** The target column: 1 when the lead completed an application. */
    public static final String TARGET = "app_complete_flag";

    /** Copies the lists. */
    public LeadScoringSchemas {
        rawColumns = List.copyOf(rawColumns);
        modelInputColumns = List.copyOf(modelInputColumns);
    }

    /** @return the schemas bundled with this module (a copy of the case study's {@code schemas.json}) */
    public static LeadScoringSchemas bundled() {
        return parse(CaseStudyFiles.readText(null, CaseStudyFiles.SCHEMAS), "classpath:/leadscoring/schemas.json");
    }

    /**
     * @param folder a folder with {@code schemas.json}
     * @return the schemas in it
     * @throws SchemaException when the file lacks one of the two lists or is not JSON
     */
    public static LeadScoringSchemas fromFolder(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return parse(CaseStudyFiles.readText(folder, CaseStudyFiles.SCHEMAS), folder.resolve(CaseStudyFiles.SCHEMAS)
                .toString());
    }

    private static LeadScoringSchemas parse(String json, String source) {
        SchemasFile file;
        try {
            file = Json.readLenient(json, SchemasFile.class, source);
        } catch (DataException e) {
            throw new SchemaException("Cannot read " + source + " as JSON: " + e.getMessage(), e);
        }
        return new LeadScoringSchemas(names(file.rawDataSchema(), "raw_data_schema", source),
                names(file.modelInputSchema(), "model_input_schema", source));
    }

    private static List<String> names(List<String> list, String key, String source) {
        if (list == null) {
            throw new SchemaException("Expected a list of column names under \"" + key + "\" in " + source);
        }
        return list;
    }

    /** The case study's {@code schemas.json}: its two lists of column names (other keys are ignored). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record SchemasFile(List<String> rawDataSchema, List<String> modelInputSchema) {
    }

    /**
     * @param inference whether the data is inference data, without the target
     * @return the raw columns expected, in order
     */
    public List<String> rawColumns(boolean inference) {
        return inference ? withoutTarget(rawColumns) : rawColumns;
    }

    /**
     * @param inference whether the data is inference data, without the target
     * @return the model input columns expected, in order
     */
    public List<String> modelInputColumns(boolean inference) {
        return inference ? withoutTarget(modelInputColumns) : modelInputColumns;
    }

    /**
     * @param inference whether the data is inference data, without the target
     * @return the check {@code raw_data_schema_check} applies: exactly these columns, in this order, any type
     */
    public Schema rawSchema(boolean inference) {
        return Schema.ofNames(rawColumns(inference));
    }

    /**
     * The check {@code raw_data_schema_check} applies when it also checks values: exactly these columns, in this
     * order; the columns given must hold numbers (or nulls), the others any type. A value that is not a number is a
     * row-level violation naming its row and value, not a table-level type problem.
     *
     * @param inference      whether the data is inference data, without the target
     * @param numericColumns the columns that must hold numbers, such as {@link LeadDataTransforms#numericColumns()};
     *                       names the raw schema lacks are ignored
     * @return the schema
     */
    public Schema rawSchema(boolean inference, Collection<String> numericColumns) {
        List<String> names = rawColumns(inference);
        Schema.Builder schema = Schema.ofNames(names).toBuilder();
        numericColumns.stream().filter(names::contains)
                .forEach(name -> schema.replace(ColumnSpec.of(name, ColumnType.NUMERIC)));
        return schema.build();
    }

    /**
     * @param inference whether the data is inference data, without the target
     * @return the check {@code model_input_schema_check} applies: exactly these columns, in this order, any type
     */
    public Schema modelInputSchema(boolean inference) {
        return Schema.ofNames(modelInputColumns(inference));
    }

    private static List<String> withoutTarget(List<String> columns) {
        return columns.stream().filter(c -> !c.equals(TARGET)).toList();
    }
}

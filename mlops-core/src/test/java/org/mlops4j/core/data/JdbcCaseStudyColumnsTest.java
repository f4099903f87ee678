package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case study's 45 raw columns through a SQLite table and back. It stays beside the schema file it reads; the
 * JDBC table contract itself runs from mlops-tck.
 */
class JdbcCaseStudyColumnsTest {

    @TempDir
    Path folder;

    @Test
    void theCaseStudysRawColumnsRoundTrip() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/leadscoring/schemas.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        List<Column> columns = new ArrayList<>();
        for (JsonNode name : schema.get("raw_data_schema")) {
            String column = name.asText();
            columns.add(switch (column) {
                case "created_date" -> TimestampColumn.of(column, Instant.parse("2021-11-19T15:25:38Z"), null);
                case "city_mapped", "first_platform_c", "first_utm_medium_c", "first_utm_source_c" ->
                        CategoricalColumn.of(column, "ghazipur", null);
                default -> NumericColumn.ofNullable(column, 1.0, null);
            });
        }
        Table raw = Table.of(columns);
        JdbcDatabase db = JdbcDatabase.of("jdbc:sqlite:" + folder.resolve("pipeline.db"));

        db.writeTable(raw, "loaded_data", JdbcWriteMode.REPLACE);

        Table back = db.readTable("loaded_data");
        assertEquals(45, back.columnCount());
        assertEquals(raw, back);
    }
}

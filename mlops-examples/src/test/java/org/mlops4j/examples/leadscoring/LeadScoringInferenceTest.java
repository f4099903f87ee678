package org.mlops4j.examples.leadscoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;

/** The inference pipeline's check of a batch against the Production version's registered input schema. */
class LeadScoringInferenceTest {

    private static final Instant AT = Instant.parse("2026-05-01T00:00:00Z");

    private static ModelVersion version(Optional<Schema> schema) {
        return new ModelVersion("lead-scoring", 3, AT, AT, ModelStage.PRODUCTION, "runs:/r1/model", Optional.of("r1"),
                schema, "", Map.of(), Set.of());
    }

    private static final ModelVersion PRODUCTION = version(Optional.of(Schema.builder()
            .column("city_tier", ColumnType.NUMERIC).column("first_platform_c", ColumnType.TEXT).build()));

    @Test
    void acceptsABatchWithEveryFeatureOfItsTypeCategoricalStandingForText() {
        LeadScoringInference.checkInputFeatures(PRODUCTION, Table.of(NumericColumn.of("city_tier", 1),
                CategoricalColumn.of("first_platform_c", "Level0"), NumericColumn.of("extra", 2)), "batch.db");
    }

    @Test
    void refusesAFeatureOfAnotherTypeNamingTheColumnTheExpectedAndTheFoundType() {
        DataException e = assertThrows(DataException.class, () -> LeadScoringInference.checkInputFeatures(PRODUCTION,
                Table.of(TextColumn.of("city_tier", "tier 1"), TextColumn.of("first_platform_c", "Level0")),
                "batch.db#model_input"));

        assertEquals("city_tier", e.column().orElseThrow());
        assertEquals("Model lead-scoring version 3 expects column 'city_tier' to be numeric but the table's column "
                + "is text; convert the column to numeric before scoring (batch.db#model_input, column 'city_tier')",
                e.getMessage());
    }

    @Test
    void refusesABatchLackingFeaturesAndAVersionWithoutASchema() {
        DataException missing = assertThrows(DataException.class, () -> LeadScoringInference.checkInputFeatures(
                PRODUCTION, Table.of(NumericColumn.of("other", 1)), "batch.db"));
        DataException none = assertThrows(DataException.class, () -> LeadScoringInference.checkInputFeatures(
                version(Optional.empty()), Table.of(NumericColumn.of("city_tier", 1)), "batch.db"));

        assertTrue(missing.getMessage().contains("[city_tier, first_platform_c]"), missing.getMessage());
        assertTrue(none.getMessage().contains("has no registered input schema"), none.getMessage());
    }
}

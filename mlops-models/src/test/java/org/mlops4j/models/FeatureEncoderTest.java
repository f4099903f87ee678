package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;

class FeatureEncoderTest {

    private static final List<String> FEATURES = List.of("age", "city", "member");

    private static Table training() {
        return Table.of(
                NumericColumn.ofNullable("age", 10.0, 20.0, null, 40.0, 100.0),
                CategoricalColumn.of("city", "paris", "paris", "lyon", null, "nice"),
                BooleanColumn.of("member", true, null, true, false, true));
    }

    @Test
    void imputesNumbersWithTheTrainingMedianAndCategoriesWithTheMostFrequentLevel() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), FEATURES, PreprocessingOptions.defaults());
        Table serving = Table.of(NumericColumn.ofNullable("age", (Double) null),
                CategoricalColumn.of("city", (String) null), BooleanColumn.of("member", (Boolean) null));
        EncodedRows rows = encoder.encode(serving, Scaling.NONE);
        assertArrayEquals(new String[] {"age", "city=paris", "member"}, rows.featureNames(0));
        assertArrayEquals(new double[] {30.0, 1.0, 1.0}, rows.values(0)); // median of 10, 20, 40, 100
    }

    @Test
    void unseenLevelGivesNoFeatureWithoutGroupingAndTheOtherLevelWithIt() {
        Table serving = Table.of(NumericColumn.of("age", 5), CategoricalColumn.of("city", "marseille"),
                BooleanColumn.of("member", false));
        EncodedRows plain = FeatureEncoder.fit(training(), FEATURES, PreprocessingOptions.defaults())
                .encode(serving, Scaling.NONE);
        assertArrayEquals(new String[] {"age", "member"}, plain.featureNames(0));
        FeatureEncoder grouping = FeatureEncoder.fit(training(), FEATURES,
                PreprocessingOptions.defaults().withRareLevelThreshold(0.3));
        // lyon and nice occur in 1 of 5 rows (< 30 %) and are grouped; paris (2 of 5) is kept
        assertEquals(List.of("paris", FeatureEncoder.OTHER_LEVEL), grouping.columns().get(1).levels());
        EncodedRows grouped = grouping.encode(serving, Scaling.NONE);
        assertArrayEquals(new String[] {"age", "city=" + FeatureEncoder.OTHER_LEVEL, "member"},
                grouped.featureNames(0));
    }

    @Test
    void missingLevelImputationMakesAFeatureOfItsOwn() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), FEATURES,
                PreprocessingOptions.defaults().withCategoricalImputation(
                        PreprocessingOptions.CategoricalImputation.MISSING_LEVEL));
        EncodedRows rows = encoder.encode(training(), Scaling.NONE);
        assertArrayEquals(new String[] {"age", "city=" + FeatureEncoder.MISSING_LEVEL, "member"},
                rows.featureNames(3));
    }

    @Test
    void standardScalingTouchesOnlyNumericColumnsAndNeverMakesNaN() {
        Table constant = Table.of(NumericColumn.of("age", 3, 3, 3), CategoricalColumn.of("city", "a", "a", "a"),
                BooleanColumn.of("member", true, true, true));
        EncodedRows rows = FeatureEncoder.fit(constant, FEATURES, PreprocessingOptions.defaults())
                .encode(constant, Scaling.STANDARD);
        assertArrayEquals(new double[] {0.0, 1.0, 1.0}, rows.values(0));
        EncodedRows scaled = FeatureEncoder.fit(training(), FEATURES, PreprocessingOptions.defaults())
                .encode(training(), Scaling.STANDARD);
        double mean = (10 + 20 + 30 + 40 + 100) / 5.0; // after median imputation
        double sd = Math.sqrt(((10 - mean) * (10 - mean) + (20 - mean) * (20 - mean) + (30 - mean) * (30 - mean)
                + (40 - mean) * (40 - mean) + (100 - mean) * (100 - mean)) / 5);
        assertEquals((10 - mean) / sd, scaled.values(0)[0], 1e-12);
        assertEquals(1.0, scaled.values(0)[1]);
    }

    @Test
    void minMaxScalingIsClippedToZeroOne() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), FEATURES, PreprocessingOptions.defaults());
        Table serving = Table.of(NumericColumn.of("age", -50, 55, 1000), CategoricalColumn.of("city", "a", "a", "a"),
                BooleanColumn.of("member", true, true, true));
        EncodedRows rows = encoder.encode(serving, Scaling.MIN_MAX);
        assertEquals(0.0, rows.values(0)[0]);
        assertEquals(0.5, rows.values(1)[0], 1e-12);
        assertEquals(1.0, rows.values(2)[0]);
    }

    @Test
    void infiniteValueFailsOnlyItsRow() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), FEATURES, PreprocessingOptions.defaults());
        Table serving = Table.of(NumericColumn.of("age", 1, Double.POSITIVE_INFINITY),
                CategoricalColumn.of("city", "paris", "paris"), BooleanColumn.of("member", true, true));
        EncodedRows rows = encoder.encode(serving, Scaling.NONE);
        assertTrue(rows.error(0).isEmpty());
        assertTrue(rows.error(1).orElseThrow().contains("'age'"));
    }

    @Test
    void missingInputColumnIsRejectedNamingIt() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), FEATURES, PreprocessingOptions.defaults());
        DataException e = assertThrows(DataException.class,
                () -> encoder.encode(training().drop("city"), Scaling.NONE));
        assertEquals("city", e.column().orElseThrow());
    }

    @Test
    void jsonRoundTripGivesAnEqualEncoder() {
        FeatureEncoder encoder = FeatureEncoder.fit(training(), FEATURES,
                PreprocessingOptions.defaults().withRareLevelThreshold(0.3));
        FeatureEncoder back = FeatureEncoder.fromJson(encoder.toJson());
        assertEquals(encoder, back);
        assertEquals(encoder.featureNames(), back.featureNames());
    }
}

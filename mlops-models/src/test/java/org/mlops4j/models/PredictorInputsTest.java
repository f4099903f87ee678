package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TextColumn;

/**
 * What a served model does with input that does not match its input schema: a column of another type fails the
 * batch; missing values and unseen levels are imputed and counted, or, in strict mode, fail their rows.
 */
class PredictorInputsTest {

    private static TrainedModel model;

    /** 120 rows of visits (numeric), member (boolean) and city (categorical), and whether the lead converted. */
    private static Table training() {
        int rows = 120;
        String[] cities = {"paris", "lyon", "nice"};
        NumericColumn.Builder visits = NumericColumn.builder("visits", rows);
        BooleanColumn.Builder member = BooleanColumn.builder("member");
        CategoricalColumn.Builder city = CategoricalColumn.builder("city", rows);
        CategoricalColumn.Builder converted = CategoricalColumn.builder("converted", rows);
        for (int i = 0; i < rows; i++) {
            int v = i % 10;
            boolean m = i % 3 == 0;
            String c = cities[i % 7 % 3];
            visits.add((double) v);
            member.add(m);
            city.add(c);
            converted.add(v + (m ? 3 : 0) + (c.equals("paris") ? 2 : 0) + i % 4 > 8 ? "yes" : "no");
        }
        return Table.of(visits.build(), member.build(), city.build(), converted.build());
    }

    @BeforeAll
    static void train() {
        model = ModelingSetup.builder(training(), "converted").folds(2).seed(5).build().createModel("lr").model();
    }

    /** Six rows: visits misses 2 (null, NaN), member misses 2, city misses 1 and has 3 unseen levels. */
    private static Table gappy() {
        return Table.of(NumericColumn.ofNullable("visits", 1.0, null, 3.0, Double.NaN, 5.0, 6.0),
                BooleanColumn.of("member", true, null, false, true, null, false),
                CategoricalColumn.of("city", "paris", "atlantis", null, "lyon", "gotham", "atlantis"));
    }

    @Test
    void aBooleanColumnForANumericFeatureFailsTheBatchNamingTheColumnAndBothTypes() {
        Table input = Table.of(BooleanColumn.of("visits", true, false), BooleanColumn.of("member", true, false),
                CategoricalColumn.of("city", "paris", "lyon"));

        DataException e = assertThrows(DataException.class, () -> model.predictor().predict(input));

        assertEquals("visits", e.column().orElseThrow());
        assertEquals("The model expects column 'visits' to be numeric but the table's column is boolean; convert the"
                + " column to numeric before scoring (column 'visits')", e.getMessage());
    }

    @Test
    void numbersForABooleanOrACategoricalFeatureFailTheBatchToo() {
        DataException forBoolean = assertThrows(DataException.class, () -> model.predictor().predict(Table.of(
                NumericColumn.of("visits", 1), NumericColumn.of("member", 1), CategoricalColumn.of("city", "paris"))));
        DataException forCategory = assertThrows(DataException.class, () -> model.predictor().predict(Table.of(
                NumericColumn.of("visits", 1), BooleanColumn.of("member", true), NumericColumn.of("city", 2))));

        assertTrue(forBoolean.getMessage().contains("'member' to be boolean") && forBoolean.getMessage()
                .contains("the table's column is numeric"), forBoolean.getMessage());
        assertTrue(forCategory.getMessage().contains("'city' to be categorical or text") && forCategory.getMessage()
                .contains("the table's column is numeric"), forCategory.getMessage());
        assertTrue(model.predictor().predict(Table.of(NumericColumn.of("visits", 1), BooleanColumn.of("member", true),
                TextColumn.of("city", "paris"))).get(0).ok(), "text stands for categorical");
    }

    @Test
    void countsMissingValuesAndUnseenLevelsPerColumnAndImputesThem() {
        Predictions predictions = model.predictor().predict(gappy());

        assertEquals(List.of(new ColumnImputation("visits", 2, 0), new ColumnImputation("member", 2, 0),
                new ColumnImputation("city", 1, 3)), predictions.imputation());
        assertEquals(5, predictions.missingValues());
        assertEquals(3, predictions.unseenLevels());
        assertEquals(List.of(), predictions.failures(), "imputed rows are predicted");
        assertEquals(new ColumnImputation("visits", 0, 0),
                model.predictor().predict(training().drop("converted")).imputation("visits").orElseThrow());
    }

    @Test
    void evaluationScoresRowsAsThePredictorDoesAndLeavesOutARowItCannotScore() {
        Table unscorable = Table.of(NumericColumn.of("visits", Double.POSITIVE_INFINITY),
                BooleanColumn.of("member", true), CategoricalColumn.of("city", "paris"),
                CategoricalColumn.of("converted", "yes"));
        Table rows = training().concat(unscorable);

        assertEquals(1, model.predictor().predict(rows).failures().size());
        assertEquals(model.evaluate(training()), model.evaluate(rows));
    }

    @Test
    void aColumnOfNullsOnlyIsTakenAsMissingWhateverItsType() {
        Table input = Table.of(NumericColumn.of("visits", 1, 2), BooleanColumn.of("member", true, false),
                NumericColumn.ofNullable("city", null, null));

        Predictions predictions = model.predictor().predict(input);

        assertEquals(new ColumnImputation("city", 2, 0), predictions.imputation("city").orElseThrow());
        assertEquals(List.of(), predictions.failures());
    }

    @Test
    void strictModeFailsEachRowWithAMissingValueOrAnUnseenLevelNamingRowAndColumn() {
        Predictions strict = model.predictor().predict(gappy(), PredictOptions.strict());

        assertTrue(strict.get(0).ok(), strict.get(0).toString());
        assertEquals(List.of(1, 2, 3, 4, 5), strict.failures().stream().map(PredictedRow::row).toList());
        FeatureEncoder.ColumnEncoding visits = model.encoder().columns().get(0);
        FeatureEncoder.ColumnEncoding city = model.encoder().columns().get(2);
        assertEquals("Row 3: column 'city' has no value, and strict mode does not impute it (the rule would fill "
                + "level '" + city.fillLevel() + "')", strict.get(2).error().orElseThrow());
        assertEquals("Row 4: column 'visits' has no value, and strict mode does not impute it (the rule would fill "
                + visits.fillValue() + ")", strict.get(3).error().orElseThrow());
        String second = strict.get(1).error().orElseThrow();
        assertTrue(second.startsWith("Row 2: column 'visits' has no value") && second.contains("Row 2: column "
                + "'member' has no value") && second.contains("Row 2: column 'city' holds level 'atlantis', which the "
                + "model does not know"), second);
        assertEquals(model.predictor().predict(gappy()).imputation(), strict.imputation(),
                "the counts are the same in both modes");
    }
}

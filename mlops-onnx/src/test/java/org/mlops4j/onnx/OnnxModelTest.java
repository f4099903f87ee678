package org.mlops4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.PredictedRow;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.TaskType;

class OnnxModelTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void logisticRegressionWithZipMapPredictsAsScikitLearn() {
        try (OnnxModel model = OnnxModel.load(OnnxFixtures.file("logistic.onnx"),
                Optional.of(OnnxFixtures.NUMERIC_FEATURES))) {
            assertMatchesScikitLearn(model, "logistic");
        }
    }

    @Test
    void randomForestWithProbabilityTensorPredictsAsScikitLearn() {
        try (OnnxModel model = OnnxModel.load(OnnxFixtures.file("forest.onnx"),
                Optional.of(OnnxFixtures.NUMERIC_FEATURES))) {
            assertMatchesScikitLearn(model, "forest");
        }
    }

    @Test
    void pipelineWithOneHotEncodingAndScalingPredictsAsScikitLearn() {
        try (OnnxModel model = OnnxModel.load(OnnxFixtures.file("pipeline.onnx"))) {
            assertMatchesScikitLearn(model, "pipeline");
        }
    }

    @Test
    void readsInputsOutputsClassesAndTheSchemaFromTheGraph() {
        try (OnnxModel model = OnnxModel.load(OnnxFixtures.file("pipeline.onnx"))) {
            assertEquals(TaskType.CLASSIFICATION, model.task());
            assertEquals(List.of("no", "yes"), model.classLabels());
            assertEquals(Optional.of("yes"), model.positiveLabel());
            assertEquals(List.of("total_leads_droppped", "city_tier", "referred_lead", "first_platform_c",
                    "first_utm_medium_c", "first_utm_source_c"), model.inputSchema().columnNames());
            assertEquals(Optional.of(ColumnType.CATEGORICAL),
                    model.inputSchema().column("first_platform_c").orElseThrow().type());
            assertEquals(List.of("output_label", "output_probability"), List.copyOf(model.graphOutputs().keySet()));
            assertTrue(model.graphOutputs().get("output_probability").contains("MapInfo"),
                    model.graphOutputs().toString());
        }
    }

    @Test
    void aRowWithAMissingValueFailsAloneAndTheOthersAreScored() {
        Table holdout = OnnxFixtures.holdout();
        Double[] tiers = new Double[holdout.rowCount()];
        for (int row = 0; row < tiers.length; row++) {
            tiers[row] = row == 2 ? null : holdout.numeric("city_tier").getDouble(row);
        }
        Table withGap = holdout.withColumn(NumericColumn.ofNullable("city_tier", tiers));
        try (OnnxModel model = OnnxModel.load(OnnxFixtures.file("pipeline.onnx"))) {
            Predictions predictions = model.predictor().predict(withGap);
            assertEquals(1, predictions.failures().size());
            PredictedRow failed = predictions.get(2);
            assertTrue(failed.error().orElseThrow().contains("row 2, column 'city_tier': missing value"),
                    failed.error().orElseThrow());
            assertEquals(1, predictions.imputation("city_tier").orElseThrow().missingValues());
            List<OnnxFixtures.Expected> expected = OnnxFixtures.expected("pipeline");
            assertEquals(expected.get(3).probabilities()[1], predictions.get(3).probabilities().get("yes"),
                    TOLERANCE);
        }
    }

    @Test
    void aTableWithoutAnInputColumnIsRefusedNamingIt() {
        try (OnnxModel model = OnnxModel.load(OnnxFixtures.file("pipeline.onnx"))) {
            DataException e = assertThrows(DataException.class,
                    () -> model.predictor().predict(OnnxFixtures.holdout().drop("first_utm_source_c")));
            assertTrue(e.getMessage().contains("first_utm_source_c"), e.getMessage());
        }
    }

    @Test
    void aNumericColumnWhereTheGraphTakesStringsIsRefused() {
        Table holdout = OnnxFixtures.holdout();
        Table wrong = holdout.withColumn(NumericColumn.of("first_platform_c", new double[holdout.rowCount()]));
        try (OnnxModel model = OnnxModel.load(OnnxFixtures.file("pipeline.onnx"))) {
            DataException e = assertThrows(DataException.class, () -> model.predictor().predict(wrong));
            assertTrue(e.getMessage().contains("'first_platform_c' to be categorical or text"), e.getMessage());
        }
    }

    @Test
    void aGraphTakingOneFeatureTensorNeedsAnInputSchema() {
        MlopsException e = assertThrows(MlopsException.class,
                () -> OnnxModel.load(OnnxFixtures.file("logistic.onnx")));
        assertTrue(e.getMessage().contains("takes one tensor 'input' of 3 features"), e.getMessage());
        assertTrue(e.getMessage().contains("--schema"), e.getMessage());
    }

    @Test
    void anInputSchemaOfAnotherWidthIsRefused() {
        MlopsException e = assertThrows(MlopsException.class, () -> OnnxModel.load(OnnxFixtures.file("forest.onnx"),
                Optional.of(OnnxFixtures.NUMERIC_FEATURES.toBuilder().column("extra", ColumnType.NUMERIC).build())));
        assertTrue(e.getMessage().contains("takes 3 features in 'input' but its input schema has 4 columns"),
                e.getMessage());
    }

    private static void assertMatchesScikitLearn(OnnxModel model, String name) {
        Predictions predictions = model.predictor().predict(OnnxFixtures.holdout());
        List<OnnxFixtures.Expected> expected = OnnxFixtures.expected(name);
        assertEquals(expected.size(), predictions.size());
        List<String> classes = model.classLabels();
        for (int row = 0; row < expected.size(); row++) {
            PredictedRow predicted = predictions.get(row);
            assertTrue(predicted.ok(), predicted.toString());
            for (int c = 0; c < classes.size(); c++) {
                assertEquals(expected.get(row).probabilities()[c], predicted.probabilities().get(classes.get(c)),
                        TOLERANCE, "row " + row + ", class " + classes.get(c));
            }
            assertEquals(expected.get(row).label(), predicted.label().orElseThrow(), "row " + row);
            double labelProbability = predicted.probabilities().get(predicted.label().orElseThrow());
            assertEquals(labelProbability, predicted.score().orElseThrow(), 0.0);
        }
    }
}

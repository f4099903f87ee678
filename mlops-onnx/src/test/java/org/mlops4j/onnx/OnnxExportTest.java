package org.mlops4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.CsvReader;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.OnnxExport;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.TrainedModel;

class OnnxExportTest {

    private static ModelingSetup setup;

    @BeforeAll
    static void setUp() {
        Table leads = CsvReader.builder().build().read(OnnxFixtures.file("leads.csv"));
        setup = ModelingSetup.builder(leads, "app_complete_flag").folds(2).seed(5).build();
    }

    @Test
    void anExportedLogisticRegressionScoresAsTheTribuoModelUnderOnnxRuntime() {
        TrainedModel model = setup.createModel("lr").model();
        assertTrue(OnnxExport.supports(model));
        OnnxExport.Exported exported = OnnxExport.export(model);
        Table holdout = OnnxFixtures.holdout();
        Predictions tribuo = model.predictor().predict(holdout);
        try (OnnxModel onnx = OnnxModel.of(exported.graph(), "exported lr", Optional.of(exported.featureSchema()))) {
            assertEquals(model.classLabels().stream().sorted().toList(),
                    onnx.classLabels().stream().sorted().toList());
            Predictions scored = onnx.predictor().predict(OnnxExport.encode(model, holdout));
            for (int row = 0; row < holdout.rowCount(); row++) {
                assertEquals(tribuo.get(row).label(), scored.get(row).label(), "row " + row);
                for (String label : model.classLabels()) {
                    assertEquals(tribuo.get(row).probabilities().get(label),
                            scored.get(row).probabilities().get(label), 1e-5, "row " + row + ", class " + label);
                }
            }
        }
    }

    @Test
    void aTreeFamilyIsRefusedNamingTheFamiliesThatCanBeExported() {
        TrainedModel tree = setup.createModel("dt").model();
        assertFalse(OnnxExport.supports(tree));
        MlopsException e = assertThrows(MlopsException.class, () -> OnnxExport.export(tree));
        assertTrue(e.getMessage().contains("Family 'dt' cannot be exported to ONNX"), e.getMessage());
        assertTrue(e.getMessage().contains("lr, sgd_lr, svm, liblinear, fm"), e.getMessage());
    }
}

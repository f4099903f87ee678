package org.mlops4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.models.MlflowModelFile;
import org.mlops4j.models.ModelFolder;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.ScoringModel;

class OnnxModelFlavorTest {

    @TempDir
    Path folder;

    @Test
    void anMlflowOnnxFolderLoadsWithItsSignatureAsTheInputSchema() {
        Path mlflow = OnnxFixtures.file("mlflow_pipeline");
        assertEquals("onnx", ModelFolder.flavorOf(mlflow, Mlops.create()));
        ScoringModel model = ModelFolder.load(mlflow, Mlops.create());
        try (OnnxModel onnx = assertInstanceOf(OnnxModel.class, model)) {
            assertEquals(List.of("total_leads_droppped", "city_tier", "referred_lead", "first_platform_c",
                    "first_utm_medium_c", "first_utm_source_c"), onnx.inputSchema().columnNames());
            assertEquals(Optional.of(ColumnType.NUMERIC),
                    onnx.inputSchema().column("city_tier").orElseThrow().type());
            Predictions predictions = onnx.predictor().predict(OnnxFixtures.holdout());
            assertEquals(OnnxFixtures.expected("pipeline").get(0).probabilities()[1],
                    predictions.get(0).probabilities().get("yes"), 1e-6);
        }
    }

    @Test
    void aPythonFunctionOnlyModelIsRefusedNamingItsFlavorsAndHowToExportIt() {
        MlopsException e = assertThrows(MlopsException.class,
                () -> ModelFolder.load(OnnxFixtures.file("mlflow_pyfunc"), Mlops.create()));
        assertTrue(e.getMessage().contains("has the flavors [python_function, sklearn]"), e.getMessage());
        assertTrue(e.getMessage().contains("mlflow.onnx.log_model"), e.getMessage());
        assertTrue(e.getMessage().contains("skl2onnx.to_onnx"), e.getMessage());
    }

    @Test
    void aSavedModelWritesMlflowsLayoutAndLoadsBackPredictingTheSame() throws Exception {
        OnnxModelFlavor flavor = new OnnxModelFlavor();
        Path saved = folder.resolve("model");
        try (OnnxModel model = OnnxModel.load(OnnxFixtures.file("forest.onnx"),
                Optional.of(OnnxFixtures.NUMERIC_FEATURES))) {
            flavor.save(model, saved);
            Predictions before = model.predictor().predict(OnnxFixtures.holdout());
            MlflowModelFile file = MlflowModelFile.read(saved);
            assertEquals(List.of("onnx", "python_function"), file.flavorNames());
            assertEquals(Optional.of("model.onnx"), file.setting("onnx", "data"));
            assertEquals(Optional.of("mlflow.onnx"), file.setting("python_function", "loader_module"));
            assertEquals(Optional.of(OnnxFixtures.NUMERIC_FEATURES.columnNames()),
                    file.inputSchema().map(s -> s.columnNames()));
            assertTrue(Files.readString(saved.resolve("requirements.txt")).startsWith("onnxruntime=="));
            try (OnnxModel loaded = assertInstanceOf(OnnxModel.class, flavor.load(saved))) {
                assertEquals(before, loaded.predictor().predict(OnnxFixtures.holdout()));
            }
        }
    }

    @Test
    void theMlmodelSignatureIsWrittenAsMlflowWritesIt() {
        String yaml = OnnxModelFlavor.description(OnnxFixtures.NUMERIC_FEATURES).toYaml();
        assertTrue(yaml.contains("inputs: '[{\"type\":\"double\",\"name\":\"total_leads_droppped\",\"required\":true}")
                || yaml.contains("inputs: \"[{\\\"type\\\":\\\"double\\\""), yaml);
        assertTrue(yaml.indexOf("flavors:") < yaml.indexOf("signature:"), yaml);
    }

    @Test
    void theProviderIsFoundByTheFlavorName() {
        assertTrue(Mlops.create().providers(org.mlops4j.core.spi.ModelFlavorProvider.class).names()
                .containsAll(List.of("onnx", "tribuo")));
    }
}

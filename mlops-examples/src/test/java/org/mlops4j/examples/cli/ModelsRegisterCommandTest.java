package org.mlops4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;

/** {@code mlops models register --from} with the ONNX fixtures that mlops-onnx's script made from scikit-learn. */
class ModelsRegisterCommandTest {

    /** The fixtures of mlops-onnx (Maven runs tests in the module's folder). */
    private static final Path FIXTURES = Path.of("../mlops-onnx/src/test/resources/onnx").toAbsolutePath();

    @TempDir
    Path folder;

    @Test
    void registersAnMlflowOnnxFolderWithItsSignature() {
        String uri = "file:" + folder.resolve("mlruns");
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("models", "register", "--tracking-uri", uri,
                "--name", "leads-onnx", "--from", FIXTURES.resolve("mlflow_pipeline"));
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Registered leads-onnx version 1 (onnx flavor, input [total_leads_droppped,"
                + " city_tier, referred_lead, first_platform_c"), result.out());
        MlopsCommandTest.Result list = MlopsCommandTest.mlops("models", "list", "--tracking-uri", uri);
        assertTrue(list.out().contains("leads-onnx  version 1"), list.out());

        Path scored = folder.resolve("scored.csv");
        MlopsCommandTest.Result predict = MlopsCommandTest.mlops("predict", "--model", "models:/leads-onnx/1",
                "--tracking-uri", uri, "--input", FIXTURES.resolve("holdout.csv"), "--output", scored);
        assertEquals(0, predict.code(), predict.out() + predict.err());
        assertTrue(predict.out().contains("scored 30 rows"), predict.out());
        java.util.List<String> expected = readLines(FIXTURES.resolve("pipeline_expected.csv"));
        java.util.List<String> lines = readLines(scored);
        int label = java.util.List.of(lines.get(0).split(",")).indexOf("prediction_label");
        for (int row = 1; row < lines.size(); row++) {
            assertEquals(expected.get(row).split(",")[1], lines.get(row).split(",")[label], "row " + row);
        }
    }

    private static java.util.List<String> readLines(Path file) {
        try {
            return java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void registersAFeatureTensorGraphWithASchemaFile() {
        Path schema = folder.resolve("schema.json");
        Schema.builder().column("total_leads_droppped", ColumnType.NUMERIC).column("city_tier", ColumnType.NUMERIC)
                .column("referred_lead", ColumnType.NUMERIC).build().writeJson(schema);
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("models", "register", "--tracking-uri",
                "file:" + folder.resolve("mlruns"), "--name", "forest", "--from", FIXTURES.resolve("forest.onnx"),
                "--schema", schema);
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Registered forest version 1 (onnx flavor"), result.out());
    }

    @Test
    void refusesAPythonFunctionOnlyModelSayingHowToExportIt() {
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("models", "register", "--tracking-uri",
                "file:" + folder.resolve("mlruns"), "--name", "pickled", "--from", FIXTURES.resolve("mlflow_pyfunc"));
        assertNotEquals(0, result.code());
        assertTrue(result.err().contains("[python_function, sklearn]"), result.err());
        assertTrue(result.err().contains("mlflow.onnx.log_model"), result.err());
    }

    @Test
    void refusesARunAndAFileTogether() {
        MlopsCommandTest.Result result = MlopsCommandTest.mlops("models", "register", "--tracking-uri",
                "file:" + folder.resolve("mlruns"), "--name", "both", "--run", "abc", "--from",
                FIXTURES.resolve("forest.onnx"));
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("not both"), result.err());
    }
}

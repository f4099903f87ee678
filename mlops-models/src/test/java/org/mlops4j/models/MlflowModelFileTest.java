package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.ColumnType;
import org.mlops4j.core.data.Schema;

class MlflowModelFileTest {

    @TempDir
    Path folder;

    @Test
    void readsFlavorsSettingsAndAColumnSignatureAsMlflowWritesThem() throws Exception {
        Files.writeString(folder.resolve("MLmodel"), """
                artifact_path: model
                flavors:
                  python_function:
                    loader_module: mlflow.sklearn
                  sklearn:
                    pickled_model: model.pkl
                run_id: abc
                signature:
                  inputs: '[{"type": "double", "name": "age", "required": true}, {"type": "long", "name": "visits"},
                    {"type": "string", "name": "city"}, {"type": "boolean", "name": "referred"},
                    {"type": "datetime", "name": "seen"}]'
                  outputs: '[{"type": "long"}]'
                """);
        MlflowModelFile file = MlflowModelFile.read(folder);
        assertEquals(List.of("python_function", "sklearn"), file.flavorNames());
        assertEquals(Optional.of("model.pkl"), file.setting("sklearn", "pickled_model"));
        Schema schema = file.inputSchema().orElseThrow();
        assertEquals(List.of("age", "visits", "city", "referred", "seen"), schema.columnNames());
        assertEquals(List.of(ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.BOOLEAN,
                ColumnType.TIMESTAMP), schema.columns().stream().map(c -> c.type().orElseThrow()).toList());
        assertEquals("abc", file.fields().get("run_id").asText());
    }

    @Test
    void aTensorSignatureNamesNoColumns() throws Exception {
        Files.writeString(folder.resolve("MLmodel"), """
                flavors:
                  onnx:
                    data: model.onnx
                signature:
                  inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3]}}]'
                """);
        assertEquals(Optional.empty(), MlflowModelFile.read(folder).inputSchema());
    }

    @Test
    void aWrittenFileReadsBackWithItsFlavorAndSignature() {
        Schema schema = Schema.builder().column("age", ColumnType.NUMERIC).column("city", ColumnType.CATEGORICAL)
                .build();
        MlflowModelFile.of("onnx", Map.of("data", "model.onnx"), schema, Map.of("artifact_path", "model"))
                .writeTo(folder);
        MlflowModelFile read = MlflowModelFile.read(folder);
        assertEquals(List.of("onnx"), read.flavorNames());
        assertEquals(Optional.of("model.onnx"), read.setting("onnx", "data"));
        assertEquals(Optional.of(schema), read.inputSchema());
        assertEquals("model", read.fields().get("artifact_path").asText());
    }

    @Test
    void aFileWithoutFlavorsIsRefusedNamingTheFormat() throws Exception {
        Files.writeString(folder.resolve("MLmodel"), "artifact_path: model\n");
        MlopsException e = assertThrows(MlopsException.class, () -> MlflowModelFile.read(folder));
        assertTrue(e.getMessage().contains("has no 'flavors' mapping"), e.getMessage());
    }
}

package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlops4j.core.data.Table;

/**
 * Models saved by an earlier mlops4j (committed under {@code compat/format-1}, written by {@link SavedModelFixtures})
 * still load and predict what they predicted when saved: the promise that saved models outlive library upgrades.
 */
class SavedModelCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> savedModels() throws IOException, URISyntaxException {
        Path root = Path.of(SavedModelCompatibilityTest.class.getResource("/compat/format-1").toURI());
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(folders.size() >= 19, "fixtures for every family: " + folders);
        return folders.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("savedModels")
    void aModelSavedByAnEarlierVersionLoadsAndPredictsAsItDidWhenSaved(Path folder) throws IOException {
        boolean classification = folder.getFileName().toString().startsWith("classification-");
        Table rows = classification
                ? SavedModelFixtures.scoredRows(SavedModelFixtures.classificationRows(),
                        SavedModelFixtures.CLASSIFICATION_TARGET)
                : SavedModelFixtures.scoredRows(SavedModelFixtures.regressionRows(),
                        SavedModelFixtures.REGRESSION_TARGET);
        TrainedModel model = new TribuoModelFlavor().loadTrainedModel(folder.resolve("model"));
        JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
        assertEquals(expected.path("family").asText(), model.family());
        List<String> savedInputs = new ArrayList<>();
        JSON.readTree(folder.resolve("model").resolve(TribuoModelFlavor.META_FILE).toFile()).path("inputColumns")
                .forEach(c -> savedInputs.add(c.path("name").asText() + ":" + c.path("type").asText()));
        assertEquals(savedInputs, model.inputSchema().columns().stream()
                .map(c -> c.name() + ":" + c.type().orElseThrow().name()).toList(), "meta inputColumns as the schema");
        Predictions predictions = model.predictor().predict(rows);
        assertEquals(expected.path("predictions").size(), predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            JsonNode want = expected.path("predictions").get(i);
            PredictedRow got = predictions.get(i);
            assertTrue(got.ok(), folder + " row " + i + ": " + got.error());
            if (want.has("label")) {
                assertEquals(want.path("label").asText(), got.label().orElseThrow(), folder + " row " + i);
            }
            if (want.has("score")) {
                double score = want.path("score").asDouble();
                double tolerance = Double.isNaN(score) ? 0 : 1e-9 * Math.max(1, Math.abs(score));
                assertEquals(score, got.score().orElseThrow(), tolerance, folder + " row " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("savedModels")
    void savingAModelLoadedFromAnEarlierVersionWritesTheSameDescriptionFile(Path folder, @TempDir Path copy)
            throws IOException {
        TrainedModel model = new TribuoModelFlavor().loadTrainedModel(folder.resolve("model"));

        new TribuoModelFlavor().save(model, copy);

        assertEquals(Files.readString(folder.resolve("model").resolve(TribuoModelFlavor.META_FILE)),
                Files.readString(copy.resolve(TribuoModelFlavor.META_FILE)), folder.toString());
    }
}

package org.mlops4j.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mlops4j.core.data.Table;

/**
 * Models saved by the tribuo flavor, one per family, with the predictions they made when saved: the fixtures that
 * {@link SavedModelCompatibilityTest} loads, so that a later mlops4j that can no longer load a model saved by an
 * earlier one fails a test. Run once per saved-model format and commit the output:
 *
 * <pre>
 * java -cp mlops-models/target/test-classes:mlops-models/target/classes:mlops-core/target/classes:$(cat cp.txt) \
 *     org.mlops4j.models.SavedModelFixtures mlops-models/src/test/resources/compat/format-1
 * </pre>
 */
final class SavedModelFixtures {

    /** Rows each fixture records predictions for. */
    static final int ROWS = 40;

    static final String CLASSIFICATION_TARGET = "converted";
    static final String REGRESSION_TARGET = "income";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Forests small enough to commit. */
    private static final Map<String, Object> SMALL_FOREST = Map.of("n_trees", 5, "max_depth", 6);

    private SavedModelFixtures() {
    }

    /** @return the labelled rows the classification fixtures were trained on; their first rows are scored */
    static Table classificationRows() {
        return TestTables.leads(600, 21);
    }

    /** @return the rows the regression fixtures were trained on (target {@value #REGRESSION_TARGET}, no gaps) */
    static Table regressionRows() {
        Table rows = TestTables.leads(600, 22);
        return rows.filter(i -> !rows.column(REGRESSION_TARGET).isNull(i));
    }

    /** @return the input rows every fixture's predictions are for */
    static Table scoredRows(Table rows, String target) {
        return rows.filter(i -> i < ROWS).drop(target);
    }

    /**
     * @param args the output folder
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Map<String, Map<String, ?>> classification = Map.ofEntries(Map.entry("lr", Map.of()),
                Map.entry("sgd_lr", Map.of()), Map.entry("svm", Map.of()), Map.entry("liblinear", Map.of()),
                Map.entry("dt", Map.of()), Map.entry("rf", SMALL_FOREST), Map.entry("et", SMALL_FOREST),
                Map.entry("xgboost", Map.of("n_trees", 10)), Map.entry("nb", Map.of()), Map.entry("knn", Map.of()),
                Map.entry("fm", Map.of()), Map.entry("dummy", Map.of()), Map.entry("tribuo_rf", SMALL_FOREST));
        ModelingSetup setup = ModelingSetup.builder(classificationRows(), CLASSIFICATION_TARGET).folds(2).seed(3)
                .build();
        for (Map.Entry<String, Map<String, ?>> e : classification.entrySet()) {
            write(setup.createModel(e.getKey(), e.getValue()).model(),
                    scoredRows(classificationRows(), CLASSIFICATION_TARGET), out.resolve("classification-" + e.getKey()));
        }
        ModelingSetup regression = ModelingSetup.builder(regressionRows(), REGRESSION_TARGET)
                .task(TaskType.REGRESSION).folds(2).seed(3).build();
        for (String family : List.of("lr", "sgd_lr", "dt", "rf", "xgboost", "dummy")) {
            Map<String, ?> params = family.equals("rf") ? SMALL_FOREST
                    : family.equals("xgboost") ? Map.of("n_trees", 10) : Map.of();
            write(regression.createModel(family, params).model(), scoredRows(regressionRows(), REGRESSION_TARGET),
                    out.resolve("regression-" + family));
        }
    }

    private static void write(TrainedModel model, Table rows, Path folder) throws IOException {
        new TribuoModelFlavor().save(model, folder.resolve("model"));
        Predictions predictions = model.predictor().predict(rows);
        ObjectNode root = JSON.createObjectNode();
        root.put("family", model.family());
        ArrayNode list = root.putArray("predictions");
        for (int i = 0; i < predictions.size(); i++) {
            PredictedRow row = predictions.get(i);
            ObjectNode node = list.addObject();
            row.label().ifPresent(l -> node.put("label", l));
            if (row.score().isPresent()) {
                node.put("score", row.score().getAsDouble());
            }
        }
        Files.writeString(folder.resolve("expected.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        System.out.println("wrote " + folder);
    }
}

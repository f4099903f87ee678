package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.spi.ModelFlavor;
import org.mlops4j.core.spi.ModelFlavorProvider;

class TribuoModelFlavorTest {

    private static ModelingSetup setup;

    @BeforeAll
    static void setUp() {
        setup = ModelingSetup.builder(TestTables.leads(400, 21), "converted").folds(2).seed(5)
                .preprocessing(PreprocessingOptions.defaults().withRareLevelThreshold(0.02)).build();
    }

    @Test
    void aSavedTrainedModelCarriesAnMlmodelFileWithTheTribuoFlavorAndItsSignature(@TempDir Path folder) {
        TrainedModel model = setup.createModel("lr").model();
        new TribuoModelFlavor().save(model, folder);
        MlflowModelFile file = MlflowModelFile.read(folder);
        assertEquals(java.util.List.of("tribuo"), file.flavorNames());
        assertEquals(java.util.Optional.of(TribuoModelFlavor.MODEL_FILE), file.setting("tribuo", "data"));
        assertEquals(java.util.Optional.of("lr"), file.setting("tribuo", "family"));
        assertEquals(model.inputSchema().columnNames(), file.inputSchema().orElseThrow().columnNames());
        assertEquals("tribuo", ModelFolder.flavorOf(folder, Mlops.create()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "sgd_lr", "dt", "rf", "et", "xgboost", "knn", "nb", "mnb", "liblinear", "tribuo_dt", "tribuo_rf", "tribuo_et"})
    void aLoadedModelPredictsExactlyAsTheSavedOne(String family, @TempDir Path folder) {
        Assumptions.assumeTrue(org.mlops4j.models.FamilyCatalog.unavailableReason(
                setup.family(family)).isEmpty(), "this family's native library does not load here");
        boolean forest = family.equals("rf") || family.equals("et");
        TrainedModel model = setup.createModel(family, forest ? Map.of("n_trees", 10) : Map.of())
                .model();
        ModelFlavor flavor = new TribuoModelFlavor();
        assertTrue(flavor.supports(model));
        flavor.save(model, folder);
        assertTrue(Files.exists(folder.resolve(TribuoModelFlavor.MODEL_FILE)));
        TrainedModel loaded = (TrainedModel) flavor.load(folder);

        Table input = TestTables.leads(100, 77).drop("converted");
        assertEquals(model.predictor().predict(input), loaded.predictor().predict(input));
        assertEquals(model.encoder(), loaded.encoder());
        assertEquals(model.params(), loaded.params());
        assertEquals(model.classLabels(), loaded.classLabels());
        assertEquals(model.positiveLabel(), loaded.positiveLabel());
        assertEquals(model.inputSchema(), loaded.inputSchema());
        assertEquals(model.metrics(), loaded.metrics());
        assertEquals(model.provenance(), loaded.provenance());
        assertEquals(model.tribuoModel().getProvenance(), loaded.tribuoModel().getProvenance());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "sgd_lr", "dt", "dummy", "tribuo_dt", "tribuo_rf"})
    void aLoadedRegressionModelPredictsExactlyAsTheSavedOne(String family, @TempDir Path folder) {
        // visits from income, city and converted: one-hot columns with every level make lr's design rank-deficient
        ModelingSetup regression = ModelingSetup.builder(TestTables.leads(400, 21), "visits")
                .task(TaskType.REGRESSION).folds(2).seed(5).build();
        TrainedModel model = regression.createModel(family).model();
        ModelFlavor flavor = new TribuoModelFlavor();
        flavor.save(model, folder);
        TrainedModel loaded = (TrainedModel) flavor.load(folder);

        Table input = TestTables.leads(100, 77).drop("visits");
        assertEquals(model.predictor().predict(input), loaded.predictor().predict(input));
        assertEquals(model.params(), loaded.params());
        assertEquals(model.tribuoModel().getProvenance(), loaded.tribuoModel().getProvenance());
        if (family.equals("lr")) {
            assertInstanceOf(org.tribuo.regression.sgd.linear.LinearSGDModel.class, loaded.tribuoModel());
            assertEquals("org.mlops4j.models.internal.linear.LinearRegressionTrainer",
                    loaded.tribuoModel().getProvenance().getTrainerProvenance().getClassName());
        }
    }

    @Test
    void isFoundByItsNameThroughServiceLoader() {
        ModelFlavorProvider provider = Mlops.create().providers(ModelFlavorProvider.class).get("tribuo");
        assertInstanceOf(TribuoModelFlavor.class, provider.create(Mlops.create().config()));
    }

    @Test
    void savesAndLoadsABareTribuoModel(@TempDir Path folder) {
        TrainedModel model = setup.createModel("dt").model();
        TribuoModelFlavor flavor = new TribuoModelFlavor();
        flavor.save(model.tribuoModel(), folder);
        Object loaded = flavor.load(folder);
        assertInstanceOf(org.tribuo.Model.class, loaded);
        assertThrows(MlopsException.class, () -> flavor.loadTrainedModel(folder));
    }

    @Test
    void rejectsWhatItCannotSaveAndFoldersWithoutAModel(@TempDir Path folder) {
        TribuoModelFlavor flavor = new TribuoModelFlavor();
        assertFalse(flavor.supports("a string"));
        assertThrows(MlopsException.class, () -> flavor.save("a string", folder));
        MlopsException e = assertThrows(MlopsException.class, () -> flavor.load(folder));
        assertTrue(e.getMessage().contains(TribuoModelFlavor.META_FILE), e.getMessage());
    }
}

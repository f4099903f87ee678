package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.data.TableFingerprint;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * A model trained on Tribuo, logged to a run of a real file store, registered, promoted and loaded back by
 * {@code models:/} URIs, predicting exactly as before.
 */
class ModelTrackingTest {

    @TempDir
    Path folder;

    private static Table leads(int rows, long seed) {
        Random random = new Random(seed);
        NumericColumn.Builder dropped = NumericColumn.builder("total_leads_droppped", rows);
        CategoricalColumn.Builder platform = CategoricalColumn.builder("first_platform_c", rows);
        CategoricalColumn.Builder label = CategoricalColumn.builder("app_complete_flag", rows);
        for (int i = 0; i < rows; i++) {
            double x = random.nextGaussian();
            boolean level0 = random.nextBoolean();
            dropped.add(x);
            platform.add(level0 ? "Level0" : "Level7");
            label.add(random.nextDouble() < 1 / (1 + Math.exp(-(2 * x + (level0 ? 1 : -1)))) ? "1" : "0");
        }
        return Table.of(dropped.build(), platform.build(), label.build());
    }

    @Test
    void loggedRegisteredAndPromotedModelsLoadBackWithIdenticalPredictionsAndLineage() {
        URI location = folder.resolve("mlruns").toUri();
        Mlops mlops = Mlops.create();
        Table data = leads(400, 11);
        try (TrackingClient tracking = TrackingClient.open(mlops, location);
                ModelRegistry registry = Mlops.builder().property(MlopsProperties.REGISTRY_URI, location.toString())
                        .build().openModelRegistry()) {
            ModelTracking models = ModelTracking.of(tracking, registry);
            ModelingSetup setup = ModelingSetup.builder(data, "app_complete_flag").folds(3).seed(5).build();
            TrainedModel trained = setup.finalizeModel(setup.createModel("lr"));

            LoggedModel logged;
            String runId;
            try (ActiveRun run = tracking.startRun("leads", "train-lr")) {
                runId = run.id();
                logged = models.logModel(run, trained, data);
                run.end();
            }
            ModelVersion version = models.register(logged, "lead-scoring");
            registry.transitionStage("lead-scoring", version.version(), ModelStage.PRODUCTION, true);
            registry.setAlias("lead-scoring", "champion", version.version());

            Run run = tracking.getRun(runId).orElseThrow();
            assertEquals(TableFingerprint.of(data), run.data().tags().get(ModelTracking.DATA_FINGERPRINT_TAG));
            assertEquals("400", run.data().params().get(ModelTracking.TRAINING_ROWS_PARAM));
            assertEquals(java.util.Set.of(ModelTracking.TRAINING_ROWS_PARAM, "model.family", "model.C",
                    "model.max_iter", "model.tol"), run.data().params().keySet(),
                    "the hyperparameters are params, not the provenance");
            String provenance = readString(tracking.downloadArtifacts(runId, ModelTracking.provenancePath("model"),
                    folder.resolve("downloaded")));
            assertTrue(provenance.contains("LogisticRegressionTrainer"), "the full provenance is an artifact");

            ModelLineage lineage = models.lineage("lead-scoring", version.version());
            assertEquals(runId, lineage.runId());
            assertEquals("runs:/" + runId + "/model", lineage.source());
            assertEquals(TableFingerprint.of(data), lineage.dataFingerprint());
            assertEquals(400, lineage.trainingRows());
            assertEquals(Optional.of(trained.inputSchema()),
                    registry.getVersion("lead-scoring", version.version()).inputSchema());

            Table fresh = leads(50, 99).drop("app_complete_flag");
            Predictions expected = trained.predictor().predict(fresh);
            for (String uri : new String[] {"models:/lead-scoring/Production", "models:/lead-scoring@champion",
                    "models:/lead-scoring/1", logged.uri()}) {
                Predictions loaded = models.load(uri).predictor().predict(fresh);
                for (int i = 0; i < fresh.rowCount(); i++) {
                    assertEquals(expected.get(i).label(), loaded.get(i).label(), uri + " row " + i);
                    assertEquals(expected.get(i).score().orElseThrow(), loaded.get(i).score().orElseThrow(), 0.0,
                            uri + " row " + i);
                }
            }
        }
    }

    private static String readString(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

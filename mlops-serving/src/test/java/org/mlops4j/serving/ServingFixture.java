package org.mlops4j.serving;

import java.net.URI;
import java.nio.file.Path;
import java.util.Random;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.BooleanColumn;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.NewModelVersion;
import org.mlops4j.core.tracking.TrackingClient;
import org.mlops4j.models.ModelTracking;
import org.mlops4j.models.ModelingSetup;
import org.mlops4j.models.TrainedModel;

/**
 * A real file store with a real Tribuo model registered in it: logistic regression on three input columns (numeric
 * {@code dropped}, categorical {@code platform} with levels Level0 and Level7, boolean {@code referred}) predicting
 * {@code converted} ("0"/"1"). Version 1 is in Production with the alias {@code champion}; {@link #registerAnother}
 * adds versions trained on other rows.
 */
final class ServingFixture {

    static final String MODEL = "lead-scoring";

    final URI location;
    final TrainedModel model;

    private ServingFixture(URI location, TrainedModel model) {
        this.location = location;
        this.model = model;
    }

    /** Trains, logs and registers version 1 in a new store under {@code folder}. */
    static ServingFixture create(Path folder) {
        URI location = folder.resolve("mlruns").toUri();
        ServingFixture fixture = new ServingFixture(location, train(leads(400, 11)));
        try (TrackingClient tracking = TrackingClient.open(Mlops.create(), location);
                ModelRegistry registry = fixture.mlops().openModelRegistry()) {
            ModelVersion version = fixture.register(tracking, registry, fixture.model, leads(400, 11));
            registry.transitionStage(MODEL, version.version(), ModelStage.PRODUCTION, true);
            registry.setAlias(MODEL, "champion", version.version());
        }
        return fixture;
    }

    /** @return the settings that open this store (tracking and registry in one folder) */
    Mlops mlops() {
        return Mlops.builder().property(MlopsProperties.TRACKING_URI, location.toString())
                .property(MlopsProperties.REGISTRY_URI, location.toString()).build();
    }

    /**
     * Trains a model on other rows and registers it as the next version.
     *
     * @param seed the rows' seed
     * @return the new version (no stage, no alias)
     */
    ModelVersion registerAnother(long seed) {
        Table data = leads(400, seed);
        try (TrackingClient tracking = TrackingClient.open(Mlops.create(), location);
                ModelRegistry registry = mlops().openModelRegistry()) {
            return register(tracking, registry, train(data), data);
        }
    }

    /**
     * Registers a version whose source holds no model (the run exists, the artifact folder does not).
     *
     * @return the new version
     */
    ModelVersion registerBroken() {
        try (ModelRegistry registry = mlops().openModelRegistry()) {
            String runId = registry.getVersion(MODEL, 1).runId().orElseThrow();
            return registry.register(NewModelVersion.builder(MODEL, "runs:/" + runId + "/no-model").runId(runId)
                    .build());
        }
    }

    /**
     * @param alias   the alias to move
     * @param version the version it points to afterwards
     */
    void setAlias(String alias, int version) {
        try (ModelRegistry registry = mlops().openModelRegistry()) {
            registry.setAlias(MODEL, alias, version);
        }
    }

    private ModelVersion register(TrackingClient tracking, ModelRegistry registry, TrainedModel trained,
            Table data) {
        ModelTracking models = ModelTracking.of(tracking, registry);
        try (ActiveRun run = tracking.startRun("serving", "train-lr")) {
            var logged = models.logModel(run, trained, data);
            run.end();
            return models.register(logged, MODEL);
        }
    }

    /** @return a model trained on these rows (logistic regression, 2 folds) */
    static TrainedModel train(Table data) {
        ModelingSetup setup = ModelingSetup.builder(data, "converted").folds(2).seed(5).build();
        return setup.finalizeModel(setup.createModel("lr"));
    }

    /**
     * @param rows how many
     * @param seed the draw's seed
     * @return leads with the three input columns and the label
     */
    static Table leads(int rows, long seed) {
        Random random = new Random(seed);
        NumericColumn.Builder dropped = NumericColumn.builder("dropped", rows);
        CategoricalColumn.Builder platform = CategoricalColumn.builder("platform", rows);
        BooleanColumn.Builder referred = BooleanColumn.builder("referred");
        CategoricalColumn.Builder label = CategoricalColumn.builder("converted", rows);
        for (int i = 0; i < rows; i++) {
            double x = random.nextGaussian();
            boolean level0 = random.nextBoolean();
            boolean ref = random.nextDouble() < 0.3;
            dropped.add(x);
            platform.add(level0 ? "Level0" : "Level7");
            referred.add(ref);
            double logit = 2 * x + (level0 ? 1 : -1) + (ref ? 1 : 0);
            label.add(random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "1" : "0");
        }
        return Table.of(dropped.build(), platform.build(), referred.build(), label.build());
    }
}

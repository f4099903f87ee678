package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.MlopsProperties;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.ModelRegistry;
import org.mlops4j.core.tracking.ModelStage;
import org.mlops4j.core.tracking.ModelVersion;
import org.mlops4j.core.tracking.TrackingClient;

/**
 * Promotion gated by held-out scores, on a real file store and registry with models trained on Tribuo: a better
 * candidate replaces Production, a worse one (trained on shuffled labels) does not, and the scores the gate reports
 * are the ones each model gives on the same rows.
 */
class ChampionChallengerTest {

    private static final String TARGET = "app_complete_flag";
    private static final String MODEL = "lead-scoring";

    @TempDir
    Path folder;

    private TrackingClient tracking;
    private ModelRegistry registry;
    private ModelTracking models;

    @BeforeEach
    void open() {
        URI location = folder.resolve("mlruns").toUri();
        tracking = TrackingClient.open(Mlops.create(), location);
        registry = Mlops.builder().property(MlopsProperties.REGISTRY_URI, location.toString()).build()
                .openModelRegistry();
        models = ModelTracking.of(tracking, registry);
    }

    @AfterEach
    void close() throws Exception {
        registry.close();
        tracking.close();
    }

    /** Rows whose label depends on both features; with {@code shuffled} the labels are drawn independently. */
    private static Table leads(int rows, long seed, boolean shuffled) {
        Random random = new Random(seed);
        NumericColumn.Builder dropped = NumericColumn.builder("total_leads_droppped", rows);
        CategoricalColumn.Builder platform = CategoricalColumn.builder("first_platform_c", rows);
        CategoricalColumn.Builder label = CategoricalColumn.builder(TARGET, rows);
        for (int i = 0; i < rows; i++) {
            double x = random.nextGaussian();
            boolean level0 = random.nextBoolean();
            dropped.add(x);
            platform.add(level0 ? "Level0" : "Level7");
            double logit = shuffled ? 0 : 2 * x + (level0 ? 1 : -1);
            label.add(random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "1" : "0");
        }
        return Table.of(dropped.build(), platform.build(), label.build());
    }

    private ModelVersion register(Table data, String family) {
        TrainedModel trained = ModelingSetup.builder(data, TARGET).folds(3).seed(5).build().createModel(family)
                .model();
        try (ActiveRun run = tracking.startRun("leads", "train-" + family)) {
            ModelVersion version = models.register(models.logModel(run, trained, data), MODEL);
            run.end();
            return version;
        }
    }

    private static double auc(TrainedModel model, Table rows) {
        return model.evaluate(rows).get(EvaluationMetric.AUC);
    }

    @Test
    void theFirstVersionIsPromotedAndABetterOneReplacesItWhileAWorseOneDoesNot() {
        Table heldOut = leads(600, 3, false);
        ChampionChallenger gate = ChampionChallenger.of(models, registry).metric(EvaluationMetric.AUC);

        ModelVersion noise = register(leads(500, 1, true), "lr");
        PromotionDecision first = gate.challenge(MODEL, noise.version(), heldOut);
        assertTrue(first.promoted());
        assertTrue(first.championVersion().isEmpty());
        assertEquals(ModelStage.PRODUCTION, registry.getVersion(MODEL, noise.version()).stage());
        assertEquals(noise.version(), registry.getModel(MODEL).versionOf("champion").orElseThrow());

        ModelVersion good = register(leads(500, 2, false), "lr");
        PromotionDecision second = gate.challenge(MODEL, good.version(), heldOut);
        double goodAuc = auc(models.load("models:/" + MODEL + "/" + good.version()), heldOut);
        double noiseAuc = auc(models.load("models:/" + MODEL + "/" + noise.version()), heldOut);
        assertTrue(goodAuc > noiseAuc + 0.1, goodAuc + " vs " + noiseAuc);
        assertEquals(goodAuc, second.candidateScore(), 0.0);
        assertEquals(noiseAuc, second.championScore().getAsDouble(), 0.0);
        assertEquals(noise.version(), second.championVersion().getAsInt());
        assertEquals(600, second.heldOutRows());
        assertTrue(second.promoted());
        assertEquals(ModelStage.PRODUCTION, registry.getVersion(MODEL, good.version()).stage());
        assertEquals(ModelStage.ARCHIVED, registry.getVersion(MODEL, noise.version()).stage());
        assertEquals(good.version(), registry.getModel(MODEL).versionOf("champion").orElseThrow());
        assertEquals(second.summary(), registry.getVersion(MODEL, good.version()).tags()
                .get(ChampionChallenger.DECISION_TAG));

        ModelVersion worse = register(leads(500, 4, true), "lr");
        PromotionDecision third = gate.challenge(MODEL, worse.version(), heldOut);
        assertFalse(third.promoted(), third.summary());
        assertEquals(good.version(), third.championVersion().getAsInt());
        assertEquals(ModelStage.NONE, registry.getVersion(MODEL, worse.version()).stage());
        assertEquals(ModelStage.PRODUCTION, registry.getVersion(MODEL, good.version()).stage());
        assertEquals("false", registry.getVersion(MODEL, worse.version()).tags()
                .get(ChampionChallenger.PROMOTED_TAG));
        assertTrue(third.summary().endsWith("not promoted, Production unchanged"), third.summary());
    }

    @Test
    void aVersionPromotedWhileTheCandidateIsScoredIsComparedWithToo() {
        Table heldOut = leads(600, 3, false);
        ModelVersion noise = register(leads(500, 1, true), "lr");
        ChampionChallenger.of(models, registry).challenge(MODEL, noise.version(), heldOut);
        ModelVersion good = register(leads(1500, 2, false), "lr");
        ModelVersion middling = register(leads(60, 5, false), "lr");
        // Another process promotes the good version just after this challenge first reads Production.
        AtomicInteger productionReads = new AtomicInteger();
        ModelRegistry racing = (ModelRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ModelRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("latestVersions") && productionReads.incrementAndGet() == 1) {
                        Object before = method.invoke(registry, args);
                        registry.transitionStage(MODEL, good.version(), ModelStage.PRODUCTION, true);
                        return before;
                    }
                    return method.invoke(registry, args);
                });
        PromotionDecision decision = ChampionChallenger.of(models, racing).challenge(MODEL, middling.version(),
                heldOut);
        assertEquals(good.version(), decision.championVersion().getAsInt(), decision.summary());
        double goodAuc = auc(models.load("models:/" + MODEL + "/" + good.version()), heldOut);
        assertEquals(goodAuc, decision.championScore().getAsDouble(), 0.0);
        assertEquals(goodAuc > decision.candidateScore(), !decision.promoted(), decision.summary());
        assertFalse(decision.promoted(), "the small-sample model should lose to the good one: " + decision.summary());
        assertEquals(ModelStage.PRODUCTION, registry.getVersion(MODEL, good.version()).stage());
    }

    @Test
    void aCandidateBetterByLessThanTheMarginIsNotPromoted() {
        Table heldOut = leads(600, 3, false);
        ModelVersion first = register(leads(500, 2, false), "lr");
        ChampionChallenger.of(models, registry).challenge(MODEL, first.version(), heldOut);
        ModelVersion more = register(leads(1500, 6, false), "lr");

        PromotionDecision plain = ChampionChallenger.of(models, registry).minImprovement(0.5)
                .challenge(MODEL, more.version(), heldOut);
        assertFalse(plain.promoted(), plain.summary());
        assertEquals(EvaluationMetric.AUC, plain.metric(), "classification compares on AUC by default");
        assertEquals(ModelStage.PRODUCTION, registry.getVersion(MODEL, first.version()).stage());
    }

    @Test
    void errorMetricsPromoteTheLowerScore() {
        Random random = new Random(8);
        Table train = regression(random, 400, 0.1);
        Table noisy = regression(random, 400, 3.0);
        Table heldOut = regression(random, 300, 0.1);
        ChampionChallenger gate = ChampionChallenger.of(models, registry).metric(EvaluationMetric.RMSE).alias(null);
        ModelVersion constant = registerRegression(noisy, "dummy");
        gate.challenge(MODEL, constant.version(), heldOut);
        ModelVersion linear = registerRegression(train, "lr");
        PromotionDecision decision = gate.challenge(MODEL, linear.version(), heldOut);
        assertTrue(decision.candidateScore() < decision.championScore().getAsDouble(), decision.summary());
        assertTrue(decision.promoted(), decision.summary());
        assertTrue(registry.getModel(MODEL).aliases().isEmpty(), "alias(null) sets no alias");
    }

    private ModelVersion registerRegression(Table data, String family) {
        TrainedModel trained = ModelingSetup.builder(data, "y").folds(3).seed(5).build().createModel(family).model();
        try (ActiveRun run = tracking.startRun("regression", "train-" + family)) {
            ModelVersion version = models.register(models.logModel(run, trained, data), MODEL);
            run.end();
            return version;
        }
    }

    private static Table regression(Random random, int rows, double noise) {
        NumericColumn.Builder x = NumericColumn.builder("x", rows);
        NumericColumn.Builder y = NumericColumn.builder("y", rows);
        for (int i = 0; i < rows; i++) {
            double v = random.nextGaussian();
            x.add(v);
            y.add(3 * v + noise * random.nextGaussian());
        }
        return Table.of(x.build(), y.build());
    }

    @Test
    void aModelWithoutProbabilitiesCannotBeComparedOnAuc() {
        Table heldOut = leads(300, 3, false);
        ModelVersion knn = register(leads(300, 2, false), "knn");
        MlopsException e = assertThrows(MlopsException.class,
                () -> ChampionChallenger.of(models, registry).challenge(MODEL, knn.version(), heldOut));
        assertTrue(e.getMessage().contains("AUC of candidate version 1 (knn)"), e.getMessage());
        assertTrue(e.getMessage().contains("no probabilities"), e.getMessage());
        assertEquals(ModelStage.NONE, registry.getVersion(MODEL, knn.version()).stage(), "nothing was promoted");
    }

    @Test
    void heldOutRowsOfOneClassGiveNoAucAndPromoteNothing() {
        ModelVersion lr = register(leads(300, 2, false), "lr");
        Table heldOut = leads(400, 3, false);
        Table positives = heldOut.filterRows(row -> "1".equals(row.getString(TARGET)));
        MlopsException e = assertThrows(MlopsException.class,
                () -> ChampionChallenger.of(models, registry).challenge(MODEL, lr.version(), positives));
        assertTrue(e.getMessage().contains("undefined on " + positives.rowCount() + " held-out rows"), e.getMessage());
        assertEquals(ModelStage.NONE, registry.getVersion(MODEL, lr.version()).stage());
    }

    @Test
    void anUnknownVersionIsAClearError() {
        register(leads(300, 2, false), "lr");
        Exception e = assertThrows(RuntimeException.class,
                () -> ChampionChallenger.of(models, registry).challenge(MODEL, 7, leads(100, 3, false)));
        assertTrue(e.getMessage().contains("7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChampionChallenger.of(models, registry).minImprovement(-1));
    }
}

package org.mlops4j.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.Schema;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.PredictOptions;
import org.mlops4j.models.Predictions;
import org.mlops4j.models.ScoringModel;
import org.mlops4j.models.TaskType;
import org.mlops4j.models.TrainedModel;
import org.mlops4j.serving.internal.LoadedVersion;
import org.mlops4j.serving.internal.ServedModel;

/**
 * A version that stops serving closes its model (an ONNX session's native memory) once no request scores with it,
 * never while one does, and exactly once; checked with a real trained model that counts its closings.
 */
class ServedModelTest {

    private static TrainedModel trained;
    private static Table rows;

    /** The trained model, closeable as a model holding native memory is. */
    private record Closeable(TrainedModel model, AtomicInteger closes) implements ScoringModel, AutoCloseable {
        @Override
        public String flavor() {
            return model.flavor();
        }

        @Override
        public TaskType task() {
            return model.task();
        }

        @Override
        public Schema inputSchema() {
            return model.inputSchema();
        }

        @Override
        public List<String> classLabels() {
            return model.classLabels();
        }

        @Override
        public Optional<String> positiveLabel() {
            return model.positiveLabel();
        }

        @Override
        public Predictions predict(Table table, PredictOptions options) {
            return model.predict(table, options);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @BeforeAll
    static void train() {
        trained = ServingFixture.train(ServingFixture.leads(300, 3));
        rows = ServingFixture.leads(5, 4);
    }

    private static ServedModel served(AtomicInteger closes) {
        return new ServedModel(new LoadedVersion("lead-scoring", 1, "models:/lead-scoring/1", Instant.now()),
                new Closeable(trained, closes));
    }

    @Test
    void aRetiredVersionWithoutRequestsClosesAtOnceAndTakesNoMore() {
        AtomicInteger closes = new AtomicInteger();
        ServedModel model = served(closes);
        model.retire();
        assertEquals(1, closes.get());
        assertFalse(model.enter());
        model.retire();
        assertEquals(1, closes.get());
    }

    @Test
    void theLastRequestOutOfARetiredVersionClosesIt() {
        AtomicInteger closes = new AtomicInteger();
        ServedModel model = served(closes);
        assertTrue(model.enter());
        assertTrue(model.enter());
        model.retire();
        assertFalse(model.enter());
        model.exit();
        assertEquals(0, closes.get());
        assertEquals(5, model.predictor().predict(rows).size());
        model.exit();
        assertEquals(1, closes.get());
        assertTrue(model.closed());
    }

    @Test
    void requestsRacingARetirementNeverScoreWithAClosedModel() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            AtomicInteger closes = new AtomicInteger();
            ServedModel model = served(closes);
            AtomicBoolean scoredWhileClosed = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> entered = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    entered.add(pool.submit(() -> {
                        int count = 0;
                        while (model.enter()) {
                            scoredWhileClosed.compareAndSet(false, closes.get() > 0);
                            model.predictor().predict(rows.head(1));
                            model.exit();
                            count++;
                        }
                        return count;
                    }));
                }
                Thread.sleep(5);
                model.retire();
                for (Future<Integer> future : entered) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertFalse(scoredWhileClosed.get(), "a request scored with a closed model");
            assertEquals(1, closes.get(), "closings");
        }
    }
}

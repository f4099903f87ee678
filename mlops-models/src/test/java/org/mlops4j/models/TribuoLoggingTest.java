package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class TribuoLoggingTest {

    @Test
    void tribuosForestTrainsWithoutALogLinePerTree() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger bagging = Logger.getLogger("org.tribuo.ensemble.BaggingTrainer");
        bagging.addHandler(capture);
        try {
            ModelingSetup.builder(TestTables.breastCancer(), "target").folds(2).seed(3).build()
                    .createModel("tribuo_rf", Map.of("n_trees", 5, "max_depth", 3));
        } finally {
            bagging.removeHandler(capture);
        }
        assertEquals(List.of(), lines);
    }
}

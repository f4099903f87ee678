package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlops4j.core.data.CategoricalColumn;
import org.mlops4j.core.data.NumericColumn;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.runtime.Mlops;
import org.mlops4j.core.tracking.ActiveRun;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingClient;

/** A real model comparison on Tribuo, every candidate recorded as a nested run in a real file store. */
class TrackingModelingListenerTest {

    @TempDir
    Path folder;

    private static Table separableLeads(int rows, long seed) {
        Random random = new Random(seed);
        NumericColumn.Builder dropped = NumericColumn.builder("total_leads_droppped", rows);
        CategoricalColumn.Builder platform = CategoricalColumn.builder("first_platform_c", rows);
        CategoricalColumn.Builder label = CategoricalColumn.builder("app_complete_flag", rows);
        for (int i = 0; i < rows; i++) {
            double x = random.nextGaussian();
            boolean level0 = random.nextBoolean();
            dropped.add(x);
            platform.add(level0 ? "Level0" : "Level7");
            double logit = 2 * x + (level0 ? 1 : -1);
            label.add(random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "1" : "0");
        }
        return Table.of(dropped.build(), platform.build(), label.build());
    }

    @Test
    void everyCandidateIsANestedRunWithParamsFoldHistoryAndSummaryMetrics() {
        try (TrackingClient tracking = TrackingClient.open(Mlops.create(), folder.resolve("mlruns").toUri())) {
            Leaderboard board;
            String parentId;
            try (ActiveRun comparison = tracking.startRun("leads", "compare")) {
                parentId = comparison.id();
                board = ModelingSetup.builder(separableLeads(300, 3), "app_complete_flag").folds(3).seed(1)
                        .parallelism(2).listener(TrackingModelingListener.under(comparison)).build()
                        .compareModels(CompareOptions.defaults().include("lr", "dt", "dummy").sortBy(EvaluationMetric.AUC));
                comparison.end();
            }
            assertEquals(3, board.entries().size());

            String experimentId = tracking.getExperimentByName("leads").orElseThrow().experimentId();
            List<Run> candidates = tracking.searchAllRuns(SearchRequest.builder(experimentId)
                    .filter("tags.`" + SystemTags.PARENT_RUN_ID + "` = '" + parentId + "'").build());
            Map<String, Run> byFamily = candidates.stream()
                    .collect(Collectors.toMap(r -> r.data().params().get("family"), r -> r));
            assertEquals(List.of("dt", "dummy", "lr"), byFamily.keySet().stream().sorted().toList());
            Run lr = byFamily.get("lr");
            assertEquals(RunStatus.FINISHED, lr.info().status());
            assertEquals("3", lr.data().params().get("folds"));
            double meanAuc = board.entries().stream().filter(e -> e.family().equals("lr")).findFirst().orElseThrow()
                    .metric(EvaluationMetric.AUC).mean();
            assertEquals(meanAuc, lr.data().metric("auc").orElseThrow(), 1e-12);
            assertTrue(meanAuc > 0.8, "lr separates the generated leads: " + meanAuc);
            assertEquals(4, tracking.getMetricHistory(lr.info().runId(), "auc").size(), "three folds and the mean");
            assertTrue(byFamily.get("dt").data().metric("auc").isPresent(), "trees give probabilities");
        }
    }
}

package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FailedCandidatesTest {

    @Test
    void aCandidateFailingForItsOwnReasonIsListedWithItAndTheSummaryCountsIt() {
        ModelingSetup setup = ModelingSetup.builder(TestTables.breastCancer(), "target").folds(2).seed(7).build();

        Leaderboard board = setup.compareModels(CompareOptions.defaults().include("dt", "knn")
                .withParams("knn", Map.of("distance", "MANHATTAN")));

        LeaderboardEntry knn = board.entry("knn").orElseThrow();
        assertEquals(CandidateStatus.FAILED, knn.status());
        String text = board.toText();
        assertTrue(text.contains("Unknown distance 'MANHATTAN'"), text);
        assertTrue(text.contains("; 1 of 2 candidates completed, 1 failed"), text);
    }
}

package org.mlops4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.Progress;

class ModelingProgressTest {

    @Test
    void compareReportsEachCandidateStartEachFoldAndEachEndInOrderUpToTheTotal() {
        List<Progress> events = new ArrayList<>();
        ModelingSetup setup = ModelingSetup.builder(TestTables.breastCancer(), "target").folds(3).seed(7)
                .parallelism(2).progress(events::add).build();

        setup.compareModels(CompareOptions.defaults().include("dummy", "lr"));

        assertEquals(2 * (1 + 3 + 1), events.size(), "per candidate: a start, three folds, an end");
        assertEquals("candidate dummy (1 of 2)", events.get(0).stage());
        assertEquals("", events.get(0).detail());
        assertEquals(List.of("fold 1 of 3", "fold 2 of 3", "fold 3 of 3", "done"),
                events.subList(1, 5).stream().map(Progress::detail).toList());
        assertEquals("candidate lr (2 of 2)", events.get(5).stage());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 4L, 5L, 6L, 7L, 8L), events.stream().map(Progress::done).toList());
        events.forEach(e -> assertEquals(2 * (3 + 1), e.total()));
        assertTrue(events.subList(0, events.size() - 1).stream().noneMatch(Progress::finished));
        events.forEach(e -> assertEquals("compare models", e.task()));
        assertTrue(events.get(events.size() - 1).finished());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).elapsed().compareTo(events.get(i - 1).elapsed()) >= 0, "elapsed never shrinks");
        }
    }

    @Test
    void tuneCountsTheDefaultsAndEverySampledTrialAsCandidates() {
        List<Progress> events = new ArrayList<>();
        ModelingSetup setup = ModelingSetup.builder(TestTables.breastCancer(), "target").folds(2).seed(7)
                .progress(events::add).build();

        setup.tuneModel("dt", 2, EvaluationMetric.ACCURACY);

        assertEquals(3 * (1 + 2 + 1), events.size());
        assertEquals("tune dt", events.get(0).task());
        assertEquals(List.of("candidate dt#0 (1 of 3)", "candidate dt#1 (2 of 3)", "candidate dt#2 (3 of 3)"),
                events.stream().map(Progress::stage).distinct().toList());
        assertEquals(3 * (2 + 1), events.get(events.size() - 1).done());
        assertTrue(events.get(events.size() - 1).finished());
    }

    @Test
    void aFailedCandidateStillCountsItsFoldsSoTheLastEventIsFinished() {
        List<Progress> events = new ArrayList<>();
        ModelingSetup setup = ModelingSetup.builder(TestTables.breastCancer(), "target").folds(2).seed(7)
                .progress(events::add).build();

        setup.compareModels(CompareOptions.defaults().include("dt", "knn")
                .withParams("knn", java.util.Map.of("distance", "NOT_A_DISTANCE")));

        Progress last = events.get(events.size() - 1);
        assertEquals("failed", last.detail());
        assertEquals(2 * (2 + 1), last.done());
        assertTrue(last.finished());
    }

    @Test
    void aLineSaysTheStageTheShareTheTimeSpentAndTheTimeLeft() {
        Progress progress = new Progress("compare models", "candidate rf (3 of 12)", "fold 4 of 10", 24, 120,
                java.time.Duration.ofSeconds(9));

        assertEquals("compare models: candidate rf (3 of 12), fold 4 of 10 - 20 % - 9 s elapsed, about 36 s left",
                progress.toLine());
    }
}

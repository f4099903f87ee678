package org.mlops4j.core.tracking.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.tracking.LifecycleStage;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunData;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.SystemTags;

class ParentsFirstTest {

    @Test
    void putsEachParentBeforeItsNestedRunsAndKeepsTheOrderOtherwise() {
        Run grandchild = run("c", "b");
        Run child = run("b", "a");
        Run parent = run("a", null);
        Run alone = run("x", null);
        Run orphan = run("o", "not-in-the-list");
        assertEquals(List.of("a", "b", "c", "x", "o"), reorder(grandchild, alone, child, parent, orphan));
        assertEquals(List.of("x", "a", "b", "c"), reorder(alone, parent, child, grandchild));
    }

    @Test
    void breaksALoopOfParentTagsInsteadOfLoopingForever() {
        Run a = run("a", "b");
        Run b = run("b", "a");
        assertEquals(2, ParentsFirst.order(List.of(a, b)).size());
    }

    private static List<String> reorder(Run... runs) {
        return ids(ParentsFirst.order(List.of(runs)));
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::runId).toList();
    }

    private static Run run(String id, String parent) {
        RunInfo info = new RunInfo(id, "1", id, "u", RunStatus.FINISHED, 0, OptionalLong.empty(), "",
                LifecycleStage.ACTIVE);
        return new Run(info, new RunData(Map.of(), Map.of(), parent == null ? Map.of()
                : Map.of(SystemTags.PARENT_RUN_ID, parent)));
    }
}

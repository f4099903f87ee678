package org.mlops4j.core.tracking.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlops4j.core.tracking.Run;

/**
 * Orders runs so that a parent comes before its nested runs (so that a child's copy can name its parent's copy),
 * otherwise keeping the order given. A loop of parent tags, which no store should hold, is broken where found.
 */
final class ParentsFirst {

    private ParentsFirst() {
    }

    static List<Run> order(List<Run> runs) {
        Map<String, Run> byId = new LinkedHashMap<>();
        runs.forEach(run -> byId.put(run.runId(), run));
        List<Run> ordered = new ArrayList<>(runs.size());
        Set<String> placed = new HashSet<>();
        for (Run run : runs) {
            place(run, byId, placed, ordered);
        }
        return ordered;
    }

    private static void place(Run run, Map<String, Run> byId, Set<String> placed, List<Run> ordered) {
        List<Run> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Run at = run; at != null && !placed.contains(at.runId()) && seen.add(at.runId());
             at = at.parentRunId().map(byId::get).orElse(null)) {
            chain.add(at);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            placed.add(chain.get(i).runId());
            ordered.add(chain.get(i));
        }
    }
}

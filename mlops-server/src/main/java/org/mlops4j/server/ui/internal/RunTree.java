package org.mlops4j.server.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlops4j.core.tracking.Run;

/**
 * The runs of one page of the runs table, with each child run (tag {@code mlflow.parentRunId}) moved under its parent
 * when the parent is on the same page, as PyCaret's comparisons nest one run per candidate. A child whose parent is
 * not on the page keeps its place.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 *
 * @param ordered  the runs, every parent followed by its children on the page (in the page's order)
 * @param nested   the ids of the runs shown under their parent
 * @param children per parent id, how many of its children are on the page
 */
record RunTree(List<Run> ordered, Set<String> nested, Map<String, Integer> children) {

    /**
     * @param page the runs in the page's order
     * @return the runs with children under their parents
     */
    static RunTree of(List<Run> page) {
        Set<String> onPage = page.stream().map(Run::runId).collect(Collectors.toSet());
        Map<String, List<Run>> byParent = new LinkedHashMap<>();
        List<Run> roots = new ArrayList<>();
        for (Run run : page) {
            String parent = run.parentRunId().filter(p -> !p.equals(run.runId()) && onPage.contains(p)).orElse(null);
            if (parent == null) {
                roots.add(run);
            } else {
                byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(run);
            }
        }
        List<Run> ordered = new ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        roots.forEach(root -> place(root, byParent, ordered, placed));
        page.stream().filter(r -> !placed.contains(r.runId())).forEach(r -> place(r, byParent, ordered, placed));
        Map<String, Integer> counts = new LinkedHashMap<>();
        byParent.forEach((parent, kids) -> counts.put(parent, kids.size()));
        Set<String> nested = byParent.values().stream().flatMap(List::stream).map(Run::runId)
                .collect(Collectors.toSet());
        return new RunTree(List.copyOf(ordered), Set.copyOf(nested), Map.copyOf(counts));
    }

    private static void place(Run run, Map<String, List<Run>> byParent, List<Run> ordered, Set<String> placed) {
        if (!placed.add(run.runId())) {
            return; // a cycle of parent tags: each run once
        }
        ordered.add(run);
        byParent.getOrDefault(run.runId(), List.of()).forEach(child -> place(child, byParent, ordered, placed));
    }

    /** @return whether some run on the page is shown under its parent */
    boolean hasChildren() {
        return !nested.isEmpty();
    }

    /** @param run a run of the page @return whether it is shown under its parent */
    boolean isNested(Run run) {
        return nested.contains(run.runId());
    }

    /** @param run a run of the page @return how many of its children are on the page */
    int childCount(Run run) {
        return children.getOrDefault(run.runId(), 0);
    }
}

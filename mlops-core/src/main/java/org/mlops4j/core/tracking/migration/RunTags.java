package org.mlops4j.core.tracking.migration;

import java.util.Map;
import java.util.TreeMap;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.SystemTags;

/** The tags a source run's copy must carry: the source's own, with the parent run id pointing into the target. */
final class RunTags {

    private RunTags() {
    }

    /**
     * @param source  a source run
     * @param mapping the copies made so far
     * @return its tags as the target holds them: without the migration's own tags (a source that was itself
     *         migrated keeps them for its own source), and with {@link SystemTags#PARENT_RUN_ID} naming the parent's
     *         copy when the parent was copied
     */
    static Map<String, String> expected(Run source, RunMapping mapping) {
        Map<String, String> tags = new TreeMap<>(source.data().tags());
        tags.remove(StoreMigration.MIGRATED_FROM);
        tags.remove(StoreMigration.MIGRATION_COMPLETE);
        String parent = tags.get(SystemTags.PARENT_RUN_ID);
        if (parent != null) {
            mapping.targetId(parent).ifPresent(copy -> tags.put(SystemTags.PARENT_RUN_ID, copy));
        }
        return tags;
    }

    /**
     * @param target a target run's tags
     * @return them without the migration's own tags, and without a {@link SystemTags#RUN_NAME} the source lacked
     *         (every store sets it on new runs)
     */
    static Map<String, String> comparable(Map<String, String> target, Map<String, String> expected) {
        Map<String, String> tags = new TreeMap<>(target);
        tags.remove(StoreMigration.MIGRATED_FROM);
        tags.remove(StoreMigration.MIGRATION_COMPLETE);
        if (!expected.containsKey(SystemTags.RUN_NAME)) {
            tags.remove(SystemTags.RUN_NAME);
        }
        return tags;
    }
}

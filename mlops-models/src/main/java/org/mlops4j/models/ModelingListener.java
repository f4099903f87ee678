package org.mlops4j.models;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Hears the progress of {@link ModelingSetup#compareModels}, {@link ModelingSetup#createModel} and
 * {@link ModelingSetup#tuneModel}: a place to print progress or to record each candidate as a (nested) tracked run.
 *
 * <p>All calls come from the thread that called the setup's method, in order: one {@link #onCandidateStart}, then one
 * {@link #onFoldDone} per finished fold, then one {@link #onCandidateEnd} (also for candidates that failed, were
 * unavailable or ran out of time). An exception thrown by a listener is logged and otherwise ignored.
 */
public interface ModelingListener {

    /** A listener that does nothing. */
    ModelingListener NONE = new ModelingListener() {
    };

    /**
     * A candidate starts.
     *
     * @param candidateId the candidate's id (family key, or key#trial when tuning)
     * @param family      the family
     * @param params      the complete parameters it trains with
     * @param folds       the number of folds it will run
     */
    default void onCandidateStart(String candidateId, ModelFamily family, Map<String, Object> params, int folds) {
    }

    /** @param result one fold of the current candidate, finished */
    default void onFoldDone(FoldResult result) {
    }

    /** @param entry the candidate's summary, whatever its status */
    default void onCandidateEnd(LeaderboardEntry entry) {
    }

    /**
     * @param out where to print
     * @return a listener that prints one line per candidate start and end, and a dot per fold
     */
    static ModelingListener printingTo(PrintStream out) {
        return new ModelingListener() {
            @Override
            public void onCandidateStart(String candidateId, ModelFamily family, Map<String, Object> params,
                    int folds) {
                out.printf(Locale.ROOT, "%-14s %-28s %d folds ", candidateId, family.name(), folds);
                out.flush();
            }

            @Override
            public void onFoldDone(FoldResult result) {
                out.print('.');
                out.flush();
            }

            @Override
            public void onCandidateEnd(LeaderboardEntry entry) {
                out.println(" " + entry.summaryLine());
            }
        };
    }
}

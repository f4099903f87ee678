package org.mlops4j.models;

import java.time.Duration;
import java.util.Map;
import org.mlops4j.core.Progress;
import org.mlops4j.core.ProgressListener;

/**
 * Turns the candidate and fold calls of one compare, tune or create into {@link Progress} events: one when a
 * candidate starts, one per finished fold, one when it ends. A candidate is {@code folds + 1} units of work: one
 * per fold and one for its end (so only the last candidate's end is finished); a candidate that stops early
 * (failed, unavailable, out of time) counts all its units as done when it ends. Used by one call at a time, from
 * the setup's calling thread.
 */
final class CandidateProgress implements ModelingListener {

    private final ProgressListener out;
    private final String task;
    private final int candidates;
    private final int folds;
    private final long start = System.nanoTime();
    private int index;
    private int foldsDone;
    private long done;
    private String stage = "";

    private CandidateProgress(ProgressListener out, String task, int candidates, int folds) {
        this.out = out;
        this.task = task;
        this.candidates = candidates;
        this.folds = folds;
    }

    /**
     * @param listener   the setup's own listener, called first
     * @param progress   where progress goes; {@link ProgressListener#NONE} leaves the listener alone
     * @param task       the work's name ({@code compare models})
     * @param candidates how many candidates the call will run
     * @param folds      folds per candidate
     * @return a listener that calls both
     */
    static ModelingListener alongside(ModelingListener listener, ProgressListener progress, String task,
            int candidates, int folds) {
        if (progress == ProgressListener.NONE || candidates == 0) {
            return listener;
        }
        CandidateProgress counter = new CandidateProgress(progress, task, candidates, folds);
        return new ModelingListener() {
            @Override
            public void onCandidateStart(String candidateId, ModelFamily family, Map<String, Object> params,
                    int foldCount) {
                listener.onCandidateStart(candidateId, family, params, foldCount);
                counter.onCandidateStart(candidateId, family, params, foldCount);
            }

            @Override
            public void onFoldDone(FoldResult result) {
                listener.onFoldDone(result);
                counter.onFoldDone(result);
            }

            @Override
            public void onCandidateEnd(LeaderboardEntry entry) {
                listener.onCandidateEnd(entry);
                counter.onCandidateEnd(entry);
            }
        };
    }

    @Override
    public void onCandidateStart(String candidateId, ModelFamily family, Map<String, Object> params, int foldCount) {
        index++;
        foldsDone = 0;
        stage = "candidate " + candidateId + " (" + index + " of " + candidates + ")";
        emit("");
    }

    @Override
    public void onFoldDone(FoldResult result) {
        foldsDone++;
        done = Math.min(done + 1, (long) index * units() - 1);
        emit("fold " + foldsDone + " of " + folds);
    }

    @Override
    public void onCandidateEnd(LeaderboardEntry entry) {
        done = (long) index * units();
        emit(entry.status() == CandidateStatus.COMPLETED ? "done"
                : entry.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }

    private void emit(String detail) {
        out.onProgress(new Progress(task, stage, detail, done, (long) candidates * units(),
                Duration.ofNanos(System.nanoTime() - start)));
    }

    private long units() {
        return folds + 1L;
    }
}

package org.mlops4j.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.mlops4j.core.data.Table;
import org.mlops4j.models.internal.StratifiedSplits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-validates one candidate: its folds run in parallel on a bounded executor, each fitting its own encoder on
 * the fold's training rows; the result is summarised into a leaderboard entry. A deadline stops waiting and marks
 * the candidate not finished. A fold that runs out of memory stops the whole call with
 * {@link TrainingOutOfMemoryException}: the heap is the process's limit, not the candidate's failure.
 */
final class CrossValidator {

    private static final Logger LOG = LoggerFactory.getLogger(CrossValidator.class);

    private CrossValidator() {
    }

    /**
     * @param data          the training rows and folds
     * @param candidateId   the candidate's id
     * @param family        the family
     * @param params        its complete parameters
     * @param executor      where folds run
     * @param deadlineNanos {@link System#nanoTime()} after which to stop waiting ({@link Long#MAX_VALUE}: never)
     * @param listener      told about the start, each fold and the end
     * @return the candidate's entry, whatever its status
     */
    public static LeaderboardEntry run(ModelingData data, String candidateId, ModelFamily family,
            Map<String, Object> params, ExecutorService executor, long deadlineNanos, ModelingListener listener) {
        safely(() -> listener.onCandidateStart(candidateId, family, params, data.folds()));
        LeaderboardEntry entry = evaluate(data, candidateId, family, params, executor, deadlineNanos, listener);
        safely(() -> listener.onCandidateEnd(entry));
        return entry;
    }

    private static LeaderboardEntry evaluate(ModelingData data, String candidateId, ModelFamily family,
            Map<String, Object> params, ExecutorService executor, long deadlineNanos, ModelingListener listener) {
        long start = System.nanoTime();
        Optional<String> unavailable = FamilyCatalog.unavailableReason(family);
        if (unavailable.isPresent()) {
            return entry(start, candidateId, family, params, CandidateStatus.UNAVAILABLE, List.of(), unavailable);
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
            return entry(start, candidateId, family, params, CandidateStatus.NOT_FINISHED, List.of(),
                    Optional.of("time budget used up before it started"));
        }
        CompletionService<FoldResult> completion = new ExecutorCompletionService<>(executor);
        List<Future<FoldResult>> futures = new ArrayList<>();
        for (int f = 0; f < data.folds(); f++) {
            int fold = f;
            futures.add(completion.submit(() -> runFold(data, candidateId, family, params, fold)));
        }
        List<FoldResult> done = new ArrayList<>();
        try {
            while (done.size() < data.folds()) {
                long remaining = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
                Future<FoldResult> next = remaining == Long.MAX_VALUE ? completion.take()
                        : completion.poll(Math.max(0, remaining), TimeUnit.NANOSECONDS);
                if (next == null) {
                    cancel(futures);
                    return entry(start, candidateId, family, params, CandidateStatus.NOT_FINISHED, done,
                            Optional.of("time budget ran out after " + done.size() + " of " + data.folds()
                                    + " folds"));
                }
                FoldResult result = next.get();
                done.add(result);
                safely(() -> listener.onFoldDone(result));
            }
        } catch (ExecutionException e) {
            cancel(futures);
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError oom) {
                throw new TrainingOutOfMemoryException(candidateId, data.training().rowCount(), data.features().size(),
                        oom);
            }
            LOG.warn("Candidate {} ({}) failed: {}", candidateId, family.key(), cause.toString());
            return entry(start, candidateId, family, params, CandidateStatus.FAILED, done,
                    Optional.of(cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        } catch (InterruptedException e) {
            cancel(futures);
            Thread.currentThread().interrupt();
            return entry(start, candidateId, family, params, CandidateStatus.NOT_FINISHED, done,
                    Optional.of("interrupted"));
        }
        return entry(start, candidateId, family, params, CandidateStatus.COMPLETED, done, Optional.empty());
    }

    private static FoldResult runFold(ModelingData data, String candidateId, ModelFamily family,
            Map<String, Object> params, int fold) {
        Table train = data.training().take(StratifiedSplits.rows(data.foldOf(), fold, false));
        Table valid = data.training().take(StratifiedSplits.rows(data.foldOf(), fold, true));
        ModelFitter.Fitted fitted = ModelFitter.fit(train, data.target(), data.features(), family, params,
                data.options(), data.seed());
        ModelScorer.Scored scored = ModelScorer.predict(fitted.model(), fitted.compact(), fitted.encoder(),
                family.scaling(), data.target(), valid);
        return new FoldResult(candidateId, family.key(), fold, ModelScorer.metrics(scored, data.target()),
                fitted.trainingSeconds());
    }

    private static LeaderboardEntry entry(long start, String candidateId, ModelFamily family, Map<String, Object> params,
            CandidateStatus status, List<FoldResult> folds, Optional<String> message) {
        List<FoldResult> ordered = new ArrayList<>(folds);
        ordered.sort(Comparator.comparingInt(FoldResult::fold));
        Map<EvaluationMetric, MetricSummary> metrics = new EnumMap<>(EvaluationMetric.class);
        MetricSummary seconds = MetricSummary.notAvailable();
        if (!ordered.isEmpty()) {
            seconds = MetricSummary.of(ordered.stream().map(FoldResult::trainingSeconds).toList());
        }
        for (EvaluationMetric metric : EvaluationMetric.forTask(family.task())) {
            metrics.put(metric, status == CandidateStatus.COMPLETED
                    ? MetricSummary.of(ordered.stream().map(r -> r.metrics().getOrDefault(metric, Double.NaN))
                            .toList())
                    : MetricSummary.notAvailable());
        }
        return new LeaderboardEntry(candidateId, family.key(), family.name(), params, status, metrics, seconds,
                ordered, java.time.Duration.ofNanos(System.nanoTime() - start), message);
    }

    private static void cancel(List<Future<FoldResult>> futures) {
        futures.forEach(f -> f.cancel(true));
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A modelling listener threw; ignoring it", e);
        }
    }
}

package org.mlops4j.tracking.mlflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.PageToken;
import org.mlops4j.core.tracking.RunOrdering;

/**
 * One page of a run search over every run of the searched experiments, for the MLflow readers, which hold no index:
 * mlops4j's filter, lifecycle view, order and paging applied to the runs read.
 */
final class RunPages {

    private RunPages() {
    }

    /**
     * @param runs    every run of the searched experiments
     * @param request the search
     * @return the page the request asks for, with a token for the next one when more match
     */
    static RunsPage page(List<Run> runs, SearchRequest request) {
        List<Run> matching = new ArrayList<>();
        for (Run run : runs) {
            if (request.viewType().includes(run.info().lifecycleStage()) && request.filter().matches(run)) {
                matching.add(run);
            }
        }
        matching.sort(RunOrdering.comparator(request.orderBy()));
        int from = Math.min(request.offset(), matching.size());
        int to = Math.min(from + request.maxResults(), matching.size());
        Optional<String> next = to < matching.size() ? Optional.of(new PageToken(to).encode()) : Optional.empty();
        return new RunsPage(matching.subList(from, to), next);
    }
}

package org.mlops4j.core.tracking.migration;

import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.TrackingStore;
import org.mlops4j.core.tracking.ViewType;

/** Every run of an experiment, read page by page through {@link TrackingStore#searchRuns}. */
final class StoreRuns {

    private static final int PAGE = 1000;

    private StoreRuns() {
    }

    static List<Run> of(TrackingStore store, String experimentId, ViewType view) {
        List<Run> all = new ArrayList<>();
        SearchRequest page = SearchRequest.builder(experimentId).viewType(view).orderBy("attributes.start_time ASC")
                .maxResults(PAGE).build();
        while (true) {
            RunsPage result = store.searchRuns(page);
            all.addAll(result.runs());
            if (result.nextPageToken().isEmpty()) {
                return all;
            }
            page = page.withPageToken(result.nextPageToken().get());
        }
    }
}

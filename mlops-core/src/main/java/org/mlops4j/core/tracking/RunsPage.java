package org.mlops4j.core.tracking;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a run search.
 *
 * @param runs          the runs on this page, in the requested order
 * @param nextPageToken the token that fetches the next page, if there are more runs
 */
public record RunsPage(List<Run> runs, Optional<String> nextPageToken) {

    /** Copies the list. */
    public RunsPage {
        runs = List.copyOf(runs);
        Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    /** @return whether there are more runs after this page */
    public boolean hasNextPage() {
        return nextPageToken.isPresent();
    }
}

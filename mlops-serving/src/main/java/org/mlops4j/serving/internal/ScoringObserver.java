package org.mlops4j.serving.internal;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Told of the outcome of every scoring request, after its answer is handed to the server: the serving log's capture
 * and the metrics listen here. Called on request threads, so an implementation must be thread-safe and quick (it must
 * not block on I/O).
 *
 * <p>This interface is internal and is hence not for public use. Its API may change without notice.
 */
public interface ScoringObserver {

    /** Listens to nothing. */
    ScoringObserver NONE = new ScoringObserver() {
        @Override
        public void scored(ServedModel model, ScoredRequest scored, long nanos) {
        }

        @Override
        public void rejected(String kind, long nanos) {
        }
    };

    /**
     * A request was scored (some of its rows may have failed).
     *
     * @param model  the version that scored it
     * @param scored the request's rows and their results
     * @param nanos  how long reading, checking, scoring and answering took
     */
    void scored(ServedModel model, ScoredRequest scored, long nanos);

    /**
     * A request was answered with an error as a whole.
     *
     * @param kind  {@code bad_request}, {@code unsupported_media_type}, {@code client_fault} (the client stalled or
     *              sent too much) or {@code internal_error}
     * @param nanos how long it took
     */
    void rejected(String kind, long nanos);

    /**
     * @param observers the observers to tell, in order
     * @return one observer that tells them all
     */
    static ScoringObserver all(java.util.List<ScoringObserver> observers) {
        java.util.List<ScoringObserver> copy = java.util.List.copyOf(observers);
        return new ScoringObserver() {
            @Override
            public void scored(ServedModel model, ScoredRequest scored, long nanos) {
                copy.forEach(o -> o.scored(model, scored, nanos));
            }

            @Override
            public void rejected(String kind, long nanos) {
                copy.forEach(o -> o.rejected(kind, nanos));
            }
        };
    }
}

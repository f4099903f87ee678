package org.mlops4j.core.tracking;

/** Which lifecycle stages a listing or a search returns. */
public enum ViewType {
    /** Only active experiments or runs (the default). */
    ACTIVE_ONLY,
    /** Only soft-deleted ones. */
    DELETED_ONLY,
    /** Both. */
    ALL;

    /**
     * @param stage a lifecycle stage
     * @return whether this view shows it
     */
    public boolean includes(LifecycleStage stage) {
        return switch (this) {
            case ACTIVE_ONLY -> stage == LifecycleStage.ACTIVE;
            case DELETED_ONLY -> stage == LifecycleStage.DELETED;
            case ALL -> true;
        };
    }
}

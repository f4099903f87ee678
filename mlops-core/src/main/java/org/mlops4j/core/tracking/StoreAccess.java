package org.mlops4j.core.tracking;

/**
 * How a tracking store or model registry is opened: to read only, or to read and write.
 *
 * <p>Reading never creates or changes anything at the location: no folder, lock file, meta file, database file or
 * table is made, and a location that does not exist, or holds something other than a store, is an error naming it.
 * Writing creates a new store at a location that is missing or empty, opens an existing store, and refuses a
 * location that holds something else (it is never merged into).
 *
 * @see TrackingClient#openReadOnly(TrackingStoreOpener)
 * @see org.mlops4j.core.runtime.Mlops#openModelRegistryReadOnly()
 */
public enum StoreAccess {

    /**
     * Read only: the location must hold a store already; nothing is written to it (not even locks), and every write
     * through the store or registry is refused with a {@link TrackingException} or {@link ModelRegistryException}.
     */
    READ_ONLY,

    /** Read and write: a missing or empty location becomes a new store; one holding something else is refused. */
    READ_WRITE
}

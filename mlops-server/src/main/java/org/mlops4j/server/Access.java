package org.mlops4j.server;

/** What a token or a user may do on a server. */
public enum Access {
    /**
     * Only calls that read: {@code GET} and {@code HEAD}, and the calls a server names as reading (the tracking
     * server's searches, which MLflow sends as {@code POST}). Any other call is answered 403.
     */
    READ_ONLY,
    /** Every call. */
    READ_WRITE
}

package org.mlops4j.drift.suite;

import java.util.Locale;

/** The verdict of one check, and of a suite (its worst check), as Evidently's test statuses. */
public enum CheckStatus {
    /** The condition holds. */
    PASS,
    /** The condition does not hold, and the check is not critical. */
    WARN,
    /** The condition of a critical check does not hold. */
    FAIL,
    /** The check could not be computed (a column missing from the current window, say); counts as a failure. */
    ERROR;

    /** @return the lower-case name used in JSON, such as {@code "warn"} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

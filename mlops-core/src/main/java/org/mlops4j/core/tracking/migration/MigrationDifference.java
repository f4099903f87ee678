package org.mlops4j.core.tracking.migration;

import java.util.Objects;

/**
 * One way in which the target of a migration does not agree with its source.
 *
 * @param subject what differs, such as {@code run 3f2a... (target 81c0...) metric 'loss'}
 * @param expected what the source holds
 * @param found    what the target holds
 */
public record MigrationDifference(String subject, String expected, String found) {

    /** Checks that the parts are present. */
    public MigrationDifference {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
    }

    @Override
    public String toString() {
        return subject + ": source has " + expected + ", target has " + found;
    }
}

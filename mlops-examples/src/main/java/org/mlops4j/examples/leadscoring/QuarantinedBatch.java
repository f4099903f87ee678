package org.mlops4j.examples.leadscoring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A batch of data set aside because it failed a check, and the validation report that says why.
 *
 * @param check  the check that failed, such as {@code raw_data_schema_check}
 * @param batch  the quarantined copy of the batch
 * @param report the validation report (JSON) next to it
 */
public record QuarantinedBatch(String check, Path batch, Path report) {

    /** Checks the values. */
    public QuarantinedBatch {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(report, "report");
    }
}

package org.mlops4j.examples.leadscoring;

import java.util.Objects;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.ValidationReport;

/**
 * A batch failed one of the case study's schema checks and was quarantined: the message names the check, the
 * source, the first problem and where the batch and its report went.
 */
public final class SchemaCheckException extends DataException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;
    private final transient QuarantinedBatch quarantined;

    /**
     * @param report      the failed validation
     * @param quarantined where the batch and the report went
     */
    public SchemaCheckException(ValidationReport report, QuarantinedBatch quarantined) {
        super(message(report, quarantined), report.source().isEmpty() ? null : report.source(), 0,
                report.tableProblems().isEmpty() ? null : report.tableProblems().get(0).column(), null);
        this.report = report;
        this.quarantined = Objects.requireNonNull(quarantined, "quarantined");
    }

    private static String message(ValidationReport report, QuarantinedBatch quarantined) {
        String first = report.tableProblems().isEmpty()
                ? report.violations().isEmpty() ? "" : report.violations().get(0).message()
                : report.tableProblems().get(0).message();
        return quarantined.check() + " failed (" + report.tableProblems().size() + " table problem(s), "
                + report.rejectedRowCount() + " of " + report.rowCount() + " rows rejected): " + first
                + "; the batch is quarantined as " + quarantined.batch() + " with its report " + quarantined.report();
    }

    /** @return the failed validation */
    public ValidationReport report() {
        return report;
    }

    /** @return where the batch and the report went */
    public QuarantinedBatch quarantined() {
        return quarantined;
    }
}

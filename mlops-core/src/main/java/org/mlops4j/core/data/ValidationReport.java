package org.mlops4j.core.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlops4j.core.DataException;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.spi.support.Json;

/**
 * The outcome of {@link Schema#validate(Table, ValidationOptions)}: whether the table is valid, what is wrong with it
 * as a whole, which values break which rules, and the table's rows split into valid and rejected ones.
 *
 * <p>Nothing is dropped: {@code validRowCount + rejectedRowCount == rowCount}, always. Table-level problems are listed
 * in full; row-level violations are kept in detail up to {@link ValidationOptions#maxViolations()} (the first ones in
 * row order), while their counts per column and rule are always complete. The rejected rows carry the original
 * columns plus {@code _row} (the row's number or source line) and {@code _reason} (every rule the row breaks); if the
 * table already has a column of that name, underscores are prepended until the name is free.
 *
 * <p>The report is data: {@link #toJson()} writes everything except the two tables, {@link #summary()} renders it for
 * people, and {@link #writeQuarantine(Path)} writes the rejected rows to a CSV file. Instances are immutable and
 * thread-safe.
 *
 * @param source           where the data came from, for messages; empty when unknown
 * @param rowCount         the number of rows checked
 * @param validRowCount    the number of rows that passed
 * @param rejectedRowCount the number of rows rejected
 * @param tableProblems    every table-level problem
 * @param violationCount   the number of row-level violations in total (a row may have several)
 * @param violations       the first row-level violations, in row order, at most the options' {@code maxViolations}
 * @param violationCounts  how many values break each rule in each column, complete, in schema column order
 * @param notes            what was adjusted on the way, such as a column of nulls added or an extra column dropped
 * @param validRows        the rows that passed, conformed to the schema (see {@link Schema#validate(Table,
 *                         ValidationOptions)})
 * @param rejectedRows     the rejected rows with their original columns, {@code _row} and {@code _reason}
 */
@JsonPropertyOrder({"source", "valid", "rowCount", "validRowCount", "rejectedRowCount", "tableProblems",
        "violationCount", "violationsTruncated", "countsByRule", "countsByColumn", "violationCounts", "violations",
        "notes"})
public record ValidationReport(String source, int rowCount, int validRowCount, int rejectedRowCount,
                               List<TableProblem> tableProblems, long violationCount, List<RowViolation> violations,
                               List<ViolationCount> violationCounts, List<String> notes,
                               @JsonIgnore Table validRows, @JsonIgnore Table rejectedRows) {

    /** The name of the column of the rejected rows that holds each row's number or source line. */
    public static final String ROW_COLUMN = "_row";
    /** The name of the column of the rejected rows that says which rules each row breaks. */
    public static final String REASON_COLUMN = "_reason";


    /**
     * Checks that the counts add up and copies the lists.
     *
     * @throws IllegalArgumentException when valid and rejected rows do not add up to all rows, or when the tables'
     *                                  sizes disagree with the counts
     */
    public ValidationReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(validRows, "validRows");
        Objects.requireNonNull(rejectedRows, "rejectedRows");
        tableProblems = List.copyOf(tableProblems);
        violations = List.copyOf(violations);
        violationCounts = List.copyOf(violationCounts);
        notes = List.copyOf(notes);
        if (validRowCount + rejectedRowCount != rowCount) {
            throw new IllegalArgumentException(validRowCount + " valid and " + rejectedRowCount
                    + " rejected rows do not add up to " + rowCount + " rows");
        }
        if (validRows.rowCount() != validRowCount || rejectedRows.rowCount() != rejectedRowCount) {
            throw new IllegalArgumentException("The tables hold " + validRows.rowCount() + " valid and "
                    + rejectedRows.rowCount() + " rejected rows but the counts say " + validRowCount + " and "
                    + rejectedRowCount);
        }
        if (violations.size() > violationCount) {
            throw new IllegalArgumentException(violations.size() + " violations kept but only " + violationCount
                    + " counted");
        }
    }

    /** @return whether the table matches the schema: no table-level problem and no rejected row */
    @JsonProperty("valid")
    public boolean valid() {
        return tableProblems.isEmpty() && rejectedRowCount == 0;
    }

    /**
     * For callers that want to stop on bad data rather than quarantine it.
     *
     * @return this report, when it is {@link #valid()}
     * @throws DataException when it is not: the message gives the counts and the first problem or violation, and the
     *                       exception carries the source and the first violation's row, column and value
     */
    public ValidationReport requireValid() {
        if (valid()) {
            return this;
        }
        String counts = tableProblems.size() + " table problem(s), " + rejectedRowCount + " of " + rowCount
                + " rows rejected, " + violationCount + " violation(s)";
        String sourceOrNull = source.isEmpty() ? null : source;
        if (!tableProblems.isEmpty()) {
            TableProblem first = tableProblems.get(0);
            throw new DataException("Table does not match the schema (" + counts + "); first: " + first.message(),
                    sourceOrNull, 0, first.column(), null);
        }
        if (!violations.isEmpty()) {
            RowViolation first = violations.get(0);
            throw new DataException("Table does not match the schema (" + counts + "); first: " + first.rule().key()
                    + ": expected " + first.expected(), sourceOrNull, first.row(), first.column(), first.found());
        }
        throw new DataException("Table does not match the schema (" + counts + ")", sourceOrNull, 0, null, null);
    }

    /** @return whether more violations were found than kept in {@link #violations()} */
    @JsonProperty("violationsTruncated")
    public boolean violationsTruncated() {
        return violations.size() < violationCount;
    }

    /** @return how many values break each row-level rule, complete; rules without violations are left out */
    @JsonProperty("countsByRule")
    public Map<ValidationRule, Long> countsByRule() {
        Map<ValidationRule, Long> counts = new EnumMap<>(ValidationRule.class);
        for (ViolationCount count : violationCounts) {
            counts.merge(count.rule(), count.count(), Long::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** @return how many values break a row-level rule in each column, complete, in schema column order */
    @JsonProperty("countsByColumn")
    public Map<String, Long> countsByColumn() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ViolationCount count : violationCounts) {
            counts.merge(count.column(), count.count(), Long::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * @param column a column's name
     * @param rule   a row-level rule
     * @return how many values of the column break the rule; 0 when none do
     */
    public long count(String column, ValidationRule rule) {
        return violationCounts.stream().filter(c -> c.column().equals(column) && c.rule() == rule)
                .mapToLong(ViolationCount::count).sum();
    }

    /** @return the report without the two tables, as pretty-printed JSON */
    public String toJson() {
        return Json.writePretty(this) + "\n";
    }

    /**
     * Writes {@link #toJson()} to a file atomically, replacing it if it exists.
     *
     * @param file the target file; its folder is created if needed
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public void writeJson(Path file) {
        byte[] bytes = toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Writes the rejected rows to a CSV file atomically (see {@link CsvWriter}): the original columns, then
     * {@code _row} as a whole number and {@code _reason}. A valid table gives a file with the header alone, so that a
     * quarantine folder always shows the outcome of the last run.
     *
     * @param file the target file; its folder is created if needed
     * @return the number of rows written
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public int writeQuarantine(Path file) {
        String rowColumn = rowColumn();
        NumericColumn numbers = rejectedRows.numeric(rowColumn);
        TextColumn.Builder text = TextColumn.builder(rowColumn, numbers.size());
        for (int i = 0; i < numbers.size(); i++) {
            text.add(ColumnSpec.formatNumber(numbers.getDouble(i)));
        }
        CsvWriter.builder().build().write(rejectedRows.withColumn(text.build()), file);
        return rejectedRowCount;
    }

    /** @return the name of the rejected rows' row-number column: {@value #ROW_COLUMN} unless the table had one */
    @JsonIgnore
    public String rowColumn() {
        return rejectedRows.column(rejectedRows.columnCount() - 2).name();
    }

    /** @return the name of the rejected rows' reason column: {@value #REASON_COLUMN} unless the table had one */
    @JsonIgnore
    public String reasonColumn() {
        return rejectedRows.column(rejectedRows.columnCount() - 1).name();
    }

    /** @return a few lines for people: outcome, table problems, counts by rule and column, the first violations */
    public String summary() {
        StringBuilder out = new StringBuilder("Validation");
        if (!source.isEmpty()) {
            out.append(" of ").append(source);
        }
        out.append(": ").append(valid() ? "VALID" : "INVALID").append(", ").append(rowCount).append(" rows: ")
                .append(validRowCount).append(" valid, ").append(rejectedRowCount).append(" rejected\n");
        if (!tableProblems.isEmpty()) {
            out.append("Table problems (").append(tableProblems.size()).append("):\n");
            tableProblems.forEach(p -> out.append("  - ").append(p.message()).append('\n'));
        }
        if (violationCount > 0) {
            out.append("Row violations: ").append(violationCount).append('\n');
            out.append("  by rule:");
            countsByRule().forEach((rule, n) -> out.append(' ').append(rule.key()).append('=').append(n));
            out.append("\n  by column:");
            countsByColumn().forEach((column, n) -> out.append(' ').append(column).append('=').append(n));
            out.append('\n');
            int shown = Math.min(10, violations.size());
            if (shown > 0) {
                out.append("First violations:\n");
                violations.subList(0, shown).forEach(v -> out.append("  - ").append(v.message()).append('\n'));
            }
            if (violationCount > shown) {
                out.append("  ... and ").append(violationCount - shown).append(" more\n");
            }
        }
        if (!notes.isEmpty()) {
            out.append("Notes:\n");
            notes.forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        return out.toString();
    }

    /** @return the {@link #summary()} */
    @Override
    public String toString() {
        return summary();
    }
}

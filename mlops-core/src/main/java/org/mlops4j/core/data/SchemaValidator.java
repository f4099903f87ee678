package org.mlops4j.core.data;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mlops4j.core.PrintableValue;
import org.mlops4j.core.data.internal.DecimalText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one table against one {@link Schema}: table-level problems first, then every row-level rule as a bit set of
 * failing rows per column and rule, from which the counts, the detailed violations, the per-row reasons and the two
 * row tables are built. Package-private; used once per {@link Schema#validate(Table, ValidationOptions)} call.
 */
final class SchemaValidator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaValidator.class);
    private static final int TABLE_PROBLEMS_IN_REASON = 3;

    private final Schema schema;
    private final ValidationOptions options;
    private final List<TableProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<RowCheck> checks = new ArrayList<>();

    /** The failing rows of one row-level rule on one column. */
    private record RowCheck(Column column, ValidationRule rule, String expected, BitSet failing) {
    }

    SchemaValidator(Schema schema, ValidationOptions options) {
        this.schema = schema;
        this.options = options;
    }

    ValidationReport validate(Table table) {
        Table data = table;
        long[] rowNumbers = new long[table.rowCount()];
        for (int i = 0; i < rowNumbers.length; i++) {
            rowNumbers[i] = options.firstRowNumber() + i;
        }
        if (options.lineColumn().isPresent()) {
            String lineColumn = options.lineColumn().get();
            readLineNumbers(table, lineColumn, rowNumbers);
            data = table.drop(lineColumn);
        }
        List<Column> conformed = checkColumns(data);
        List<Column> extras = checkExtraColumns(data);
        if (schema.strictOrder()) {
            checkOrder(data);
        }
        int rows = data.rowCount();
        BitSet violating = new BitSet(rows);
        for (RowCheck check : checks) {
            violating.or(check.failing());
        }
        BitSet rejected = (BitSet) violating.clone();
        if (!problems.isEmpty()) {
            rejected.set(0, rows);
        }
        int[] rejectedIndex = rejected.stream().toArray();
        BitSet accepted = (BitSet) rejected.clone();
        accepted.flip(0, rows);
        int[] validIndex = accepted.stream().toArray();

        Table validRows;
        if (problems.isEmpty()) {
            List<Column> out = new ArrayList<>(conformed);
            out.addAll(extras);
            validRows = Table.of(out).take(validIndex);
        } else {
            validRows = data.take(new int[0]);
        }
        Table rejectedRows = rejectedTable(data, rejectedIndex, rowNumbers);
        List<ViolationCount> counts = new ArrayList<>();
        long total = 0;
        for (RowCheck check : checks) {
            int count = check.failing().cardinality();
            if (count > 0) {
                counts.add(new ViolationCount(check.column().name(), check.rule(), count));
                total += count;
            }
        }
        ValidationReport report = new ValidationReport(options.source(), rows, validIndex.length,
                rejectedIndex.length, problems, total, detailedViolations(violating, rowNumbers), counts, notes,
                validRows, rejectedRows);
        LOG.debug("Validated {}: {} rows, {} valid, {} rejected, {} table problems, {} violations",
                options.source().isEmpty() ? "a table" : options.source(), rows, validIndex.length,
                rejectedIndex.length, problems.size(), total);
        return report;
    }

    private void readLineNumbers(Table table, String lineColumn, long[] rowNumbers) {
        Column column = table.findColumn(lineColumn).orElseThrow(() -> new IllegalArgumentException(
                "The validation options name line column '" + lineColumn + "' but the table has no such column;"
                        + " columns are " + table.columnNames()));
        if (!(column instanceof NumericColumn lines)) {
            throw new IllegalArgumentException("Line column '" + lineColumn + "' is " + column.type().key()
                    + "; it must be numeric");
        }
        for (int i = 0; i < rowNumbers.length; i++) {
            if (!lines.isNull(i)) {
                rowNumbers[i] = (long) lines.getDouble(i);
            }
        }
    }

    /** Finds each schema column in the table, conforms its type, and plans its row checks. */
    private List<Column> checkColumns(Table data) {
        List<Column> conformed = new ArrayList<>();
        int rows = data.rowCount();
        for (ColumnSpec spec : schema.columns()) {
            Optional<Column> found = data.findColumn(spec.name());
            if (found.isEmpty()) {
                if (schema.missingColumns() == MissingColumnPolicy.ADD_NULL && spec.nullable()) {
                    ColumnType type = spec.type().orElse(ColumnType.TEXT);
                    conformed.add(nullColumn(spec.name(), type, rows));
                    notes.add(where() + "column '" + spec.name() + "' is missing; added as " + type.key()
                            + " nulls (missingColumns = add_null)");
                } else {
                    missingColumn(spec, data);
                }
                continue;
            }
            Column column = found.get();
            Optional<Column> typed = conform(spec, column);
            if (typed.isEmpty()) {
                String expected = spec.type().orElseThrow().key();
                problems.add(new TableProblem(ValidationRule.COLUMN_TYPE, spec.name(), expected, column.type().key(),
                        where() + "column '" + spec.name() + "' is " + column.type().key() + " but the schema says "
                                + expected + "; convert the column or change its type in the schema"));
                continue;
            }
            conformed.add(typed.get());
            planChecks(spec, typed.get());
        }
        return conformed;
    }

    private void missingColumn(ColumnSpec spec, Table data) {
        String fix = schema.missingColumns() == MissingColumnPolicy.ADD_NULL
                ? "; it is not nullable, so it cannot be added as nulls"
                : "; add the column to the data, remove it from the schema, or allow missing columns (add_null)";
        problems.add(new TableProblem(ValidationRule.MISSING_COLUMN, spec.name(), "column '" + spec.name() + "'",
                "no such column", where() + "the schema names column '" + spec.name()
                        + "' but the table has no such column" + fix + "; the table's columns are "
                        + data.columnNames()));
    }

    private Optional<Column> conform(ColumnSpec spec, Column column) {
        if (spec.acceptsType(column.type())) {
            return Optional.of(column);
        }
        ColumnType expected = spec.type().orElseThrow();
        if (expected == ColumnType.CATEGORICAL && column instanceof TextColumn text) {
            notes.add(where() + "column '" + column.name() + "' converted from text to categorical as the schema says");
            return Optional.of(text.toCategorical());
        }
        if (expected == ColumnType.TEXT && column instanceof CategoricalColumn categorical) {
            notes.add(where() + "column '" + column.name() + "' converted from categorical to text as the schema says");
            return Optional.of(categorical.toText());
        }
        if (expected == ColumnType.NUMERIC && (column instanceof TextColumn || column instanceof CategoricalColumn)) {
            return Optional.of(toNumeric(column));
        }
        if (column.nullCount() == column.size()) {
            notes.add(where() + "column '" + column.name() + "' holds only nulls; taken as " + expected.key()
                    + " as the schema says");
            return Optional.of(nullColumn(column.name(), expected, column.size()));
        }
        return Optional.empty();
    }

    /**
     * Parses a text or categorical column as numbers, as the CSV reader recognises them (surrounding white space
     * allowed; control characters, hexadecimal and Java's suffixes not); values that are not numbers fail the row, not
     * the table.
     */
    private NumericColumn toNumeric(Column column) {
        int rows = column.size();
        NumericColumn.Builder numbers = NumericColumn.builder(column.name(), rows);
        DecimalText decimal = new DecimalText();
        BitSet failing = new BitSet(rows);
        for (int i = 0; i < rows; i++) {
            String text = (String) column.get(i);
            if (text == null) {
                numbers.addNull();
                continue;
            }
            if (decimal.parse(text.strip())) {
                numbers.add(decimal.value());
            } else {
                numbers.addNull();
                failing.set(i);
            }
        }
        notes.add(where() + "column '" + column.name() + "' converted from " + column.type().key()
                + " to numeric as the schema says; " + failing.cardinality() + " value(s) are not numbers");
        if (!failing.isEmpty()) {
            checks.add(new RowCheck(column, ValidationRule.VALUE_TYPE, "a number", failing));
        }
        return numbers.build();
    }

    private List<Column> checkExtraColumns(Table data) {
        Set<String> named = new HashSet<>(schema.columnNames());
        List<Column> kept = new ArrayList<>();
        for (Column column : data.columns()) {
            if (named.contains(column.name())) {
                continue;
            }
            switch (schema.extraColumns()) {
                case FAIL -> problems.add(new TableProblem(ValidationRule.EXTRA_COLUMN, column.name(),
                        "only the schema's columns", "column '" + column.name() + "'",
                        where() + "the table has column '" + column.name() + "', which the schema does not name;"
                                + " remove it, add it to the schema, or let extra columns be ignored or dropped"));
                case IGNORE -> {
                    kept.add(column);
                    notes.add(where() + "extra column '" + column.name() + "' kept unchecked (extraColumns = ignore)");
                }
                case DROP -> notes.add(where() + "extra column '" + column.name()
                        + "' left out of the valid rows (extraColumns = drop)");
            }
        }
        return kept;
    }

    private void checkOrder(Table data) {
        Set<String> inTable = new HashSet<>(data.columnNames());
        Set<String> named = new HashSet<>(schema.columnNames());
        List<String> expected = schema.columnNames().stream().filter(inTable::contains).toList();
        List<String> found = data.columnNames().stream().filter(named::contains).toList();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(found.get(i))) {
                problems.add(new TableProblem(ValidationRule.COLUMN_ORDER, expected.get(i),
                        "'" + expected.get(i) + "' at position " + (i + 1), "'" + found.get(i) + "'",
                        where() + "columns are not in the schema's order: position " + (i + 1) + " of the schema's"
                                + " columns should be '" + expected.get(i) + "' but is '" + found.get(i)
                                + "'; order the columns as the schema lists them: " + schema.columnNames()));
                return;
            }
        }
    }

    private void planChecks(ColumnSpec spec, Column column) {
        int rows = column.size();
        if (!spec.nullable() && column.nullCount() > 0) {
            BitSet failing = new BitSet(rows);
            for (int i = 0; i < rows; i++) {
                if (column.isNull(i)) {
                    failing.set(i);
                }
            }
            checks.add(new RowCheck(column, ValidationRule.NOT_NULL, "a value (not nullable)", failing));
        }
        if (!spec.allowedValues().isEmpty()) {
            if (column instanceof CategoricalColumn categorical) {
                checks.add(new RowCheck(column, ValidationRule.ALLOWED_VALUES, spec.describeAllowedValues(),
                        notAllowed(categorical, new HashSet<>(spec.allowedValues()))));
            } else if (column instanceof TextColumn text) {
                checks.add(new RowCheck(column, ValidationRule.ALLOWED_VALUES, spec.describeAllowedValues(),
                        notAllowed(text, new HashSet<>(spec.allowedValues()))));
            }
        }
        if ((spec.min().isPresent() || spec.max().isPresent()) && column instanceof NumericColumn numeric) {
            double min = spec.min().orElse(Double.NEGATIVE_INFINITY);
            double max = spec.max().orElse(Double.POSITIVE_INFINITY);
            BitSet failing = new BitSet(rows);
            for (int i = 0; i < rows; i++) {
                if (!numeric.isNull(i)) {
                    double value = numeric.getDouble(i);
                    if (!(value >= min && value <= max)) {
                        failing.set(i);
                    }
                }
            }
            checks.add(new RowCheck(column, ValidationRule.RANGE, spec.describeRange(), failing));
        }
    }

    private static BitSet notAllowed(CategoricalColumn column, Set<String> allowed) {
        List<String> levels = column.levels();
        boolean[] allowedByCode = new boolean[levels.size()];
        for (int code = 0; code < allowedByCode.length; code++) {
            allowedByCode[code] = allowed.contains(levels.get(code));
        }
        BitSet failing = new BitSet(column.size());
        for (int i = 0; i < column.size(); i++) {
            int code = column.code(i);
            if (code >= 0 && !allowedByCode[code]) {
                failing.set(i);
            }
        }
        return failing;
    }

    private static BitSet notAllowed(TextColumn column, Set<String> allowed) {
        BitSet failing = new BitSet(column.size());
        for (int i = 0; i < column.size(); i++) {
            String value = column.getString(i);
            if (value != null && !allowed.contains(value)) {
                failing.set(i);
            }
        }
        return failing;
    }

    private List<RowViolation> detailedViolations(BitSet violating, long[] rowNumbers) {
        List<RowViolation> out = new ArrayList<>();
        int max = options.maxViolations();
        for (int row = violating.nextSetBit(0); row >= 0 && out.size() < max; row = violating.nextSetBit(row + 1)) {
            for (RowCheck check : checks) {
                if (out.size() == max) {
                    break;
                }
                if (check.failing().get(row)) {
                    out.add(violation(check, row, rowNumbers[row]));
                }
            }
        }
        return out;
    }

    private RowViolation violation(RowCheck check, int row, long rowNumber) {
        Column column = check.column();
        String found = column.isNull(row) ? "null" : column.format(row);
        String shownFound = column.isNull(row) ? "null" : PrintableValue.quoted(found);
        String unit = options.lineColumn().isPresent() ? "line " : "row ";
        String message = (options.source().isEmpty() ? "" : options.source() + ", ") + unit + rowNumber
                + ", column '" + column.name() + "': " + check.rule().key() + ": expected " + check.expected()
                + ", found " + shownFound;
        return new RowViolation(rowNumber, column.name(), check.rule(), check.expected(), found, message);
    }

    private Table rejectedTable(Table data, int[] rejectedIndex, long[] rowNumbers) {
        Set<String> taken = new LinkedHashSet<>(data.columnNames());
        String rowName = freeName(ValidationReport.ROW_COLUMN, taken);
        taken.add(rowName);
        String reasonName = freeName(ValidationReport.REASON_COLUMN, taken);
        String tableReason = tableReason();
        NumericColumn.Builder numbers = NumericColumn.builder(rowName, rejectedIndex.length);
        TextColumn.Builder reasons = TextColumn.builder(reasonName, rejectedIndex.length);
        StringBuilder reason = new StringBuilder();
        for (int row : rejectedIndex) {
            numbers.add((double) rowNumbers[row]);
            reason.setLength(0);
            if (tableReason != null) {
                reason.append(tableReason);
            }
            for (RowCheck check : checks) {
                if (check.failing().get(row)) {
                    Column column = check.column();
                    reason.append(reason.length() > 0 ? "; " : "").append(column.name()).append(": ")
                            .append(check.rule().key()).append(": expected ").append(check.expected())
                            .append(", found ")
                            .append(column.isNull(row) ? "null" : PrintableValue.quoted(column.format(row)));
                }
            }
            reasons.add(reason.toString());
        }
        List<Column> columns = new ArrayList<>(data.take(rejectedIndex).columns());
        columns.add(numbers.build());
        columns.add(reasons.build());
        return Table.of(columns);
    }

    private String tableReason() {
        if (problems.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("table does not match the schema: ");
        int shown = Math.min(TABLE_PROBLEMS_IN_REASON, problems.size());
        for (int i = 0; i < shown; i++) {
            TableProblem problem = problems.get(i);
            out.append(i > 0 ? "; " : "").append(problem.rule().key()).append(" '").append(problem.column())
                    .append("': expected ").append(problem.expected()).append(", found ").append(problem.found());
        }
        if (problems.size() > shown) {
            out.append(" (and ").append(problems.size() - shown).append(" more table problems)");
        }
        return out.toString();
    }

    private static String freeName(String name, Set<String> taken) {
        String candidate = name;
        while (taken.contains(candidate)) {
            candidate = "_" + candidate;
        }
        return candidate;
    }

    private String where() {
        return options.source().isEmpty() ? "" : options.source() + ": ";
    }

    static Column nullColumn(String name, ColumnType type, int rows) {
        return switch (type) {
            case NUMERIC -> {
                NumericColumn.Builder b = NumericColumn.builder(name, rows);
                for (int i = 0; i < rows; i++) {
                    b.addNull();
                }
                yield b.build();
            }
            case CATEGORICAL -> {
                CategoricalColumn.Builder b = CategoricalColumn.builder(name, rows);
                for (int i = 0; i < rows; i++) {
                    b.add(null);
                }
                yield b.build();
            }
            case BOOLEAN -> {
                BooleanColumn.Builder b = BooleanColumn.builder(name);
                for (int i = 0; i < rows; i++) {
                    b.addNull();
                }
                yield b.build();
            }
            case TIMESTAMP -> {
                TimestampColumn.Builder b = TimestampColumn.builder(name, rows);
                for (int i = 0; i < rows; i++) {
                    b.addNull();
                }
                yield b.build();
            }
            case TEXT -> TextColumn.of(name, new String[rows]);
        };
    }
}

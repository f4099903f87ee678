package org.mlops4j.core.data;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.internal.CsvRecords;
import org.mlops4j.core.data.internal.NullTokens;
import org.mlops4j.core.data.internal.RowCountEstimate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of one CSV input with given options: the header, the records, type inference, quarantine and the report.
 *
 * <p>A whole-table read makes one pass over the input, and a second one only when an inferred column turns out to mix
 * types (for example numbers and then text), so that its earlier values can be read again as strings. A stream
 * decides the column types from its first chunk and holds them for the rest. Not thread-safe; a reader makes a new
 * session for every call.
 */
final class CsvReadSession {

    private static final Logger LOG = LoggerFactory.getLogger(CsvReader.class);
    private static final int INITIAL_CAPACITY = RowCountEstimate.UNKNOWN;
    /** What pandas calls a column without a name in the header, followed by its 0-based position. */
    static final String UNNAMED_PREFIX = "Unnamed: ";

    private final CsvReadOptions options;
    private final String source;
    private final Supplier<Reader> opener;
    private final int expectedRows;
    private final long inputLength;
    /** For each column of the record being offered, the null token its field is, or -1. */
    private int[] stagedTokens;

    /**
     * @param options      the reader's settings
     * @param source       the input's name for messages and the report
     * @param opener       opens the input from its start; called once per pass
     * @param expectedRows how many rows the input probably holds, to size the columns (see {@link RowCountEstimate})
     */
    public CsvReadSession(CsvReadOptions options, String source, Supplier<Reader> opener, int expectedRows) {
        this(options, source, opener, expectedRows, -1);
    }

    /**
     * @param options      the reader's settings
     * @param source       the input's name for messages and the report
     * @param opener       opens the input from its start; called once per pass
     * @param expectedRows how many rows the input probably holds, to size the columns (see {@link RowCountEstimate})
     * @param inputLength  the input's length in bytes or characters, to size the parser's buffer; -1 when unknown
     */
    public CsvReadSession(CsvReadOptions options, String source, Supplier<Reader> opener, int expectedRows,
            long inputLength) {
        this.inputLength = inputLength;
        this.options = options;
        this.source = source;
        this.opener = opener;
        this.expectedRows = Math.max(16, Math.min(expectedRows, options.maxRows()));
    }

    /**
     * The header's columns: which fields are kept, under which names, with which declared types.
     *
     * @param nameless the columns the header gives no name, called {@code Unnamed: N} as pandas calls them (see
     *                 {@link UnnamedColumns})
     */
    private record Layout(int width, String[] names, int[] fieldIndex, ColumnType[] declared,
            boolean indexDropped, List<String> nameless) {
    }

    /** A record held in memory, for the first chunk of a stream. */
    private record HeldRecord(long line, String[] fields) {
    }

    /** The view of a record that row acceptance needs, whether it is the parser's current one or held. */
    private interface RecordView {
        long line();

        int size();

        String field(int index);

        String text();
    }

    /**
     * Reads the whole input into one table.
     *
     * @return the table and the report
     */
    public CsvReadResult readAll() {
        Set<String> readAsString = new HashSet<>();
        int capacity = expectedRows;
        while (true) {
            try (CsvRecords records = open()) {
                Layout layout = readHeader(records);
                ColumnAccumulator[] columns = accumulators(layout, readAsString, null, capacity);
                NumericColumn.Builder lines = lines(capacity);
                Quarantine quarantine = new Quarantine();
                MissingValueCounter missing = missingCounter(layout);
                RecordView view = viewOf(records);
                int rows = 0;
                boolean more = true;
                while (rows < options.maxRows() && (more = records.next())) {
                    if (acceptCurrent(records, view, layout, columns, quarantine, 0, missing)) {
                        rows++;
                        addLine(lines, records.line());
                    }
                }
                List<String> mixed = mixedColumns(columns);
                if (!mixed.isEmpty()) {
                    LOG.debug("Columns {} of {} mix types; reading the input again with them as strings", mixed,
                            source);
                    readAsString.addAll(mixed);
                    capacity = Math.max(16, rows);
                    continue;
                }
                boolean stopped = more && rows >= options.maxRows() && hasMore(records);
                UnnamedColumns unnamed = new UnnamedColumns(source, layout.nameless());
                Table table = unnamed.settle(build(columns, lines));
                CsvReadReport report = finish(quarantine, rows, layout, stopped, table, unnamed, missing);
                return new CsvReadResult(table, report);
            }
        }
    }

    /** @return the names of the columns of the input's header, as this session reads them */
    public List<String> header() {
        try (CsvRecords records = open()) {
            return List.of(readHeader(records).names());
        }
    }

    /**
     * Reads the input in chunks of at most {@code chunkRows} rows with the same column types.
     *
     * @param chunkRows the rows per chunk
     * @param consumer  called with each chunk, in order; at least once, so that a header-only input still shows its
     *                  columns
     * @return the report
     */
    public CsvReadReport stream(int chunkRows, Consumer<Table> consumer) {
        try (CsvRecords records = open()) {
            Layout layout = readHeader(records);
            Quarantine quarantine = new Quarantine();
            RecordView view = viewOf(records);
            int limit = Math.min(chunkRows, options.maxRows());
            List<HeldRecord> held = new ArrayList<>(Math.min(limit, INITIAL_CAPACITY));
            boolean more = true;
            while (held.size() < limit && (more = records.next())) {
                if (records.size() == layout.width()) {
                    held.add(new HeldRecord(records.line(), records.fields()));
                } else {
                    ragged(view, layout, quarantine);
                }
            }
            Quarantine sampleQuarantine = new Quarantine();
            MissingValueCounter missing = missingCounter(layout);
            Table inferred = inferFromHeld(layout, held, sampleQuarantine, missing);
            quarantine.addAll(sampleQuarantine);
            ColumnType[] decided = new ColumnType[layout.names().length];
            for (int c = 0; c < decided.length; c++) {
                decided[c] = inferred.column(c).type();
            }
            UnnamedColumns unnamed = new UnnamedColumns(source, layout.nameless());
            Table first = unnamed.settle(inferred);
            long rows = first.rowCount();
            consumer.accept(first);
            int sampleRows = held.size();
            while (more && rows < options.maxRows()) {
                ColumnAccumulator[] columns = accumulators(layout, Set.of(), decided, chunkRows);
                NumericColumn.Builder lines = lines(chunkRows);
                int inChunk = 0;
                long firstLine = 0;
                while (inChunk < chunkRows && rows + inChunk < options.maxRows() && (more = records.next())) {
                    if (acceptCurrent(records, view, layout, columns, quarantine, sampleRows, missing)) {
                        firstLine = inChunk == 0 ? records.line() : firstLine;
                        inChunk++;
                        addLine(lines, records.line());
                    }
                }
                if (inChunk > 0) {
                    consumer.accept(unnamed.apply(build(columns, lines), firstLine));
                    rows += inChunk;
                }
            }
            boolean stopped = more && rows >= options.maxRows() && hasMore(records);
            return finish(quarantine, rows, layout, stopped, first, unnamed, missing);
        }
    }

    private Table inferFromHeld(Layout layout, List<HeldRecord> held, Quarantine quarantine,
            MissingValueCounter missing) {
        Set<String> readAsString = new HashSet<>();
        while (true) {
            ColumnAccumulator[] columns = accumulators(layout, readAsString, null, held.size());
            NumericColumn.Builder lines = lines(held.size());
            Quarantine attempt = new Quarantine();
            MissingValueCounter attemptMissing = missingCounter(layout);
            for (HeldRecord record : held) {
                if (accept(viewOf(record), layout, columns, attempt, 0, attemptMissing)) {
                    addLine(lines, record.line());
                }
            }
            List<String> mixed = mixedColumns(columns);
            if (mixed.isEmpty()) {
                quarantine.addAll(attempt);
                missing.addAll(attemptMissing);
                return build(columns, lines);
            }
            readAsString.addAll(mixed);
        }
    }

    private CsvRecords open() {
        return new CsvRecords(opener.get(), source, options.separator(), options.trimSpaces(), inputLength);
    }

    private Layout readHeader(CsvRecords records) {
        if (!records.next()) {
            throw new DataException("The input is empty: expected a header line with the column names", source, 0,
                    null, null);
        }
        long line = records.line();
        String[] header = records.fields();
        boolean hasIndex = header.length > 1 && header[0].isBlank();
        boolean keepIndex = hasIndex && options.indexColumnName().isPresent();
        Map<String, Integer> positionByName = new LinkedHashMap<>();
        List<Integer> fieldIndex = new ArrayList<>();
        List<String> nameless = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i];
            if (i == 0 && hasIndex) {
                if (!keepIndex) {
                    continue;
                }
                name = options.indexColumnName().get();
            } else if (name.isBlank()) {
                name = UNNAMED_PREFIX + i;
                nameless.add(name);
            }
            Integer previous = positionByName.putIfAbsent(name, i + 1);
            if (previous != null) {
                throw new DataException("The header names two columns alike, at positions " + previous + " and "
                        + (i + 1) + "; column names must be unique: rename one of them", source, line, name, null);
            }
            fieldIndex.add(i);
        }
        List<String> names = new ArrayList<>(positionByName.keySet());
        if (!options.selectedColumns().isEmpty()) {
            List<String> lacking = options.selectedColumns().stream().filter(n -> !positionByName.containsKey(n))
                    .toList();
            if (!lacking.isEmpty()) {
                throw new DataException("The columns " + lacking + " are to be read, but the header does not have "
                        + "them; the columns are " + names + ": correct the names given to columns(...)", source, line,
                        lacking.get(0), null);
            }
            List<Integer> selectedFields = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                if (options.selectedColumns().contains(names.get(c))) {
                    selectedFields.add(fieldIndex.get(c));
                }
            }
            names.retainAll(options.selectedColumns());
            nameless.retainAll(options.selectedColumns());
            fieldIndex = selectedFields;
        }
        if (options.lineColumn().isPresent() && positionByName.containsKey(options.lineColumn().get())) {
            throw new DataException("The header has a column named like the line column the reader is to add; "
                    + "choose another name with lineColumn(...)", source, line, options.lineColumn().get(), null);
        }
        for (String declared : options.columnTypes().keySet()) {
            if (!positionByName.containsKey(declared)) {
                throw new DataException("A type is declared for column '" + declared + "', which the header does not "
                        + "have; the columns are " + names + ": correct the name given to columnType(...)", source,
                        line, declared, null);
            }
        }
        ColumnType[] declared = new ColumnType[names.size()];
        for (int c = 0; c < declared.length; c++) {
            declared[c] = options.columnTypes().getOrDefault(names.get(c), options.defaultType().orElse(null));
        }
        records.skipEmptyLines(header.length > 1);
        return new Layout(header.length, names.toArray(String[]::new),
                fieldIndex.stream().mapToInt(Integer::intValue).toArray(), declared, hasIndex && !keepIndex, nameless);
    }

    private ColumnAccumulator[] accumulators(Layout layout, Set<String> readAsString, ColumnType[] decided,
            int capacity) {
        ColumnAccumulator[] columns = new ColumnAccumulator[layout.names().length];
        for (int c = 0; c < columns.length; c++) {
            String name = layout.names()[c];
            ColumnType type = decided != null ? decided[c] : layout.declared()[c];
            columns[c] = new ColumnAccumulator(name, type, readAsString.contains(name), options.categoricalRatio(),
                    capacity);
        }
        return columns;
    }

    /**
     * Offers one record to the columns.
     *
     * @param sampleRows for a stream after its first chunk, how many rows decided the types; 0 otherwise
     * @return whether the record became a row
     */
    private boolean accept(RecordView record, Layout layout, ColumnAccumulator[] columns, Quarantine quarantine,
            int sampleRows, MissingValueCounter missing) {
        if (record.size() != layout.width()) {
            ragged(record, layout, quarantine);
            return false;
        }
        NullTokens nulls = options.nullTokens();
        int[] fieldIndex = layout.fieldIndex();
        int[] tokens = stagedTokens(columns.length);
        for (int c = 0; c < columns.length; c++) {
            String text = record.field(fieldIndex[c]);
            int token = nulls.indexOf(text);
            tokens[c] = token;
            if (!columns[c].stage(token >= 0 ? null : text)) {
                badValue(record, columns[c], layout.declared()[c] == null ? sampleRows : 0, text, quarantine);
                return false;
            }
        }
        commit(columns, tokens, missing);
        return true;
    }

    private int[] stagedTokens(int columns) {
        if (stagedTokens == null || stagedTokens.length != columns) {
            stagedTokens = new int[columns];
        }
        return stagedTokens;
    }

    private static void commit(ColumnAccumulator[] columns, int[] tokens, MissingValueCounter missing) {
        for (int c = 0; c < columns.length; c++) {
            columns[c].commit();
            if (tokens[c] >= 0) {
                missing.count(c, tokens[c]);
            }
        }
    }

    /**
     * Offers the parser's current record to the columns, reading its fields from the parser's buffer without making
     * strings of them; as {@link #accept} otherwise.
     */
    private boolean acceptCurrent(CsvRecords records, RecordView view, Layout layout, ColumnAccumulator[] columns,
            Quarantine quarantine, int sampleRows, MissingValueCounter missing) {
        if (records.size() != layout.width()) {
            ragged(view, layout, quarantine);
            return false;
        }
        NullTokens nulls = options.nullTokens();
        boolean numbersFirst = !nulls.hasNumberToken();
        int[] fieldIndex = layout.fieldIndex();
        int[] tokens = stagedTokens(columns.length);
        char[] chars = records.chars();
        for (int c = 0; c < columns.length; c++) {
            int field = fieldIndex[c];
            int start = records.start(field);
            int end = records.end(field);
            ColumnAccumulator column = columns[c];
            int token = -1;
            boolean fits;
            if (numbersFirst && column.stageNumber(chars, start, end)) {
                fits = true;
            } else {
                token = nulls.indexOf(chars, start, end);
                fits = token >= 0 ? column.stageNull() : column.stage(chars, start, end);
            }
            tokens[c] = token;
            if (!fits) {
                badValue(view, column, layout.declared()[c] == null ? sampleRows : 0, records.field(field),
                        quarantine);
                return false;
            }
        }
        commit(columns, tokens, missing);
        return true;
    }

    private void ragged(RecordView record, Layout layout, Quarantine quarantine) {
        int found = record.size();
        String problem = "Expected " + layout.width() + " fields, as in the header, but found " + found + " ("
                + (found < layout.width() ? "too few" : "too many") + "); check for a missing separator or an "
                + "unquoted separator inside a value";
        if (options.onRaggedRow() == CsvReader.BadRowAction.QUARANTINE) {
            quarantine.add(record.line(), problem, null, null, record.text());
            return;
        }
        throw new DataException(problem + ", or read the file with the ragged-row policy QUARANTINE to set such"
                + " records aside", source, record.line(), null, record.text());
    }

    private void badValue(RecordView record, ColumnAccumulator column, int sampleRows, String text,
            Quarantine quarantine) {
        String key = column.currentTypeKey();
        String expected = switch (column.declared()) {
            case NUMERIC -> "a number such as 12, -3.5 or 1e-3";
            case BOOLEAN -> "true or false (or 1/0, yes/no)";
            case TIMESTAMP -> "a timestamp such as 2021-11-19, 2021-11-19 15:25:38 or 2021-11-19T15:25:38Z";
            default -> "a " + key + " value";
        };
        String problem;
        if (sampleRows > 0) {
            problem = "Expected " + expected + ", because the stream typed column '" + column.name() + "' " + key
                    + " from its first " + sampleRows + " rows, but found another value; declare the column's type "
                    + "with columnType(\"" + column.name() + "\", ...) or read in larger chunks";
        } else {
            problem = "Expected " + expected + " in a column declared " + key + ", but found another value; fix the "
                    + "value or declare another type for the column";
        }
        if (options.onBadValue() == CsvReader.BadRowAction.QUARANTINE) {
            quarantine.add(record.line(), problem, column.name(), text, record.text());
            return;
        }
        throw new DataException(problem + ", or read with onBadValue(QUARANTINE) to set such records aside", source,
                record.line(), column.name(), text);
    }

    private static List<String> mixedColumns(ColumnAccumulator[] columns) {
        List<String> mixed = new ArrayList<>();
        for (ColumnAccumulator column : columns) {
            if (column.needsStringRestart()) {
                mixed.add(column.name());
            }
        }
        return mixed;
    }

    private static Table build(ColumnAccumulator[] columns, NumericColumn.Builder lines) {
        List<Column> built = new ArrayList<>(columns.length + 1);
        for (ColumnAccumulator column : columns) {
            built.add(column.build());
        }
        if (lines != null) {
            built.add(lines.build());
        }
        return Table.of(built);
    }

    /** @return a builder for the line column, or {@code null} when the options ask for none */
    private NumericColumn.Builder lines(int capacity) {
        return options.lineColumn().map(name -> NumericColumn.builder(name, capacity)).orElse(null);
    }

    private static void addLine(NumericColumn.Builder lines, long line) {
        if (lines != null) {
            lines.add((double) line);
        }
    }

    private static boolean hasMore(CsvRecords records) {
        try {
            return records.next();
        } catch (DataException e) {
            return true;
        }
    }

    private MissingValueCounter missingCounter(Layout layout) {
        return new MissingValueCounter(layout.names().length, options.nullTokens().ordered());
    }

    private CsvReadReport finish(Quarantine quarantine, long rows, Layout layout, boolean stopped, Table typed,
            UnnamedColumns unnamed, MissingValueCounter missing) {
        Optional<Path> file = options.quarantines() ? options.quarantineFile() : Optional.empty();
        file.ifPresent(quarantine::write);
        if (quarantine.size() > 0) {
            LOG.warn("Read {} rows from {}; set {} records aside in quarantine file {}", rows, source,
                    quarantine.size(), file.map(Object::toString).orElse("?"));
        } else {
            LOG.debug("Read {} rows from {}", rows, source);
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (Column column : typed.columns()) {
            types.put(column.name(), column.type());
        }
        return new CsvReadReport(source, rows, quarantine.size(), file, layout.indexDropped(), stopped, types,
                unnamed.kept(), unnamed.dropped(), missing.byColumn(layout.names(), typed.columnNames()));
    }

    private static RecordView viewOf(CsvRecords records) {
        return new RecordView() {
            @Override
            public long line() {
                return records.line();
            }

            @Override
            public int size() {
                return records.size();
            }

            @Override
            public String field(int index) {
                return records.field(index);
            }

            @Override
            public String text() {
                return records.recordText();
            }
        };
    }

    private RecordView viewOf(HeldRecord record) {
        return new RecordView() {
            @Override
            public long line() {
                return record.line();
            }

            @Override
            public int size() {
                return record.fields().length;
            }

            @Override
            public String field(int index) {
                return record.fields()[index];
            }

            @Override
            public String text() {
                return CsvRecords.join(record.fields(), record.fields().length, options.separator());
            }
        };
    }
}

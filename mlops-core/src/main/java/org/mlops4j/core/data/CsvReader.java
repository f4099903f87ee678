package org.mlops4j.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mlops4j.core.DataException;
import org.mlops4j.core.data.internal.NullTokens;
import org.mlops4j.core.data.internal.RowCountEstimate;
import org.mlops4j.core.data.internal.StrictUtf8Reader;

/**
 * Reads CSV into a {@link Table}, whole or in chunks, with typed columns and clear errors for bad input.
 *
 * <pre>{@code
 * CsvReader reader = CsvReader.builder()
 *         .columnType("referred_lead", ColumnType.NUMERIC)
 *         .onRaggedRow(CsvReader.BadRowAction.QUARANTINE)
 *         .quarantineFile(Path.of("rejected.csv"))
 *         .build();
 * Table leads = reader.read(Path.of("leads.csv"));
 * }</pre>
 *
 * <h2>Format</h2>
 * The first record is the header. Files are UTF-8 (a byte order mark is skipped; invalid bytes are an error naming
 * the line); lines end in {@code \n} or {@code \r\n}; a field in double quotes may hold separators, line breaks and
 * doubled quotes ({@code ""}). Empty lines are skipped, except in a file of one column, where an empty line is a
 * null value. A header whose first name is empty, as pandas'
 * {@code to_csv} writes the row index, marks an index column: it is dropped unless {@link Builder#keepIndexColumn()}
 * is set. Any other column without a name, as spreadsheets export a header line that ends with a separator, is read
 * as pandas reads it: it is called {@code Unnamed: N} (N its 0-based position in the header) and kept when it holds
 * a value, dropped when it is empty in every row (a stream decides on its first chunk), with a warning either way and
 * the names in {@link CsvReadReport#unnamedColumnsKept()} and {@link CsvReadReport#unnamedColumnsDropped()}. Every
 * line number in a message or a quarantine file is the 1-based physical line where the record starts.
 *
 * <h2>Nulls</h2>
 * A field whose whole text is one of the null tokens is null; by default those of pandas 2:
 * {@link #DEFAULT_NULL_TOKENS}, which include the empty field, {@code NA}, {@code N/A}, {@code NaN}, {@code null},
 * {@code NULL}, {@code nan} and {@code None} (pandas 1.x does not count {@code None}). Matching is exact and
 * case-sensitive, and quoting does not change it. As with pandas' {@code read_csv}, {@link Builder#naValues} adds
 * tokens and {@link Builder#keepDefaultNa keepDefaultNa(false)} drops the defaults (then only the added tokens are
 * null: without any, not even an empty field is). {@link CsvReadReport#missingValues()} counts, per column, the values
 * read as missing and which token each was, so that nothing is dropped without saying why.
 *
 * <h2>Types</h2>
 * A column with a declared type ({@link Builder#columnType}, or {@link Builder#defaultType} for all the others) is
 * parsed into that type, and a value that does not fit is an error (or goes to quarantine, see
 * {@link Builder#onBadValue}). Any other column's type is inferred from all its non-null values:
 * <ol>
 * <li>{@link ColumnType#NUMERIC} if every value is a number: optional sign, digits, optional fraction and exponent
 * ({@code 2}, {@code 1.0}, {@code -3e5}, {@code .5}, {@code 5.}), or {@code inf} and {@code infinity} in any case
 * and with an optional sign, as pandas reads them. As in pandas, {@code nan} is not a number but a null token in the
 * spellings of {@link #DEFAULT_NULL_TOKENS} ({@code nan}, {@code NaN}, {@code -nan}, {@code -NaN}), and text in any
 * other ({@code NAN}) or when the default tokens are dropped. Not numbers: surrounding spaces (see
 * {@link Builder#trimSpaces}), thousands separators, hexadecimal, Java's {@code 1d}/{@code 1f}. Values equal what
 * {@link Double#parseDouble} gives, whatever the number of digits (pandas reads an integer too large for 64 bits as
 * text).</li>
 * <li>{@link ColumnType#BOOLEAN} if every value is {@code true} or {@code false}, in any case. (A column declared
 * boolean also takes {@code 1/0} and {@code yes/no}.)</li>
 * <li>{@link ColumnType#TIMESTAMP} if every value is an ISO date or date-time: {@code 2021-11-19},
 * {@code 2021-11-19 15:25:38}, {@code 2021-11-19T15:25:38.123}, optionally with {@code Z} or an offset such as
 * {@code +05:30}; without an offset the time is UTC.</li>
 * <li>Otherwise the values are strings: {@link ColumnType#CATEGORICAL} when the number of distinct values is at most
 * {@link Builder#categoricalRatio} (default 0.5) times the number of non-null values, that is when values repeat on
 * average at least twice; {@link ColumnType#TEXT} otherwise.</li>
 * <li>A column with no non-null value at all is {@link ColumnType#NUMERIC}, all null.</li>
 * </ol>
 * Inference reads the input once, and a second time only if a column turns out to mix kinds of values (numbers, then
 * text), so that its first values can be kept as strings exactly as written.
 *
 * <h2>Bad input</h2>
 * Every problem is a {@link DataException} whose message names the source, the line, the column and the value as
 * far as they apply, and says how to fix it: a record with too few or too many fields, a value that does not fit a
 * declared type, invalid UTF-8, a header name that is repeated, an empty input (a header-only input is
 * valid and gives zero rows), a quote that is never closed, a declared type for a column the header lacks. Records
 * with the wrong number of fields and values that do not fit can instead be written to a quarantine file
 * ({@link Builder#onRaggedRow}, {@link Builder#onBadValue}, {@link Builder#quarantineFile}); nothing is dropped
 * silently: {@link #readWithReport(Path)} and {@link #stream} report the counts, and {@link #read(Path)} logs them.
 * A check after reading can point at the file's lines too: {@link Builder#lineColumn} adds a column with each row's
 * line, for {@link ValidationOptions.Builder#lineColumn}.
 *
 * <h2>Streaming</h2>
 * {@link #stream(Path, int, Consumer)} hands over chunks of at most {@code chunkRows} rows, holding only one chunk in
 * memory. All chunks have the same column names and types: the types are declared or inferred from the first chunk,
 * and a later value that does not fit is a {@link DataException} naming its line, column and value (declare the
 * column's type, or read in larger chunks).
 *
 * <h2>Speed and memory</h2>
 * The reader parses CSV itself, with a small RFC 4180 tokenizer over one large character buffer, rather than through
 * a CSV library: numbers, timestamps, booleans and null tokens are recognised straight from that buffer without
 * creating a {@code String} per field, string columns are coded through an index of their distinct values (one
 * {@code String} per distinct value, not per row), and columns are sized from an estimate of the row count taken
 * from the input's first lines. A general parser's per-token API, which an earlier version used (Jackson's CSV
 * module, which {@link CsvWriter} still uses), costs a {@code String} per field and made reading no faster than a
 * naive {@code split} loop; the tokenizer reads the same format, which tests hold it to on random input. A table
 * of numbers takes about 8 bytes per value plus a bit for its null mask. {@link Builder#columns} leaves the other
 * columns unparsed and unkept (they are only split off), and buffers are sized to a small input. Numbers in a numeric
 * column are parsed before the null tokens are consulted (unless a token is itself a number), and lines are counted
 * from the parser's own position only when invalid UTF-8 needs one named. {@code CsvParsingBenchmark} (mlops-examples'
 * tests) measures the reader against FastCSV's tokenising and pandas' {@code read_csv}. Reading is single-threaded.
 *
 * <p>Instances are immutable and thread-safe: one reader may read many inputs at once.
 */
public final class CsvReader {

    /**
     * The null tokens of pandas' {@code read_csv} (version 2; pandas 1.x lacks {@code None}), used unless
     * {@link Builder#nullTokens} replaces them or {@link Builder#keepDefaultNa keepDefaultNa(false)} drops them.
     */
    public static final Set<String> DEFAULT_NULL_TOKENS = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND",
            "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan",
            "null");

    /** The name a kept index column gets by default. */
    public static final String DEFAULT_INDEX_COLUMN = "index";

    /** What to do with a record that cannot become a row. */
    public enum BadRowAction {
        /** Stop reading with a {@link DataException} that names the record's line and the problem. */
        FAIL,
        /** Write the record, with its line and the reason, to the quarantine file and go on. */
        QUARANTINE
    }

    private final CsvReadOptions options;

    private CsvReader(CsvReadOptions options) {
        this.options = options;
    }

    /** @return a builder with the defaults: comma-separated, pandas' null tokens, inferred types, fail on bad rows */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a whole UTF-8 file.
     *
     * @param file the CSV file
     * @return the table
     * @throws DataException        when the content is not valid CSV for these options (see the class comment)
     * @throws UncheckedIOException when the file cannot be read
     */
    public Table read(Path file) {
        return readWithReport(file).table();
    }

    /**
     * Reads only the header of a UTF-8 file.
     *
     * @param file the CSV file
     * @return the names of the columns the header gives, as a read would call them (a dropped index column left out,
     *         nameless columns as {@code Unnamed: N}), whichever {@link Builder#columns} are chosen
     * @throws DataException        when the file is empty or its header is not valid for these options
     * @throws UncheckedIOException when the file cannot be read
     */
    public List<String> header(Path file) {
        CsvReadOptions all = toBuilder().columns(List.of()).build().options;
        return new CsvReadSession(all, file.toString(), opener(file), 16).header();
    }

    /**
     * Reads all the text of a reader, which is closed afterwards. The text is held in memory while it is read; for
     * large inputs prefer {@link #read(Path)} or {@link #stream(Reader, String, int, Consumer)}.
     *
     * @param reader     the CSV text
     * @param sourceName what to call the input in messages, such as a file or URL
     * @return the table
     * @throws DataException        when the content is not valid CSV for these options
     * @throws UncheckedIOException when reading fails
     */
    public Table read(Reader reader, String sourceName) {
        return readWithReport(reader, sourceName).table();
    }

    /**
     * Reads a whole UTF-8 file and reports what was read and what was quarantined.
     *
     * @param file the CSV file
     * @return the table and the report
     * @throws DataException        when the content is not valid CSV for these options
     * @throws UncheckedIOException when the file cannot be read
     */
    public CsvReadResult readWithReport(Path file) {
        return new CsvReadSession(options, file.toString(), opener(file), RowCountEstimate.ofFile(file),
                sizeOf(file)).readAll();
    }

    /**
     * Reads all the text of a reader, which is closed afterwards, and reports what was read and quarantined.
     *
     * @param reader     the CSV text
     * @param sourceName what to call the input in messages
     * @return the table and the report
     * @throws DataException        when the content is not valid CSV for these options
     * @throws UncheckedIOException when reading fails
     */
    public CsvReadResult readWithReport(Reader reader, String sourceName) {
        String text = slurp(reader, sourceName);
        return new CsvReadSession(options, sourceName, () -> new StringReader(text), RowCountEstimate.ofText(text),
                text.length()).readAll();
    }

    /**
     * Reads a UTF-8 file in chunks of equal column types; only one chunk is held in memory at a time.
     *
     * @param file      the CSV file
     * @param chunkRows the most rows per chunk, at least 1; the first chunk also decides the inferred types
     * @param consumer  called with each chunk in file order, at least once (with zero rows for a header-only file)
     * @return the report over all chunks
     * @throws DataException        when the content is not valid CSV for these options, or a value after the first
     *                              chunk does not fit the type the first chunk decided
     * @throws UncheckedIOException when the file cannot be read
     */
    public CsvReadReport stream(Path file, int chunkRows, Consumer<Table> consumer) {
        checkChunkRows(chunkRows);
        Objects.requireNonNull(consumer, "consumer");
        return new CsvReadSession(options, file.toString(), opener(file), chunkRows, sizeOf(file))
                .stream(chunkRows, consumer);
    }

    /**
     * Reads CSV text in chunks of equal column types; the reader is closed afterwards.
     *
     * @param reader     the CSV text
     * @param sourceName what to call the input in messages
     * @param chunkRows  the most rows per chunk, at least 1; the first chunk also decides the inferred types
     * @param consumer   called with each chunk in order, at least once
     * @return the report over all chunks
     * @throws DataException        when the content is not valid CSV for these options
     * @throws UncheckedIOException when reading fails
     */
    public CsvReadReport stream(Reader reader, String sourceName, int chunkRows, Consumer<Table> consumer) {
        checkChunkRows(chunkRows);
        Objects.requireNonNull(consumer, "consumer");
        boolean[] opened = {false};
        Supplier<Reader> once = () -> {
            if (opened[0]) {
                throw new IllegalStateException("A reader can be read only once");
            }
            opened[0] = true;
            return skipByteOrderMark(reader, sourceName);
        };
        return new CsvReadSession(options, sourceName, once, chunkRows).stream(chunkRows, consumer);
    }

    private static void checkChunkRows(int chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1, was " + chunkRows);
        }
    }

    /** @return the file's size in bytes, to size buffers to a small file; -1 when it cannot be told */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Supplier<Reader> opener(Path file) {
        long size = sizeOf(file);
        return () -> {
            try {
                return new StrictUtf8Reader(Files.newInputStream(file), file.toString(), size);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read CSV file " + file + ": " + e, e);
            }
        };
    }

    private static String slurp(Reader reader, String sourceName) {
        try (Reader in = reader) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[1 << 14];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                text.append(buffer, 0, n);
            }
            int start = text.length() > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
            return text.substring(start);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + sourceName + ": " + e.getMessage(), e);
        }
    }

    private static Reader skipByteOrderMark(Reader reader, String sourceName) {
        try {
            PushbackReader in = new PushbackReader(new BufferedReader(reader, 1 << 16), 1);
            int first = in.read();
            if (first >= 0 && first != '\uFEFF') {
                in.unread(first);
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + sourceName + ": " + e.getMessage(), e);
        }
    }

    /** @return this reader's settings, for a builder that changes some of them */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.separator = options.separator();
        builder.nullTokens = options.nullTokens().tokens();
        builder.keepDefaultNa = true;
        builder.naValues = Set.of();
        builder.columnTypes.putAll(options.columnTypes());
        builder.defaultType = options.defaultType().orElse(null);
        builder.indexColumnName = options.indexColumnName().orElse(null);
        builder.onRaggedRow = options.onRaggedRow();
        builder.onBadValue = options.onBadValue();
        builder.quarantineFile = options.quarantineFile().orElse(null);
        builder.maxRows = options.maxRows();
        builder.categoricalRatio = options.categoricalRatio();
        builder.trimSpaces = options.trimSpaces();
        builder.lineColumn = options.lineColumn().orElse(null);
        builder.selectedColumns = options.selectedColumns();
        return builder;
    }

    /** Options for a {@link CsvReader}; not thread-safe. */
    public static final class Builder {
        private char separator = ',';
        private Set<String> nullTokens = DEFAULT_NULL_TOKENS;
        private Set<String> naValues = Set.of();
        private boolean keepDefaultNa = true;
        private final Map<String, ColumnType> columnTypes = new LinkedHashMap<>();
        private ColumnType defaultType;
        private String indexColumnName;
        private BadRowAction onRaggedRow = BadRowAction.FAIL;
        private BadRowAction onBadValue = BadRowAction.FAIL;
        private Path quarantineFile;
        private int maxRows = Integer.MAX_VALUE;
        private double categoricalRatio = 0.5;
        private boolean trimSpaces;
        private String lineColumn;
        private Set<String> selectedColumns = Set.of();

        private Builder() {
        }

        /**
         * @param separator the field separator, such as {@code ';'} or {@code '\t'}; default {@code ','}
         * @return this builder
         */
        public Builder separator(char separator) {
            if (separator == '"' || separator == '\n' || separator == '\r') {
                throw new IllegalArgumentException("The separator cannot be a quote or a line break");
            }
            this.separator = separator;
            return this;
        }

        /**
         * @param tokens the texts that mean null, replacing {@link #DEFAULT_NULL_TOKENS}; include {@code ""} for
         *               empty fields to be null
         * @return this builder
         */
        public Builder nullTokens(Collection<String> tokens) {
            this.nullTokens = Set.copyOf(tokens);
            return this;
        }

        /**
         * @param tokens the texts that mean null, replacing {@link #DEFAULT_NULL_TOKENS}
         * @return this builder
         */
        public Builder nullTokens(String... tokens) {
            return nullTokens(List.of(tokens));
        }

        /**
         * Adds texts that mean null to the default ones, as pandas' {@code na_values} does (replacing those given
         * before).
         *
         * @param values texts that mean null besides the defaults, such as {@code "-"} or {@code "missing"}
         * @return this builder
         */
        public Builder naValues(Collection<String> values) {
            this.naValues = Set.copyOf(values);
            return this;
        }

        /**
         * @param values texts that mean null besides the defaults
         * @return this builder
         */
        public Builder naValues(String... values) {
            return naValues(List.of(values));
        }

        /**
         * As pandas' {@code keep_default_na}: with {@code false}, the default tokens ({@link #DEFAULT_NULL_TOKENS},
         * or those set with {@link #nullTokens}) are not null, only those of {@link #naValues} are; without any, no
         * text is null, not even an empty field, and a column with an empty field is then a string column.
         *
         * @param keep whether the default tokens are null; default true
         * @return this builder
         */
        public Builder keepDefaultNa(boolean keep) {
            this.keepDefaultNa = keep;
            return this;
        }

        /**
         * Declares a column's type instead of inferring it.
         *
         * @param column the column's name as in the header; reading fails if the header has no such column
         * @param type   its type
         * @return this builder
         */
        public Builder columnType(String column, ColumnType type) {
            columnTypes.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * @param types declared types by column name, added to those declared before
         * @return this builder
         */
        public Builder columnTypes(Map<String, ColumnType> types) {
            types.forEach(this::columnType);
            return this;
        }

        /**
         * @param type the type of every column without a declared type, instead of inferring it
         * @return this builder
         */
        public Builder defaultType(ColumnType type) {
            this.defaultType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** @return this builder, set to keep a leading unnamed index column as {@value #DEFAULT_INDEX_COLUMN} */
        public Builder keepIndexColumn() {
            return keepIndexColumnAs(DEFAULT_INDEX_COLUMN);
        }

        /**
         * @param name the name to keep a leading unnamed index column under (by default it is dropped)
         * @return this builder
         */
        public Builder keepIndexColumnAs(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("The index column's name must not be blank");
            }
            this.indexColumnName = name;
            return this;
        }

        /**
         * @param action what to do with a record whose number of fields differs from the header's; default fail
         * @return this builder
         */
        public Builder onRaggedRow(BadRowAction action) {
            this.onRaggedRow = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * @param action what to do with a record holding a value that does not fit its column's declared (or, in a
         *               stream, first-chunk) type; default fail
         * @return this builder
         */
        public Builder onBadValue(BadRowAction action) {
            this.onBadValue = Objects.requireNonNull(action, "action");
            return this;
        }

        /**
         * @param file where quarantined records go, as CSV with the columns {@code line, reason, column, value,
         *             record}; written (atomically, replacing it) at the end of every read that quarantines
         * @return this builder
         */
        public Builder quarantineFile(Path file) {
            this.quarantineFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @param maxRows the most rows to read, at least 0; the rest of the input is not read
         * @return this builder
         */
        public Builder maxRows(int maxRows) {
            if (maxRows < 0) {
                throw new IllegalArgumentException("maxRows must not be negative, was " + maxRows);
            }
            this.maxRows = maxRows;
            return this;
        }

        /**
         * @param ratio the largest ratio of distinct to non-null values at which an inferred string column is
         *              categorical rather than text, between 0 and 1; default 0.5
         * @return this builder
         */
        public Builder categoricalRatio(double ratio) {
            if (!(ratio >= 0 && ratio <= 1)) {
                throw new IllegalArgumentException("The categorical ratio must be between 0 and 1, was " + ratio);
            }
            this.categoricalRatio = ratio;
            return this;
        }

        /**
         * @param trim whether spaces and tabs around unquoted values are removed before parsing; default false
         * @return this builder
         */
        public Builder trimSpaces(boolean trim) {
            this.trimSpaces = trim;
            return this;
        }

        /**
         * Adds a numeric column, after the others, holding the 1-based physical line where each row's record starts
         * (as every message of the reader counts lines), so that a later check, such as
         * {@link Schema#validate(Table, ValidationOptions)} with {@link ValidationOptions.Builder#lineColumn}, can
         * name a bad value's line even when records span lines or empty lines were skipped.
         *
         * @param name the column's name; reading fails if the header has a column of that name
         * @return this builder
         */
        public Builder lineColumn(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("The line column's name must not be blank");
            }
            this.lineColumn = name;
            return this;
        }

        /**
         * Reads only these columns, as pandas' {@code usecols} does: the others are split off each record but not
         * parsed, typed or kept, which saves most of the time and memory of a wide file when a few columns are needed.
         * The table has the columns in the header's order. Reading fails when the header lacks one of them.
         *
         * @param names the columns to read; empty to read every column (the default)
         * @return this builder
         */
        public Builder columns(Collection<String> names) {
            this.selectedColumns = new LinkedHashSet<>(names);
            return this;
        }

        /**
         * @param names the only columns to read (see {@link #columns(Collection)})
         * @return this builder
         */
        public Builder columns(String... names) {
            return columns(List.of(names));
        }

        /**
         * @return the reader
         * @throws IllegalStateException when records are to be quarantined but no quarantine file is set
         */
        public CsvReader build() {
            boolean quarantines = onRaggedRow == BadRowAction.QUARANTINE || onBadValue == BadRowAction.QUARANTINE;
            if (quarantines && quarantineFile == null) {
                throw new IllegalStateException("Records are to be quarantined but no quarantine file is set: "
                        + "call quarantineFile(path)");
            }
            Set<String> tokens = new HashSet<>(naValues);
            if (keepDefaultNa) {
                tokens.addAll(nullTokens);
            }
            return new CsvReader(new CsvReadOptions(separator, new NullTokens(tokens), columnTypes,
                    Optional.ofNullable(defaultType), Optional.ofNullable(indexColumnName), onRaggedRow, onBadValue,
                    Optional.ofNullable(quarantineFile), maxRows, categoricalRatio, trimSpaces,
                    Optional.ofNullable(lineColumn), selectedColumns));
        }
    }
}

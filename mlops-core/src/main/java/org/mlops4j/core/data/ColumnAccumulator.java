package org.mlops4j.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlops4j.core.data.internal.DecimalText;
import org.mlops4j.core.data.internal.LevelIndex;
import org.mlops4j.core.data.internal.NullTokens;
import org.mlops4j.core.data.internal.TimestampText;

/**
 * Builds one column from CSV text, either into a declared type or inferring the type as values arrive.
 *
 * <p>Each row is offered in two steps: {@link #stage(String)} parses the value and says whether it fits, and
 * {@link #commit()} appends it; a row that another column rejects is simply not committed. An inferring column starts
 * without a type; its first non-null value decides the narrowest type that fits (numeric, then boolean, then
 * timestamp, else string). When a later value does not fit, values seen earlier would have to be re-read as strings:
 * the column then stops collecting and reports {@link #needsStringRestart()}, and the reader reads the input again with
 * the column declared as string. A string column becomes categorical when its distinct values are at most
 * {@code categoricalRatio} times its non-null values, and text otherwise. A column that holds only nulls is numeric.
 * Not thread-safe.
 */
final class ColumnAccumulator {

    private enum State { EMPTY, NUMERIC, BOOLEAN, TIMESTAMP, STRING, TEXT, ABANDONED }

    private final String name;
    private final ColumnType declared;
    private final double categoricalRatio;
    private final int expectedRows;
    /** Numbers as pandas reads them: {@code inf} and {@code infinity} are, {@code nan} is a null token or text. */
    private final DecimalText decimal = new DecimalText(false);
    private final LevelIndex levels = new LevelIndex();

    private State state;
    private int size;
    /** How many rows are in the storage; the rows from here to {@link #size} are nulls still to append. */
    private int stored;
    private int nonNull;
    private NumericColumn.Builder numbers;
    private BooleanColumn.Builder booleans;
    private TimestampColumn.Builder times;
    /** The level code of each row of a string column, -1 for null; codes from {@link #levels}. */
    private int[] codes;
    private TextColumn.Builder texts;

    private State stagedState;
    private boolean stagedNull;
    private double stagedNumber;
    private long stagedMillis;
    private boolean stagedBoolean;
    private int stagedCode;
    private String stagedText;

    /**
     * @param name             the column's name
     * @param declared         the type to parse into, or {@code null} to infer it
     * @param inferAsString    for an inferring column: start as a string column (after a restart)
     * @param categoricalRatio the largest ratio of distinct to non-null values for an inferred categorical column
     * @param expectedRows     a capacity hint
     */
    public ColumnAccumulator(String name, ColumnType declared, boolean inferAsString, double categoricalRatio,
            int expectedRows) {
        this.name = name;
        this.declared = declared;
        this.categoricalRatio = categoricalRatio;
        this.expectedRows = expectedRows;
        this.state = declared == null ? (inferAsString ? State.STRING : State.EMPTY) : switch (declared) {
            case NUMERIC -> State.NUMERIC;
            case BOOLEAN -> State.BOOLEAN;
            case TIMESTAMP -> State.TIMESTAMP;
            case CATEGORICAL -> State.STRING;
            case TEXT -> State.TEXT;
        };
        if (state != State.EMPTY) {
            createStorage(state);
        }
    }

    /** @return the column's name */
    public String name() {
        return name;
    }

    /** @return the declared type, or {@code null} when the column infers its type */
    public ColumnType declared() {
        return declared;
    }

    /** @return the type the column has decided so far, if any, as a lower-case word for messages */
    public String currentTypeKey() {
        return switch (state) {
            case EMPTY -> "empty";
            case NUMERIC -> "numeric";
            case BOOLEAN -> "boolean";
            case TIMESTAMP -> "timestamp";
            case STRING -> declared == ColumnType.CATEGORICAL ? "categorical" : "string";
            case TEXT -> "text";
            case ABANDONED -> "mixed";
        };
    }

    /** @return whether an inferring column met a value that does not fit the type it had inferred */
    public boolean needsStringRestart() {
        return state == State.ABANDONED;
    }

    /**
     * Parses the value of the current row without appending it.
     *
     * @param text the field's text, or {@code null} when it is a null token
     * @return whether the value fits; always {@code true} for an inferring column
     */
    public boolean stage(String text) {
        return text == null ? stageNull() : stage(text.toCharArray(), 0, text.length());
    }

    /**
     * Stages a missing value for the current row.
     *
     * @return {@code true}: a null fits every column
     */
    public boolean stageNull() {
        stagedState = state;
        stagedNull = true;
        return true;
    }

    /**
     * Parses the value of the current row, which is not a null token, without appending it.
     *
     * @param chars characters holding the field's text
     * @param start where the text starts
     * @param end   where it ends (exclusive)
     * @return whether the value fits; always {@code true} for an inferring column
     */
    public boolean stage(char[] chars, int start, int end) {
        stagedState = state;
        stagedNull = false;
        switch (state) {
            case NUMERIC:
                if (decimal.parse(chars, start, end)) {
                    stagedNumber = decimal.value();
                    return true;
                }
                return rejectOrAbandon();
            case BOOLEAN:
                int bool = parseBoolean(chars, start, end, declared == ColumnType.BOOLEAN);
                if (bool >= 0) {
                    stagedBoolean = bool == 1;
                    return true;
                }
                return rejectOrAbandon();
            case TIMESTAMP:
                long millis = TimestampText.parseEpochMillis(chars, start, end);
                if (millis != TimestampText.NOT_A_TIMESTAMP) {
                    stagedMillis = millis;
                    return true;
                }
                return rejectOrAbandon();
            case STRING:
                stagedCode = levels.codeOf(chars, start, end);
                return true;
            case TEXT:
                stagedText = new String(chars, start, end - start);
                return true;
            case EMPTY:
                stageFirstValue(chars, start, end);
                return true;
            default:
                return true;
        }
    }

    /**
     * Stages the value of the current row when the column is numeric and the text is a number other than NaN, which
     * no null token is unless {@link NullTokens#hasNumberToken()} says so: numbers then skip the null token check.
     *
     * @param chars characters holding the field's text
     * @param start where the text starts
     * @param end   where it ends (exclusive)
     * @return whether the value was staged; when not, the caller checks for a null token and calls {@link #stage}
     */
    public boolean stageNumber(char[] chars, int start, int end) {
        if (state != State.NUMERIC || !decimal.parse(chars, start, end)) {
            return false;
        }
        double number = decimal.value();
        if (Double.isNaN(number)) {
            return false;
        }
        stagedState = State.NUMERIC;
        stagedNull = false;
        stagedNumber = number;
        return true;
    }

    private boolean rejectOrAbandon() {
        if (declared != null) {
            return false;
        }
        stagedState = State.ABANDONED;
        return true;
    }

    private void stageFirstValue(char[] chars, int start, int end) {
        int bool;
        if (decimal.parse(chars, start, end)) {
            stagedState = State.NUMERIC;
            stagedNumber = decimal.value();
        } else if ((bool = parseBoolean(chars, start, end, false)) >= 0) {
            stagedState = State.BOOLEAN;
            stagedBoolean = bool == 1;
        } else if ((stagedMillis = TimestampText.parseEpochMillis(chars, start, end))
                != TimestampText.NOT_A_TIMESTAMP) {
            stagedState = State.TIMESTAMP;
        } else {
            stagedState = State.STRING;
            stagedCode = levels.codeOf(chars, start, end);
        }
    }

    /** Appends the value staged last. */
    public void commit() {
        if (stagedState != state) {
            if (stagedState == State.ABANDONED) {
                releaseStorage();
            } else {
                createStorage(stagedState);
                stored = size;
            }
            state = stagedState;
        }
        size++;
        if (stagedNull) {
            return;
        }
        nonNull++;
        appendPendingNulls(size - 1);
        stored = size;
        switch (state) {
            case NUMERIC -> numbers.add(stagedNumber);
            case BOOLEAN -> booleans.add(stagedBoolean);
            case TIMESTAMP -> times.addEpochMillis(stagedMillis);
            case STRING -> appendCode(stagedCode);
            case TEXT -> texts.add(stagedText);
            default -> {
                // EMPTY only takes nulls; ABANDONED keeps nothing
            }
        }
    }

    /** Sets the code of the row just counted in {@link #size}. */
    private void appendCode(int code) {
        ensureCodes(size);
        codes[size - 1] = code;
    }

    private void ensureCodes(int rows) {
        if (rows > codes.length) {
            codes = Arrays.copyOf(codes, Math.max(rows, codes.length + (codes.length >> 1) + 16));
        }
    }

    /**
     * Appends to the storage the nulls of the rows before {@code rows} that are not in it yet. Nulls are appended in
     * runs, when the next value or the end comes, because most cells of a sparse column are null and a run costs
     * little more than one null.
     */
    private void appendPendingNulls(int rows) {
        if (stored >= rows) {
            return;
        }
        switch (state) {
            case NUMERIC -> numbers.addNulls(rows - stored);
            case BOOLEAN -> {
                for (int i = stored; i < rows; i++) {
                    booleans.addNull();
                }
            }
            case TIMESTAMP -> {
                for (int i = stored; i < rows; i++) {
                    times.addNull();
                }
            }
            case STRING -> {
                ensureCodes(rows);
                Arrays.fill(codes, stored, rows, -1);
            }
            case TEXT -> {
                for (int i = stored; i < rows; i++) {
                    texts.add(null);
                }
            }
            default -> {
                // EMPTY counts nulls in size; ABANDONED keeps nothing
            }
        }
        stored = rows;
    }

    /**
     * @return the string column, its levels numbered by first appearance among the rows kept (the index also holds
     *         values of rows that another column rejected)
     */
    private CategoricalColumn categorical() {
        int[] recode = new int[levels.levels().size()];
        Arrays.fill(recode, -1);
        List<String> used = new ArrayList<>();
        int[] out = Arrays.copyOf(codes, size);
        for (int i = 0; i < out.length; i++) {
            int code = out[i];
            if (code >= 0) {
                if (recode[code] < 0) {
                    recode[code] = used.size();
                    used.add(levels.level(code));
                }
                out[i] = recode[code];
            }
        }
        return CategoricalColumn.ofCodes(name, out, used);
    }

    private void createStorage(State newState) {
        int capacity = Math.max(expectedRows, size);
        switch (newState) {
            case NUMERIC -> {
                numbers = NumericColumn.builder(name, capacity).addNulls(size);
            }
            case BOOLEAN -> {
                booleans = BooleanColumn.builder(name);
                for (int i = 0; i < size; i++) {
                    booleans.addNull();
                }
            }
            case TIMESTAMP -> {
                times = TimestampColumn.builder(name, capacity);
                for (int i = 0; i < size; i++) {
                    times.addNull();
                }
            }
            case STRING -> {
                codes = new int[Math.max(16, capacity)];
                Arrays.fill(codes, 0, size, -1);
            }
            case TEXT -> {
                texts = TextColumn.builder(name, capacity);
                for (int i = 0; i < size; i++) {
                    texts.add(null);
                }
            }
            default -> throw new IllegalStateException("no storage for " + newState);
        }
    }

    private void releaseStorage() {
        numbers = null;
        booleans = null;
        times = null;
        codes = null;
        texts = null;
    }

    /**
     * @return the column of all committed rows
     * @throws IllegalStateException when the column needs a restart as string
     */
    public Column build() {
        appendPendingNulls(size);
        return switch (state) {
            case EMPTY -> {
                NumericColumn.Builder allNull = NumericColumn.builder(name, size);
                for (int i = 0; i < size; i++) {
                    allNull.addNull();
                }
                yield allNull.build();
            }
            case NUMERIC -> numbers.build();
            case BOOLEAN -> booleans.build();
            case TIMESTAMP -> times.build();
            case TEXT -> texts.build();
            case STRING -> {
                CategoricalColumn column = categorical();
                boolean text = declared == null && column.levels().size() > categoricalRatio * nonNull;
                yield text ? column.toText() : column;
            }
            case ABANDONED -> throw new IllegalStateException("Column '" + name + "' must be read again as string");
        };
    }

    /**
     * @param chars   characters holding a field's text
     * @param start   where the text starts
     * @param end     where it ends (exclusive)
     * @param lenient whether {@code 1/0} and {@code yes/no} count as well as {@code true/false}
     * @return 1 for true, 0 for false, -1 when the text is not a boolean
     */
    static int parseBoolean(char[] chars, int start, int end, boolean lenient) {
        int length = end - start;
        if (length == 4 && DecimalText.matchesIgnoringCase(chars, start, "true", 4)) {
            return 1;
        }
        if (length == 5 && DecimalText.matchesIgnoringCase(chars, start, "false", 5)) {
            return 0;
        }
        if (lenient) {
            if (length == 1) {
                return chars[start] == '1' ? 1 : chars[start] == '0' ? 0 : -1;
            }
            if (length == 3 && isLowerCaseOf(chars, start, "yes")) {
                return 1;
            }
            if (length == 2 && isLowerCaseOf(chars, start, "no")) {
                return 0;
            }
        }
        return -1;
    }

    /** @return whether the characters in lower case (as {@code String.toLowerCase(Locale.ROOT)}) are the word */
    private static boolean isLowerCaseOf(char[] chars, int start, String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = chars[start + i];
            if (c == '\u0130' || Character.toLowerCase(c) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

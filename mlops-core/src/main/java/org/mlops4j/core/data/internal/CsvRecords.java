package org.mlops4j.core.data.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.mlops4j.core.DataException;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>Reads CSV records one at a time, with the physical line where each record starts, by a hand-written RFC 4180
 * tokenizer over one large {@code char[]} buffer: a quoted field may hold separators, doubled quotes and line breaks.
 * The fields of the current record are ranges of that buffer ({@link #chars()}, {@link #start(int)},
 * {@link #end(int)}), so that numbers, null tokens and repeated strings can be recognised without creating a
 * {@code String} per field; {@link #field(int)} makes one when it is needed.
 *
 * <p>Why not a CSV library: reading a wide numeric file is dominated by per-field work, and a general parser's
 * per-token API (Jackson's CSV module had been used here) hands out a new {@code String} for every field, which cost
 * as much as the rest of the read. The format read here is the one that parser read, which the tests pin down by
 * comparing both on random input: lines end at {@code \n}, {@code \r\n} or a lone {@code \r}; a field is quoted only
 * when its first character is a quote (after spaces and tabs, when those are trimmed); spaces and tabs after a
 * closing quote are ignored, and any other character there is an error; a quote inside an unquoted field is kept as
 * text; a file's last line needs no line break.
 *
 * <p>Empty lines are skipped unless {@link #skipEmptyLines(boolean)} says otherwise. Malformed input, such as a quote
 * that is never closed, is a {@link DataException} naming the source and the line where the record starts. Not
 * thread-safe.
 */
public final class CsvRecords implements Closeable {

    private static final int BUFFER_CHARS = 1 << 17;

    private final Reader reader;
    private final String source;
    private final char separator;
    private final boolean trimSpaces;
    /** The largest character that ends an unquoted field: most characters of a field are above it, one comparison. */
    private final char maxStopChar;
    private char[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    private int recordStart;
    /** How far the last {@link #fill()} moved the buffer's content towards its start. */
    private int shift;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;
    private long line;
    private long nextLine = 1;
    /** The line where the text at {@link #recordStart} begins, for a line count in an error while filling. */
    private long recordStartLine = 1;
    private boolean skipEmptyLines = true;
    /** Whether the last record ended with {@code \r}, so that a {@code \n} right after it belongs to that break. */
    private boolean afterCarriageReturn;

    /**
     * @param reader     the text; closed with this object
     * @param source     the file or stream's name, for messages
     * @param separator  the field separator
     * @param trimSpaces whether spaces and tabs around unquoted values are removed
     */
    public CsvRecords(Reader reader, String source, char separator, boolean trimSpaces) {
        this(reader, source, separator, trimSpaces, -1);
    }

    /**
     * @param reader      the text; closed with this object
     * @param source      the file or stream's name, for messages
     * @param separator   the field separator
     * @param trimSpaces  whether spaces and tabs around unquoted values are removed
     * @param inputLength the input's length in characters or bytes, to size the buffer to a small input; -1 when
     *                    unknown
     */
    public CsvRecords(Reader reader, String source, char separator, boolean trimSpaces, long inputLength) {
        this.buffer = new char[bufferSize(inputLength)];
        this.reader = reader;
        this.source = source;
        this.separator = separator;
        this.trimSpaces = trimSpaces;
        this.maxStopChar = (char) Math.max(separator, '\r');
    }

    /**
     * @param inputLength an input's length in characters or bytes; -1 when unknown
     * @return the size of a buffer for it: the input and a little more when it is small, else a fixed 128 K
     */
    public static int bufferSize(long inputLength) {
        return inputLength < 0 ? BUFFER_CHARS : (int) Math.max(1 << 10, Math.min(BUFFER_CHARS, inputLength + 16));
    }

    /**
     * Advances to the next record; the fields of the record before are then gone.
     *
     * @return whether there was one
     * @throws DataException        when the text is not well-formed CSV
     * @throws UncheckedIOException when reading fails
     */
    public boolean next() {
        do {
            if (!nextRecord()) {
                return false;
            }
        } while (skipEmptyLines && size == 1 && starts[0] == ends[0]);
        return true;
    }

    /**
     * @param skip whether an empty line is skipped (the default) or is a record of one empty field, as it must be in
     *             a one-column file where an empty line is a missing value
     */
    public void skipEmptyLines(boolean skip) {
        this.skipEmptyLines = skip;
    }

    private boolean nextRecord() {
        size = 0;
        recordStart = position;
        recordStartLine = nextLine;
        if (position == limit && !fill()) {
            return false;
        }
        if (afterCarriageReturn) {
            afterCarriageReturn = false;
            if (buffer[position] == '\n') {
                position++;
                recordStart = position;
                if (position == limit && !fill()) {
                    return false;
                }
            }
        }
        line = nextLine;
        while (readField() == 0) {
            // one field per call, until the record's line ends
        }
        return true;
    }

    /**
     * Reads one field and the separator or line end after it.
     *
     * @return 0 when another field of the record follows, -1 when the record ended
     */
    private int readField() {
        while (true) {
            if (position == limit && !fill()) {
                addField(position, position);
                return -1;
            }
            char c = buffer[position];
            if (!trimSpaces || (c != ' ' && c != '\t') || c == separator) {
                break;
            }
            position++;
        }
        char[] chars = buffer;
        int p = position;
        if (chars[p] == '"') {
            position = p + 1;
            return readQuotedField();
        }
        int start = p;
        int lim = limit;
        char sep = separator;
        char maxStop = maxStopChar;
        char c = 0;
        while (true) {
            if (p == lim) {
                position = p;
                if (!fill()) {
                    addField(start - shift, trimEnd(start - shift, position));
                    return -1;
                }
                start -= shift;
                p = position;
                chars = buffer;
                lim = limit;
            }
            c = chars[p];
            if (c <= maxStop && (c == sep || c == '\n' || c == '\r')) {
                break;
            }
            p++;
        }
        addField(start, trimSpaces ? trimEnd(start, p) : p);
        position = p + 1;
        return c == sep ? 0 : endLine(c);
    }

    private int trimEnd(int start, int end) {
        if (!trimSpaces) {
            return end;
        }
        int e = end;
        while (e > start && (buffer[e - 1] == ' ' || buffer[e - 1] == '\t') && buffer[e - 1] != separator) {
            e--;
        }
        return e;
    }

    /** Reads a quoted field whose opening quote is just behind {@link #position}, unescaping it in place. */
    private int readQuotedField() {
        char[] chars = buffer;
        int p = position;
        int start = p;
        int write = p;
        boolean previousWasReturn = false;
        while (true) {
            if (p == limit) {
                position = p;
                if (!fill()) {
                    throw new DataException("A quoted value in the record starting here is never closed: the input "
                            + "ends inside quotes; add the closing quote, or double any quote that is part of a value",
                            source, line, null, null);
                }
                start -= shift;
                write -= shift;
                p = position;
                chars = buffer;
            }
            char c = chars[p++];
            if (c == '"') {
                if (p == limit) {
                    position = p;
                    if (!fill()) {
                        addField(start - shift, write - shift);
                        return -1;
                    }
                    start -= shift;
                    write -= shift;
                    p = position;
                    chars = buffer;
                }
                if (chars[p] != '"') {
                    addField(start, write);
                    position = p;
                    return afterClosingQuote();
                }
                p++;
            } else if (c == '\r') {
                nextLine++;
            } else if (c == '\n' && !previousWasReturn) {
                nextLine++;
            }
            previousWasReturn = c == '\r';
            chars[write++] = c;
        }
    }

    /** Skips spaces and tabs after a closing quote and reads the separator or line end that must follow. */
    private int afterClosingQuote() {
        while (true) {
            if (position == limit && !fill()) {
                return -1;
            }
            char c = buffer[position++];
            if (c == separator) {
                return 0;
            }
            if (c == '\n' || c == '\r') {
                return endLine(c);
            }
            if (c != ' ' && c != '\t') {
                throw new DataException("Malformed CSV in the record starting here: expected the separator or the "
                        + "end of the line after a closing quote, but found '" + c + "'; double any quote that is part "
                        + "of a value, or quote the whole value", source, line, null, null);
            }
        }
    }

    /** Counts the line break just read; the {@code \n} of a {@code \r\n} is skipped before the next record. */
    private int endLine(char c) {
        nextLine++;
        afterCarriageReturn = c == '\r';
        return -1;
    }

    private void addField(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /**
     * Reads more text behind {@link #limit}, first moving the current record to the buffer's start (or growing the
     * buffer when the record fills it). Offsets of the record's fields are moved with it, and {@link #shift} says by
     * how much, for the caller's own offsets.
     *
     * @return whether more text was read
     */
    private boolean fill() {
        shift = 0;
        if (endOfInput) {
            return false;
        }
        if (recordStart > 0) {
            shift = recordStart;
            System.arraycopy(buffer, recordStart, buffer, 0, limit - recordStart);
            limit -= shift;
            position -= shift;
            recordStart = 0;
            for (int i = 0; i < size; i++) {
                starts[i] -= shift;
                ends[i] -= shift;
            }
        } else if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        try {
            int read;
            do {
                read = reader.read(buffer, limit, buffer.length - limit);
            } while (read == 0);
            if (read < 0) {
                endOfInput = true;
                return false;
            }
            limit += read;
            return true;
        } catch (MalformedUtf8Exception e) {
            throw new DataException(e.getMessage(), source, lineAtLimit(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the line at the end of the text read so far, counted from the current record's start, which is where
     *         a decoding error in the text after it is
     */
    private long lineAtLimit() {
        long count = recordStartLine;
        boolean afterReturn = afterCarriageReturn;
        for (int i = recordStart; i < limit; i++) {
            char c = buffer[i];
            if (c == '\r' || c == '\n' && !afterReturn) {
                count++;
            }
            afterReturn = c == '\r';
        }
        return count;
    }

    /** @return the 1-based physical line where the current record starts */
    public long line() {
        return line;
    }

    /** @return the number of fields in the current record */
    public int size() {
        return size;
    }

    /** @return the buffer that holds the current record's fields, valid until the next call of {@link #next()} */
    public char[] chars() {
        return buffer;
    }

    /**
     * @param index a field index from 0
     * @return where the field's text starts in {@link #chars()}
     */
    public int start(int index) {
        return starts[index];
    }

    /**
     * @param index a field index from 0
     * @return where the field's text ends (exclusive) in {@link #chars()}
     */
    public int end(int index) {
        return ends[index];
    }

    /**
     * @param index a field index from 0
     * @return the field's text, never null
     */
    public String field(int index) {
        return new String(buffer, starts[index], ends[index] - starts[index]);
    }

    /** @return a copy of the current record's fields */
    public String[] fields() {
        String[] fields = new String[size];
        for (int i = 0; i < size; i++) {
            fields[i] = field(i);
        }
        return fields;
    }

    /** @return the current record as one CSV line, quoted where needed, for messages and quarantine files */
    public String recordText() {
        return join(fields(), size, separator);
    }

    /**
     * @param values    field values
     * @param count     how many of them
     * @param separator the separator
     * @return one CSV line, each value quoted when it holds the separator, a quote or a line break
     */
    public static String join(String[] values, int count, char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(separator);
            }
            String value = values[i];
            boolean quote = value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0;
            if (quote) {
                out.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                out.append(value);
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + source + ": " + e.getMessage(), e);
        }
    }
}

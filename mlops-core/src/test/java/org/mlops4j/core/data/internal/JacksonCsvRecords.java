package org.mlops4j.core.data.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvFactoryBuilder;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.mlops4j.core.DataException;

/**
 * The record reader that {@link CsvRecords} replaced, on Jackson's CSV parser, kept as the reference that the
 * randomized comparison in {@link CsvRecordsTest} holds the hand-written tokenizer to. Not thread-safe.
 */
final class JacksonCsvRecords implements Closeable {

    private static final CsvFactory PLAIN = factory(false);
    private static final CsvFactory TRIMMING = factory(true);

    private final CsvParser parser;
    private final String source;
    private final char separator;
    private String[] fields = new String[64];
    private int size;
    private long line;
    private boolean skipEmptyLines = true;

    /**
     * @param reader     the text; closed with this object
     * @param source     the file or stream's name, for messages
     * @param separator  the field separator
     * @param trimSpaces whether spaces around unquoted values are removed
     */
    JacksonCsvRecords(Reader reader, String source, char separator, boolean trimSpaces) {
        this.source = source;
        this.separator = separator;
        try {
            this.parser = (trimSpaces ? TRIMMING : PLAIN).createParser(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
        }
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
    }

    private static CsvFactory factory(boolean trimSpaces) {
        CsvFactoryBuilder builder = CsvFactory.builder()
                .disable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
                .disable(CsvParser.Feature.EMPTY_STRING_AS_NULL);
        if (trimSpaces) {
            builder.enable(CsvParser.Feature.TRIM_SPACES);
        } else {
            builder.disable(CsvParser.Feature.TRIM_SPACES);
        }
        return builder.build();
    }

    /**
     * Advances to the next record.
     *
     * @return whether there was one
     * @throws DataException when the text is not well-formed CSV
     * @throws UncheckedIOException when reading fails
     */
    public boolean next() {
        do {
            if (!nextRecord()) {
                return false;
            }
        } while (skipEmptyLines && size == 1 && fields[0].isEmpty());
        return true;
    }

    /**
     * @param skip whether an empty line is skipped (the default) or is a record of one empty field, as it must be in
     *             a one-column file where an empty line is a missing value
     */
    public void skipEmptyLines(boolean skip) {
        this.skipEmptyLines = skip;
    }

    /** Reads the next record, empty lines included (Jackson's own skipping would also trim leading spaces). */
    private boolean nextRecord() {
        size = 0;
        line = 0;
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return false;
            }
            line = parser.currentLocation().getLineNr();
            if (token != JsonToken.START_ARRAY) {
                throw new DataException("Unexpected CSV token " + token, source, line, null, null);
            }
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                if (size == fields.length) {
                    fields = Arrays.copyOf(fields, size * 2);
                }
                fields[size++] = parser.getText();
            }
            if (token != JsonToken.END_ARRAY) {
                throw new DataException("Unexpected CSV token " + token, source, line, null, null);
            }
            return true;
        } catch (JsonProcessingException e) {
            throw new DataException(describe(e), source, line > 0 ? line : e.getLocation().getLineNr(), null, null,
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original != null && original.contains("Missing closing quote")) {
            return "A quoted value in the record starting here is never closed: the input ends inside quotes; "
                    + "add the closing quote, or double any quote that is part of a value";
        }
        return "Malformed CSV in the record starting here: " + original;
    }

    /** @return the 1-based physical line where the current record starts */
    public long line() {
        return line;
    }

    /** @return the number of fields in the current record */
    public int size() {
        return size;
    }

    /**
     * @param index a field index from 0
     * @return the field's text, never null
     */
    public String field(int index) {
        return fields[index];
    }

    /** @return a copy of the current record's fields */
    public String[] fields() {
        return Arrays.copyOf(fields, size);
    }

    /** @return the current record as one CSV line, quoted where needed, for messages and quarantine files */
    public String recordText() {
        return join(fields, size, separator);
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
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close " + source + ": " + e.getMessage(), e);
        }
    }
}

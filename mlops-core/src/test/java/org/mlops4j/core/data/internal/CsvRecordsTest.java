package org.mlops4j.core.data.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;

class CsvRecordsTest {

    /** Characters that exercise every branch of the tokenizer, with plain ones more often. */
    private static final String ALPHABET = "ab1.- \t\",;\n\r\"éa,1\n";

    /** What a reader made of one input: each record's line and fields, then the line of an error, if any. */
    private record Outcome(List<String> records, Long errorLine) {
    }

    private static Outcome readNew(String text, char separator, boolean trim, boolean skipEmpty, Random chunks) {
        List<String> seen = new ArrayList<>();
        try (CsvRecords records = new CsvRecords(chunked(text, chunks), "t", separator, trim)) {
            records.skipEmptyLines(skipEmpty);
            while (records.next()) {
                seen.add(records.line() + ":" + String.join("|", quoteEach(records.fields())));
            }
            return new Outcome(seen, null);
        } catch (DataException e) {
            return new Outcome(seen, e.line());
        }
    }

    private static Outcome readOld(String text, char separator, boolean trim, boolean skipEmpty) {
        List<String> seen = new ArrayList<>();
        try (JacksonCsvRecords old = new JacksonCsvRecords(new StringReader(text), "t", separator, trim)) {
            old.skipEmptyLines(skipEmpty);
            while (old.next()) {
                seen.add(old.line() + ":" + String.join("|", quoteEach(old.fields())));
            }
            return new Outcome(seen, null);
        } catch (DataException e) {
            return new Outcome(seen, e.line());
        }
    }

    private static List<String> quoteEach(String[] fields) {
        List<String> out = new ArrayList<>();
        for (String field : fields) {
            out.add("<" + field + ">");
        }
        return out;
    }

    /** @return a reader that hands the text over in pieces of random size, so that records span many reads */
    private static Reader chunked(String text, Random random) {
        return new Reader() {
            private int position;

            @Override
            public int read(char[] target, int offset, int length) {
                if (position == text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(length, 1 + random.nextInt(7)), text.length() - position);
                text.getChars(position, position + n, target, offset);
                position += n;
                return n;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** @return well-formed CSV: values quoted when they need it, as a writer would, with mixed line ends */
    private static String randomWellFormed(Random random, char separator) {
        StringBuilder text = new StringBuilder();
        int width = 1 + random.nextInt(4);
        int rows = random.nextInt(6);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    text.append(separator);
                }
                String value = randomText(random, random.nextInt(6));
                boolean needsQuotes = value.indexOf(separator) >= 0 || value.indexOf('"') >= 0
                        || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || random.nextInt(5) == 0;
                if (needsQuotes) {
                    text.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    text.append(value);
                }
            }
            if (r < rows - 1 || random.nextBoolean()) {
                text.append(random.nextBoolean() ? "\n" : random.nextBoolean() ? "\r\n" : "\r");
            }
        }
        return text.toString();
    }

    @Test
    void readsRandomInputExactlyAsTheJacksonParserDid() {
        Random random = new Random(20240611L);
        char[] separators = {',', ';', '\t'};
        int compared = 0;
        for (int i = 0; i < 20_000; i++) {
            char separator = separators[random.nextInt(separators.length)];
            String text = i % 2 == 0 ? randomText(random, random.nextInt(40)) : randomWellFormed(random, separator);
            boolean trim = random.nextBoolean();
            boolean skipEmpty = random.nextBoolean();
            Outcome expected = readOld(text, separator, trim, skipEmpty);
            Outcome actual = readNew(text, separator, trim, skipEmpty, new Random(i));
            String context = "input <" + text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
                    + "> separator <" + separator + "> trim " + trim + " skipEmpty " + skipEmpty;
            assertEquals(expected, actual, context);
            compared++;
        }
        assertEquals(20_000, compared);
    }

    @Test
    void readsARecordLongerThanItsBuffer() {
        String longValue = "x\"y\n".repeat(100_000);
        String text = "a,b\n1,\"" + longValue.replace("\"", "\"\"") + "\"\n2,end\n";
        try (CsvRecords records = new CsvRecords(new StringReader(text), "t", ',', false)) {
            assertTrue(records.next());
            assertTrue(records.next());
            assertEquals(2, records.line());
            assertEquals("1", records.field(0));
            assertEquals(longValue, records.field(1));
            assertTrue(records.next());
            assertEquals(2 + 100_000 + 1, records.line());
            assertArrayEquals(new String[] {"2", "end"}, records.fields());
            assertFalse(records.next());
        }
    }

    @Test
    void givesFieldsAsRangesOfItsBuffer() {
        try (CsvRecords records = new CsvRecords(new StringReader("id,note\n7,\"say \"\"hi\"\"\"\n"), "t", ',',
                false)) {
            assertTrue(records.next());
            assertTrue(records.next());
            char[] chars = records.chars();
            assertEquals("7", new String(chars, records.start(0), records.end(0) - records.start(0)));
            assertEquals("say \"hi\"", new String(chars, records.start(1), records.end(1) - records.start(1)));
            assertEquals("7,\"say \"\"hi\"\"\"", records.recordText());
        }
    }

    @Test
    void rejectsTextAfterAClosingQuoteNamingTheRecordsLine() {
        DataException e = assertThrows(DataException.class, () -> {
            try (CsvRecords records = new CsvRecords(new StringReader("a\n1\n\"ab\"c\n"), "t", ',', false)) {
                while (records.next()) {
                    // read to the error
                }
            }
        });
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("after a closing quote"), e.getMessage());
    }
}

package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.DataException;

/**
 * Numbers as the CSV reader parses them straight from its buffer: the same double as {@link Double#parseDouble} for
 * every form, and {@code nan} and {@code inf} as pandas' {@code read_csv} treats them (values checked with pandas
 * 1.5.3).
 */
class CsvReaderNumbersTest {

    private static Table read(CsvReader.Builder builder, List<String> values) {
        return builder.build().read(new StringReader("x\n" + String.join("\n", values) + "\n"), "numbers.csv");
    }

    private static void assertParsedAsTheJdkParses(List<String> texts) {
        Table table = read(CsvReader.builder(), texts);
        assertEquals(ColumnType.NUMERIC, table.column("x").type());
        NumericColumn x = table.numeric("x");
        for (int i = 0; i < texts.size(); i++) {
            double expected = Double.parseDouble(texts.get(i));
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(x.getDouble(i)),
                    "row " + i + ": " + texts.get(i));
        }
    }

    @Test
    void readsExponentsSignsAndLeadingOrTrailingDotsAsTheJdkDoes() {
        assertParsedAsTheJdkParses(List.of("1e5", "1E+05", "-2.5e-3", "2.5E-003", "+3", "-0", "+0.0", "-0.0", ".5",
                "-.5", "+.5", "5.", "-5.", "007", "1e-7", "9.999999999999999e22", "1e23", "123456789e-30",
                "4.9e-324", "1e-400", "1e400", "-1e400", "0e99999", "1.7976931348623157e308"));
    }

    @Test
    void readsHugeDigitCountsAsTheSameDoubleAsTheJdk() {
        String ones = "1".repeat(400);
        assertParsedAsTheJdkParses(List.of("0.1000000000000000055511151231257827021181583404541015625",
                "2.2250738585072011e-308", "9007199254740993", "9007199254740992.5", "123456789012345678901234567890",
                ones, "-" + ones + "." + ones, "0." + "0".repeat(340) + "1", "0.000000000000000000000000001"));
    }

    @Test
    void readsRandomDecimalsOfManyDigitsAsTheJdkDoes() {
        Random random = new Random(18);
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            int digits = 1 + random.nextInt(25);
            int dot = random.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                text.append(d == dot ? "." : "").append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(3) == 0) {
                text.append('e').append(random.nextInt(80) - 40);
            }
            texts.add(text.toString());
        }
        assertParsedAsTheJdkParses(texts);
    }

    @Test
    void readsInfinityWordsInAnyCaseWithASignAsPandasDoes() {
        Table table = read(CsvReader.builder(), List.of("1", "inf", "-Infinity", "+inf", "INF", "-inf"));
        NumericColumn x = table.numeric("x");
        assertEquals(List.of(1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), List.of(x.getDouble(0), x.getDouble(1),
                x.getDouble(2), x.getDouble(3), x.getDouble(4), x.getDouble(5)));
    }

    @Test
    void readsPandasNanSpellingsAsMissingNotAsNaN() {
        Table table = read(CsvReader.builder(), List.of("1", "nan", "NaN", "-nan", "-NaN", "2"));
        NumericColumn x = table.numeric("x");
        assertEquals(4, x.nullCount());
        assertEquals(2.0, x.getDouble(5));
    }

    @Test
    void readsOtherNanSpellingsAsTextAsPandasDoes() {
        // pandas: ['1', 'NAN'] and ['1', 'Nan'], object columns
        assertEquals(ColumnType.TEXT, read(CsvReader.builder(), List.of("1", "NAN")).column("x").type());
        assertEquals("Nan", read(CsvReader.builder(), List.of("1", "Nan")).column("x").get(1));
    }

    @Test
    void readsNanAsTextWhenTheDefaultTokensAreDroppedAsPandasDoes() {
        // pandas, keep_default_na=False: ['1', 'nan', 'NaN', '-nan']
        Table table = read(CsvReader.builder().keepDefaultNa(false), List.of("1", "nan", "NaN", "-nan"));
        assertEquals(List.of("1", "nan", "NaN", "-nan"), List.of(table.column("x").get(0), table.column("x").get(1),
                table.column("x").get(2), table.column("x").get(3)));
    }

    @Test
    void refusesNanSpellingsThatAreNotTokensInAColumnDeclaredNumeric() {
        DataException e = assertThrows(DataException.class, () -> read(
                CsvReader.builder().columnType("x", ColumnType.NUMERIC), List.of("1", "NAN")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("Expected a number"), e.getMessage());
    }

    @Test
    void keepsTextThatOnlyLooksLikeANumberAsText() {
        for (String text : List.of("0x10", "1d", "1f", "\"1,5\"", "1_000", "1e", "e5", ".", "-", "+", "1.2.3", "--1",
                "1e+", "١٢")) {
            Table table = read(CsvReader.builder().categoricalRatio(1), List.of("1", text));
            assertEquals(ColumnType.CATEGORICAL, table.column("x").type(), text);
        }
    }

    @Test
    void checksANumberTokenBeforeParsingWhenATokenIsANumber() {
        Table table = read(CsvReader.builder().naValues("-999", "inf"), List.of("1", "-999", "inf", "-999.0", "2"));
        NumericColumn x = table.numeric("x");
        assertEquals(2, x.nullCount());
        assertEquals(-999.0, x.getDouble(3));
    }
}

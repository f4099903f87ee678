package org.mlops4j.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.data.internal.DecimalText;
import org.mlops4j.core.data.internal.NullTokens;
import org.mlops4j.core.data.internal.TimestampText;

/** The parsers read a field from a range of a larger buffer exactly as they read the same text as a string. */
class CharRangeParsingTest {

    private static final String PADDING = "9,.-e\"x ";

    /** @return the text inside a buffer of random characters, starting at a random offset */
    private static char[] embed(String text, int offset, Random random) {
        char[] chars = new char[offset + text.length() + random.nextInt(4)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = PADDING.charAt(random.nextInt(PADDING.length()));
        }
        text.getChars(0, text.length(), chars, offset);
        return chars;
    }

    private static String randomNumberLikeText(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 1 -> Long.toString(random.nextLong());
            case 2 -> random.nextInt(1000) + "." + random.nextInt(1000) + "e" + (random.nextInt(700) - 350);
            case 3 -> List.of("inf", "-Infinity", "NaN", "nan", "+INF", "1d", "0x10", "1,5", " 1", "", "-", ".",
                    "e5", "1e", "ınf").get(random.nextInt(15));
            case 4 -> "0." + "0".repeat(random.nextInt(30)) + random.nextInt(Integer.MAX_VALUE);
            default -> random.nextInt(100) + "" + random.nextInt(1_000_000_000) + random.nextInt(1_000_000_000);
        };
    }

    /** @return what the text means as a number by the documented grammar, or null when it is not one */
    private static Double expectedNumber(String text) {
        if (text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Double.parseDouble(text);
        }
        boolean negative = text.startsWith("-");
        String word = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        int length = word.length();
        if ((length == 3 || length == 8) && word.regionMatches(true, 0, "infinity", 0, length)) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (length == 3 && word.regionMatches(true, 0, "nan", 0, 3)) {
            return Double.NaN;
        }
        return null;
    }

    @Test
    void decimalTextReadsARangeAsTheGrammarAndTheJdkSay() {
        Random random = new Random(7);
        DecimalText fromString = new DecimalText();
        DecimalText fromRange = new DecimalText();
        for (int i = 0; i < 50_000; i++) {
            String text = randomNumberLikeText(random);
            int offset = random.nextInt(5);
            char[] chars = embed(text, offset, random);
            Double expected = expectedNumber(text);
            assertEquals(expected != null, fromRange.parse(chars, offset, offset + text.length()), text);
            assertEquals(expected != null, fromString.parse(text), text);
            if (expected != null) {
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(fromRange.value()),
                        text);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(fromString.value()),
                        text);
            }
        }
    }

    @Test
    void timestampTextReadsARangeAsItReadsTheString() {
        Random random = new Random(11);
        List<String> samples = List.of("2021-11-19", "2021-11-19 15:25:38", "2021-11-19T15:25:38.123Z",
                "2021-11-19 15:25:38+05:30", "2020-02-29", "2021-02-29", "2021-11-19 24:00", "2021-11-19x",
                "2021-11-19T15:25", "2021-11-19 15:25:38.1234567891", "21-11-19", "2021-11-19 15:25:38-0800");
        for (int i = 0; i < 5_000; i++) {
            String text = samples.get(random.nextInt(samples.size()));
            int offset = random.nextInt(6);
            char[] chars = embed(text, offset, random);
            assertEquals(TimestampText.parseEpochMillis(text),
                    TimestampText.parseEpochMillis(chars, offset, offset + text.length()), text);
        }
    }

    @Test
    void nullTokensMatchARangeExactlyAsTheyMatchTheString() {
        NullTokens tokens = new NullTokens(CsvReader.DEFAULT_NULL_TOKENS);
        Random random = new Random(13);
        List<String> texts = new java.util.ArrayList<>(CsvReader.DEFAULT_NULL_TOKENS);
        texts.addAll(List.of("na", "NA ", "nul", "nulls", "N/B", "#N/A N/B", "1.0", "ÑA", "-nan", "-NAN"));
        for (int i = 0; i < 5_000; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            int offset = random.nextInt(4);
            char[] chars = embed(text, offset, random);
            assertEquals(tokens.isNull(text), tokens.isNull(chars, offset, offset + text.length()), text);
        }
    }

    @Test
    void booleansAreReadFromARangeInAnyLetterCase() {
        for (String text : List.of("true", "TRUE", "True", "tRuE")) {
            char[] chars = embed(text, 2, new Random(1));
            assertEquals(1, ColumnAccumulator.parseBoolean(chars, 2, 2 + text.length(), false), text);
        }
        for (String text : List.of("false", "FALSE", "False")) {
            assertEquals(0, ColumnAccumulator.parseBoolean(text.toCharArray(), 0, text.length(), false), text);
        }
        for (String text : List.of("1", "yes", "YES", "Yes")) {
            assertEquals(1, ColumnAccumulator.parseBoolean(text.toCharArray(), 0, text.length(), true), text);
            assertEquals(-1, ColumnAccumulator.parseBoolean(text.toCharArray(), 0, text.length(), false), text);
        }
        for (String text : List.of("0", "no", "NO")) {
            assertEquals(0, ColumnAccumulator.parseBoolean(text.toCharArray(), 0, text.length(), true), text);
        }
        for (String text : List.of("", "t", "truth", "yess", "2", "nope", "tru", "falsy")) {
            assertEquals(-1, ColumnAccumulator.parseBoolean(text.toCharArray(), 0, text.length(), true), text);
        }
    }
}

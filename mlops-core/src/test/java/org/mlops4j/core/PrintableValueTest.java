package org.mlops4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableValueTest {

    @Test
    void showsNulAndOtherControlCharactersAsVisibleEscapes() {
        assertEquals("1\\u00000", PrintableValue.of("1\u00000"));
        assertEquals("a\\u000ab\\u0009c\\u000dd\\u007fe\\u0085f", PrintableValue.of("a\nb\tc\rd\u007fe\u0085f"));
        assertEquals("\\u001b[31mred", PrintableValue.of("\u001b[31mred"));
    }

    @Test
    void escapesInvisibleCharactersThatReorderOrBreakALine() {
        assertEquals("a\\u202eb\\u2028c\\u200bd", PrintableValue.of("a\u202eb\u2028c\u200bd"));
        assertEquals("x\\ud800y", PrintableValue.of("x\ud800y"));
    }

    @Test
    void keepsPrintableTextAsItIs() {
        assertEquals("12abc", PrintableValue.of("12abc"));
        String text = "C:\\data\\leads.csv é 日本 \uD83D\uDE00";
        assertEquals(text, PrintableValue.of(text));
        assertEquals("'12abc'", PrintableValue.quoted("12abc"));
        assertEquals("null", PrintableValue.quoted(null));
        assertEquals("", PrintableValue.of(""));
    }

    @Test
    void shortensLongValuesAndSaysHowLongTheyWere() {
        String exactlyMax = "x".repeat(PrintableValue.MAX_CODE_POINTS);
        assertEquals(exactlyMax, PrintableValue.of(exactlyMax));
        String shown = PrintableValue.of("y".repeat(5000));
        assertEquals("y".repeat(PrintableValue.MAX_CODE_POINTS) + "...[5000 chars]", shown);
        assertTrue(PrintableValue.of("\u0000".repeat(1000)).endsWith("...[1000 chars]"));
    }
}

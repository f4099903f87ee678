package org.mlops4j.core.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTextTest {

    private final DecimalText parser = new DecimalText();

    private void assertSameAsJdk(String text) {
        assertTrue(parser.parse(text), () -> "should be a number: " + text);
        double expected = Double.parseDouble(text);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parser.value()),
                () -> text + ": expected " + expected + " but parsed " + parser.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "0.0", "-0.0", "1", "1.0", "2", "-3e5", "3E-5", "1.5", ".5", "5.", "-.5",
        "+7", "007", "0.1", "0.2", "0.3", "123456789012345", "1234567890123456789", "12345678901234567890123",
        "9007199254740993", "1e22", "1e23", "1e-22", "1e-23", "4.9e-324", "2e-324", "1.7976931348623157e308",
        "1e309", "1e-400", "0e999999", "3.141592653589793", "2.718281828459045235360287", "1.0000000000000002",
        "0.000001", "1234.5678e-10", "99999999999999999999e-5"})
    void parsesExactlyWhatTheJdkParses(String text) {
        assertSameAsJdk(text);
    }

    @Test
    void parsesRandomDecimalsExactlyWhatTheJdkParses() {
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            if (random.nextInt(4) == 0) {
                text.append('-');
            }
            int intDigits = random.nextInt(12);
            for (int d = 0; d < intDigits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            int fracDigits = random.nextInt(intDigits == 0 ? 12 : 14);
            if (fracDigits > 0 || intDigits == 0) {
                text.append('.');
                for (int d = 0; d < Math.max(1, fracDigits); d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(5) == 0) {
                text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(60) - 30);
            }
            assertSameAsJdk(text.toString());
        }
    }

    @Test
    void parsesTheShortestFormOfRandomDoublesBackToTheSameDouble() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value)) {
                continue;
            }
            assertSameAsJdk(Double.toString(value));
            assertSameAsJdk(new BigDecimal(value).toPlainString().substring(0,
                    Math.min(30, new BigDecimal(value).toPlainString().length())));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "-inf", "+inf", "INF", "Infinity", "-Infinity", "infinity", "+INFINITY"})
    void readsInfinityWordsInAnyCase(String text) {
        assertTrue(parser.parse(text));
        assertEquals(text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, parser.value());
    }

    @Test
    void readsNanWordAsNan() {
        assertTrue(parser.parse("NaN"));
        assertTrue(Double.isNaN(parser.value()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", " 1", "1 ", "1,000", "0x10", "1d", "1f",
        "abc", "2021-11-19", "Level3", "--1", "1-", "infinit", "nan1", "true", "1_000", "١٢"})
    void rejectsTextThatIsNotANumber(String text) {
        assertFalse(parser.parse(text), text);
    }
}

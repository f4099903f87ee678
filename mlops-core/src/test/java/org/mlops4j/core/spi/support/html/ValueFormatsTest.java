package org.mlops4j.core.spi.support.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueFormatsTest {

    @Test
    void numbersKeepSixSignificantDigits() {
        assertEquals("0.93", ValueFormats.number(0.93));
        assertEquals("0.333333", ValueFormats.number(1.0 / 3));
        assertEquals("123457", ValueFormats.number(123456.7));
        assertEquals("1.5e-7", ValueFormats.number(1.5e-7));
        assertEquals("NaN", ValueFormats.number(Double.NaN));
        assertEquals("-Infinity", ValueFormats.number(Double.NEGATIVE_INFINITY));
        assertEquals("0", ValueFormats.number(0.0));
    }

    @Test
    void durationsUseTheTwoLargestUnits() {
        assertEquals("850ms", ValueFormats.duration(850));
        assertEquals("12.3s", ValueFormats.duration(12_300));
        assertEquals("3m 04s", ValueFormats.duration(184_000));
        assertEquals("2h 05m", ValueFormats.duration(7_500_000));
        assertEquals("1d 01h", ValueFormats.duration(90_000_000));
    }

    @Test
    void timesAreWrittenInUtc() {
        assertEquals("2024-04-24 23:06:40", ValueFormats.time(1_714_000_000_000L));
    }

    @Test
    void tickLabelsKeepAboutThreeSignificantDigitsWithoutTrailingZeros() {
        assertEquals("0", ValueFormats.tick(0));
        assertEquals("0.3", ValueFormats.tick(0.1 + 0.2));
        assertEquals("0.625", ValueFormats.tick(0.62549));
        assertEquals("12.5", ValueFormats.tick(12.5));
        assertEquals("250", ValueFormats.tick(250.4));
        assertEquals("1.50e+05", ValueFormats.tick(150_000));
        assertEquals("-5.00e-04", ValueFormats.tick(-0.0005));
    }
}

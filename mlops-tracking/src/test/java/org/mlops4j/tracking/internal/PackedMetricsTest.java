package org.mlops4j.tracking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.TrackingException;

class PackedMetricsTest {

    private static final double[] ODD_VALUES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
        0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};

    @Test
    void deltaPackingKeepsEveryBitOfValuesTimestampsAndSteps() {
        SplittableRandom random = new SplittableRandom(7);
        List<Metric> metrics = new ArrayList<>();
        long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Long.MIN_VALUE + 1};
        for (int i = 0; i < 5000; i++) {
            double value = i % 13 == 0 ? ODD_VALUES[i / 13 % ODD_VALUES.length] : random.nextDouble(-1e9, 1e9);
            long timestamp = i % 17 == 0 ? extremes[i / 17 % extremes.length] : random.nextLong();
            long step = i % 19 == 0 ? extremes[i / 19 % extremes.length] : random.nextLong(-1000, 1000);
            metrics.add(new Metric("loss", value, timestamp, step));
        }
        assertSameBits(metrics, PackedMetrics.unpack("loss", PackedMetrics.pack(metrics), PackedMetrics.DELTA));
    }

    @Test
    void fixedPackingFromTheFirstSchemaStillReads() {
        List<Metric> metrics = List.of(new Metric("auc", Double.NaN, 1_700_000_000_000L, 3),
                new Metric("auc", 0.5, 1_700_000_000_001L, -4), new Metric("auc", Double.NEGATIVE_INFINITY, 0, 0));
        byte[] fixed = PackedMetrics.packFixed(metrics);
        assertEquals(72, fixed.length);
        assertSameBits(metrics, PackedMetrics.unpack("auc", fixed, PackedMetrics.FIXED));
    }

    @Test
    void valuesLoggedTogetherTakeAboutTenBytesEach() {
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            metrics.add(new Metric("loss", 1.0 / (i + 1), 1_700_000_000_000L + i / 10, 5000 + i));
        }
        int bytes = PackedMetrics.pack(metrics).length;
        assertTrue(bytes <= 10 * 1000 + 8, "1000 values in " + bytes + " bytes");
    }

    @Test
    void damagedOrUnknownBytesAreReportedWithTheKey() {
        byte[] packed = PackedMetrics.pack(List.of(new Metric("loss", 1.5, 1_700_000_000_000L, 1)));
        TrackingException cut = assertThrows(TrackingException.class,
                () -> PackedMetrics.unpack("loss", Arrays.copyOf(packed, packed.length - 3), PackedMetrics.DELTA));
        assertTrue(cut.getMessage().contains("Damaged metric history for 'loss'"), cut.getMessage());
        byte[] endless = new byte[12];
        Arrays.fill(endless, (byte) 0x80);
        assertThrows(TrackingException.class, () -> PackedMetrics.unpack("loss", endless, PackedMetrics.DELTA));
        assertThrows(TrackingException.class, () -> PackedMetrics.unpack("loss", new byte[25], PackedMetrics.FIXED));
        TrackingException unknown = assertThrows(TrackingException.class,
                () -> PackedMetrics.unpack("loss", packed, 9));
        assertTrue(unknown.getMessage().contains("value encoding 9"), unknown.getMessage());
    }

    private static void assertSameBits(List<Metric> expected, List<Metric> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Metric e = expected.get(i);
            Metric a = actual.get(i);
            int row = i;
            assertEquals(e.key(), a.key());
            assertEquals(Double.doubleToRawLongBits(e.value()), Double.doubleToRawLongBits(a.value()),
                    () -> "value bits of #" + row);
            assertEquals(e.timestamp(), a.timestamp(), () -> "timestamp of #" + row);
            assertEquals(e.step(), a.step(), () -> "step of #" + row);
        }
    }
}

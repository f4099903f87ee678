package org.mlops4j.tracking.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.TrackingException;

/**
 * Metric values of one key packed into bytes, 24 per value, big-endian: the timestamp (8-byte integer), the value
 * (IEEE 754 double, so NaN and the infinities are kept exactly) and the step (8-byte integer).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class PackedMetrics {

    private static final int BYTES_PER_VALUE = 24;

    private PackedMetrics() {
    }

    /**
     * @param metrics values of one key
     * @return them packed
     */
    public static byte[] pack(List<Metric> metrics) {
        ByteBuffer buffer = ByteBuffer.allocate(metrics.size() * BYTES_PER_VALUE);
        for (Metric metric : metrics) {
            buffer.putLong(metric.timestamp()).putDouble(metric.value()).putLong(metric.step());
        }
        return buffer.array();
    }

    /**
     * @param key    the key they belong to
     * @param packed bytes from {@link #pack(List)}
     * @return the values, in the order they were packed
     * @throws TrackingException when the length is not a multiple of 24
     */
    public static List<Metric> unpack(String key, byte[] packed) {
        if (packed.length % BYTES_PER_VALUE != 0) {
            throw new TrackingException("Damaged metric history for '" + key + "': " + packed.length
                    + " bytes is not a multiple of " + BYTES_PER_VALUE + ".");
        }
        ByteBuffer buffer = ByteBuffer.wrap(packed);
        List<Metric> metrics = new ArrayList<>(packed.length / BYTES_PER_VALUE);
        while (buffer.hasRemaining()) {
            long timestamp = buffer.getLong();
            double value = buffer.getDouble();
            metrics.add(new Metric(key, value, timestamp, buffer.getLong()));
        }
        return metrics;
    }
}

package org.mlops4j.tracking.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.TrackingException;

/**
 * Metric values of one key packed into bytes, in one of two encodings, both lossless (the value is the IEEE 754
 * double's 8 bytes, so NaN and the infinities are kept exactly):
 *
 * <ul>
 *   <li>{@link #FIXED} (the first schema's): 24 bytes per value, big-endian: the timestamp (8-byte integer), the value
 *       (8 bytes) and the step (8-byte integer);</li>
 *   <li>{@link #DELTA} (what is written now): per value, the timestamp's difference from the value before it (the first
 *       from 0) as a zigzag varint, the value (8 bytes, big-endian), then the step's difference as a zigzag varint.
 *       Values logged together have close timestamps and steps, so a value takes about 10 bytes instead of 24, and
 *       the store writes less than half as many bytes.</li>
 * </ul>
 *
 * <p>The encoding is stored beside the bytes ({@code metric_batches.value_encoding}), so rows written by either
 * version read back.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class PackedMetrics {

    /** 24 bytes per value: timestamp, value, step. */
    public static final int FIXED = 0;
    /** Zigzag-varint deltas of timestamp and step around the 8-byte value. */
    public static final int DELTA = 1;

    private static final int FIXED_BYTES_PER_VALUE = 24;
    /** The most a value takes in {@link #DELTA}: two 10-byte varints and the 8-byte value. */
    private static final int MAX_DELTA_BYTES_PER_VALUE = 28;

    private PackedMetrics() {
    }

    /**
     * @param metrics values of one key
     * @return them packed in {@link #DELTA}
     */
    public static byte[] pack(List<Metric> metrics) {
        byte[] out = new byte[metrics.size() * MAX_DELTA_BYTES_PER_VALUE];
        int at = 0;
        long timestamp = 0;
        long step = 0;
        for (Metric metric : metrics) {
            at = putVarint(out, at, zigzag(metric.timestamp() - timestamp));
            at = putLong(out, at, Double.doubleToRawLongBits(metric.value()));
            at = putVarint(out, at, zigzag(metric.step() - step));
            timestamp = metric.timestamp();
            step = metric.step();
        }
        return Arrays.copyOf(out, at);
    }

    /**
     * @param key      the key they belong to
     * @param packed   packed bytes
     * @param encoding {@link #FIXED} or {@link #DELTA}
     * @return the values, in the order they were packed
     * @throws TrackingException when the bytes are damaged or the encoding is unknown
     */
    public static List<Metric> unpack(String key, byte[] packed, int encoding) {
        return switch (encoding) {
            case FIXED -> unpackFixed(key, packed);
            case DELTA -> unpackDelta(key, packed);
            default -> throw new TrackingException("Metric history for '" + key + "' has value encoding " + encoding
                    + ", which this mlops4j version does not know. Upgrade mlops4j to read it.");
        };
    }

    /**
     * @param metrics values of one key
     * @return them packed in {@link #FIXED}, as the first schema wrote them
     */
    public static byte[] packFixed(List<Metric> metrics) {
        ByteBuffer buffer = ByteBuffer.allocate(metrics.size() * FIXED_BYTES_PER_VALUE);
        for (Metric metric : metrics) {
            buffer.putLong(metric.timestamp()).putDouble(metric.value()).putLong(metric.step());
        }
        return buffer.array();
    }

    private static List<Metric> unpackFixed(String key, byte[] packed) {
        if (packed.length % FIXED_BYTES_PER_VALUE != 0) {
            throw damaged(key, packed.length + " bytes is not a multiple of " + FIXED_BYTES_PER_VALUE);
        }
        ByteBuffer buffer = ByteBuffer.wrap(packed);
        List<Metric> metrics = new ArrayList<>(packed.length / FIXED_BYTES_PER_VALUE);
        while (buffer.hasRemaining()) {
            long timestamp = buffer.getLong();
            double value = buffer.getDouble();
            metrics.add(new Metric(key, value, timestamp, buffer.getLong()));
        }
        return metrics;
    }

    private static List<Metric> unpackDelta(String key, byte[] packed) {
        List<Metric> metrics = new ArrayList<>(packed.length / 10 + 1);
        int[] at = {0};
        long timestamp = 0;
        long step = 0;
        while (at[0] < packed.length) {
            timestamp += unzigzag(varint(key, packed, at));
            if (packed.length - at[0] < Long.BYTES) {
                throw damaged(key, "a value is cut short at byte " + at[0] + " of " + packed.length);
            }
            long bits = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                bits = (bits << 8) | (packed[at[0]++] & 0xFF);
            }
            step += unzigzag(varint(key, packed, at));
            metrics.add(new Metric(key, Double.longBitsToDouble(bits), timestamp, step));
        }
        return metrics;
    }

    private static long zigzag(long n) {
        return (n << 1) ^ (n >> 63);
    }

    private static long unzigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private static int putVarint(byte[] out, int at, long n) {
        while ((n & ~0x7FL) != 0) {
            out[at++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out[at++] = (byte) n;
        return at;
    }

    private static int putLong(byte[] out, int at, long bits) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out[at++] = (byte) (bits >>> shift);
        }
        return at;
    }

    private static long varint(String key, byte[] packed, int[] at) {
        long n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= packed.length) {
                throw damaged(key, "a number is cut short at byte " + at[0]);
            }
            byte b = packed[at[0]++];
            n |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return n;
            }
        }
        throw damaged(key, "a number runs past 10 bytes at byte " + at[0]);
    }

    private static TrackingException damaged(String key, String why) {
        return new TrackingException("Damaged metric history for '" + key + "': " + why + ".");
    }
}

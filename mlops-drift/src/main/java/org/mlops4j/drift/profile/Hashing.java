package org.mlops4j.drift.profile;

/**
 * 64-bit hashes for rows and values: a string hash wide enough that distinct rows of a large table do not collide by
 * chance (Java's 32-bit {@code String.hashCode} would, at a few hundred thousand rows), and a finaliser that spreads
 * bits before values are combined.
 *
 * <p>Package-private: not part of the API.
 */
final class Hashing {

    /** The hash that stands for a missing value in a row. */
    public static final long NULL_HASH = 0x5bd1e9955bd1e995L;

    private Hashing() {
    }

    /**
     * @param text a string
     * @return its 64-bit FNV-1a hash over UTF-16 code units, finalised with {@link #mix}
     */
    public static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /**
     * @param value a number; {@code -0.0} hashes as {@code 0.0} and every {@code NaN} alike
     * @return its 64-bit hash
     */
    public static long hash(double value) {
        return mix(Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
    }

    /**
     * MurmurHash3's 64-bit finaliser.
     *
     * @param key any value
     * @return the value with its bits spread
     */
    public static long mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * @param rowHash the hash of a row's columns so far
     * @param value   the hash of the next column's value
     * @return the hash of the row with that value appended
     */
    public static long combine(long rowHash, long value) {
        return Long.rotateLeft(rowHash, 27) * 0x9E3779B97F4A7C15L + value;
    }
}

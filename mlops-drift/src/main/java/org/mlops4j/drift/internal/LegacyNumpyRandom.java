package org.mlops4j.drift.internal;

/**
 * numpy's legacy global generator ({@code np.random.seed(n)}, {@code np.random.permutation}): the MT19937 Mersenne
 * Twister seeded with Knuth's initialisation, and the Fisher-Yates shuffle that draws each index by masked rejection
 * sampling. It reproduces numpy's permutations exactly, so that permutation tests seeded as Evidently seeds them
 * give the same p-values.
 *
 * <p>Not thread-safe: make one instance per computation. This class is internal and is hence not for public use.
 */
public final class LegacyNumpyRandom {

    private static final int N = 624;
    private static final int M = 397;

    private final int[] state = new int[N];
    private int position;

    /**
     * @param seed the seed, as given to {@code np.random.seed}; only its low 32 bits count
     */
    public LegacyNumpyRandom(long seed) {
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            state[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        position = N;
    }

    /** @return the next 32 random bits, as an unsigned value */
    public long nextUnsignedInt() {
        if (position >= N) {
            twist();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /**
     * @param max the largest value wanted, at most {@code 2^32 - 1}
     * @return a uniform integer in {@code [0, max]} (numpy's {@code random_interval})
     */
    public long nextInterval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUnsignedInt() & mask;
        } while (value > max);
        return value;
    }

    /**
     * Shuffles in place as numpy's legacy {@code shuffle} does: for i from n-1 down to 1, swap i with a uniform index
     * in {@code [0, i]}.
     *
     * @param values the array to shuffle
     */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i >= 1; i--) {
            int j = (int) nextInterval(i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /**
     * @param n the size
     * @return {@code np.random.permutation(n)}
     */
    public int[] permutation(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        shuffle(out);
        return out;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
            int next = state[(i + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                next ^= 0x9908b0df;
            }
            state[i] = next;
        }
        position = 0;
    }
}

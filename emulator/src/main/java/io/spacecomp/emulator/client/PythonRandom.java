package io.spacecomp.emulator.client;

import java.util.List;

/**
 * The pseudo-random sequence of CPython's {@code random} module for an integer seed, so that our job
 * client shuffles an AOI exactly as leopymr's {@code job.py} does for the same {@code -s}: the Mersenne
 * Twister MT19937 (Matsumoto and Nishimura, 1998), seeded the way {@code random.seed(int)} seeds it
 * ({@code init_by_array} over the 32-bit words of |seed|, least significant first), {@code getrandbits(k)}
 * for k ≤ 32 as the top k bits of one output, and {@code shuffle} as Fisher–Yates from the end with
 * {@code _randbelow} by rejection over {@code getrandbits(n.bit_length())}. Not thread-safe; not for
 * simulation (which keeps its own seeded generators).
 */
public final class PythonRandom {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index = N + 1;

    /** The state {@code random.seed(seed)} leaves. */
    public PythonRandom(long seed) {
        seedByArray(keyOf(seed));
    }

    /** The 32-bit words of |seed|, least significant first; at least one word (0 for seed 0). */
    static int[] keyOf(long seed) {
        // |Long.MIN_VALUE| does not fit a long: its magnitude is 2^63, the words {0, 0x80000000}.
        if (seed == Long.MIN_VALUE) {
            return new int[] {0, UPPER};
        }
        long magnitude = Math.abs(seed);
        int hi = (int) (magnitude >>> 32);
        int lo = (int) magnitude;
        return hi == 0 ? new int[] {lo} : new int[] {lo, hi};
    }

    private void seedLinear(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void seedByArray(int[] key) {
        seedLinear(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER; // the most significant bit is 1: the state is never all zero
        index = N;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        index = 0;
    }

    /** The next 32-bit output, as an unsigned value. */
    public long nextUint32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** {@code random.getrandbits(k)} for 1 ≤ k ≤ 32. */
    public long getrandbits(int k) {
        if (k < 1 || k > 32) {
            throw new IllegalArgumentException("k must be in [1, 32], got " + k);
        }
        return nextUint32() >>> (32 - k);
    }

    /** {@code random._randbelow(n)}: uniform in [0, n), for 1 ≤ n < 2^32. */
    public int randbelow(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(n);
        long r = getrandbits(bits);
        while (r >= n) {
            r = getrandbits(bits);
        }
        return (int) r;
    }

    /** {@code random.shuffle(list)}, in place. */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = randbelow(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}

package org.mtboard.engine.rng;

/**
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11), the
 * counter-based generator of the protocol (fixed since version 1). It is a pure function of a 128-bit counter and a
 * 64-bit key, so any draw can be recomputed from its coordinates alone; the CUDA backend
 * implements the same function and must match it bit for bit.
 */
public final class Philox {
    private static final int M0 = 0xD2511F53;
    private static final int M1 = 0xCD9E8D57;
    private static final int W0 = 0x9E3779B9;
    private static final int W1 = 0xBB67AE85;
    public static final int ROUNDS = 10;

    private Philox() {
    }

    /** Writes the 4 output words for (counter c0..c3, key k0,k1) into out[off..off+3]. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out, int off) {
        for (int round = 0; round < ROUNDS; round++) {
            long p0 = (c0 & 0xFFFFFFFFL) * (M0 & 0xFFFFFFFFL);
            long p1 = (c2 & 0xFFFFFFFFL) * (M1 & 0xFFFFFFFFL);
            int hi0 = (int) (p0 >>> 32);
            int lo0 = (int) p0;
            int hi1 = (int) (p1 >>> 32);
            int lo1 = (int) p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }
        out[off] = c0;
        out[off + 1] = c1;
        out[off + 2] = c2;
        out[off + 3] = c3;
    }

    /** Maps 32 random bits to a float uniform in [0, 1) using the top 24 bits (exact in float32). */
    public static float toUnitFloat(int bits) {
        return (bits >>> 8) * 0x1p-24f;
    }
}

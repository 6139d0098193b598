package org.mtboard.engine.stats;

/**
 * The bootstrap's generator: SplitMix64, one independent stream per (seed, metric family,
 * replicate), so a replicate's draws depend on nothing else (not the thread that computes it,
 * nor the other replicates). Bounded integers use Lemire's multiply-and-reject method, which is
 * exactly uniform (never a modulo on raw bits). Unlike rliable, whose random_state is ignored,
 * every interval records the seed that reproduces it.
 */
public final class BootstrapRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;
    private int spare;
    private boolean hasSpare;

    private BootstrapRandom(long state) {
        this.state = state;
    }

    /** The stream of one replicate. */
    public static BootstrapRandom forReplicate(long seed, long family, long replicate) {
        long s = mix(mix(seed * GOLDEN + family) + replicate * GOLDEN);
        return new BootstrapRandom(s);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** 32 random bits; each 64-bit output serves two draws. */
    int nextInt() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        long bits = nextLong();
        spare = (int) (bits >>> 32);
        hasSpare = true;
        return (int) bits;
    }

    /** Uniform in [0, bound), bound >= 1 (Lemire, "Fast random integer generation in an interval", 2019). */
    public int nextInt(int bound) {
        long product = (nextInt() & 0xFFFFFFFFL) * bound;
        long low = product & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                product = (nextInt() & 0xFFFFFFFFL) * bound;
                low = product & 0xFFFFFFFFL;
            }
        }
        return (int) (product >>> 32);
    }
}

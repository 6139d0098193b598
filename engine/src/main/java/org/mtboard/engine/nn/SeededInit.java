package org.mtboard.engine.nn;

/**
 * Network initial values from the run seed: SplitMix64 uniform draws, Glorot-uniform weights
 * (scaled for output layers), zero biases. Pure Java, so initial networks are bit-identical
 * everywhere and independent of the DJL engine's own random state.
 */
public final class SeededInit {
    private long state;

    public SeededInit(long seed, long stream) {
        this.state = seed * 0x9E3779B97F4A7C15L + stream * 0xD1B54A32D192ED03L;
    }

    private long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** fanIn x fanOut weights, uniform in +-gain * sqrt(6 / (fanIn + fanOut)), row-major (in, out). */
    public float[] glorotUniform(int fanIn, int fanOut, double gain) {
        double limit = gain * Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[fanIn * fanOut];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) ((2.0 * nextDouble() - 1.0) * limit);
        }
        return w;
    }
}

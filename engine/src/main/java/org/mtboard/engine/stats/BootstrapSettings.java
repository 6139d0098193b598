package org.mtboard.engine.stats;

/**
 * How intervals are computed; recorded next to every interval so it can be reproduced.
 *
 * @param reps          bootstrap replicates (rliable: 50,000 for aggregates, 2,000 for profiles)
 * @param seed          seed of the replicate streams
 * @param method        interval method
 * @param confidence    e.g. 0.95
 * @param taskBootstrap also resample tasks (a diagnostic; runs-only is right for a fixed suite)
 * @param threads       worker threads; results do not depend on it
 */
public record BootstrapSettings(int reps, long seed, IntervalMethod method, double confidence, boolean taskBootstrap,
                                int threads) {
    public BootstrapSettings {
        if (reps < 1) {
            throw new IllegalArgumentException("reps must be at least 1, got " + reps);
        }
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** rliable's defaults for aggregates: 50,000 percentile replicates at 95%, runs only, all cores. */
    public static BootstrapSettings defaults(long seed) {
        return new BootstrapSettings(50_000, seed, IntervalMethod.PERCENTILE, 0.95, false,
                Runtime.getRuntime().availableProcessors());
    }

    public BootstrapSettings withReps(int newReps) {
        return new BootstrapSettings(newReps, seed, method, confidence, taskBootstrap, threads);
    }

    public BootstrapSettings withThreads(int newThreads) {
        return new BootstrapSettings(reps, seed, method, confidence, taskBootstrap, newThreads);
    }
}

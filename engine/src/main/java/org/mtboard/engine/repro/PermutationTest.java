package org.mtboard.engine.repro;

import java.util.SplittableRandom;

/**
 * Two-sample, two-sided permutation test of a difference in means: how often a random relabelling
 * of the pooled runs gives a difference at least as large as the observed one. It assumes only
 * that runs are exchangeable under the null (same config, independent seeds), so it holds for
 * success rates stuck at 0 or 1 and for 3 seeds, where a t-test's normality does not. Exact (every
 * split) up to {@link #EXACT_LIMIT} splits, else a fixed-seed Monte Carlo sample, so the same
 * scores always give the same p-value.
 */
public final class PermutationTest {
    /** Splits enumerated exactly up to this count (C(20,10) = 184,756 for 10 seeds a side). */
    public static final long EXACT_LIMIT = 200_000;
    static final int MONTE_CARLO_DRAWS = 100_000;
    private static final long MONTE_CARLO_SEED = 0x5EEDL;
    /** Differences closer than this count as ties (the scores are averages of a few hundred episodes). */
    private static final double TIE = 1e-12;

    private PermutationTest() {
    }

    /** The p-value of mean(b) - mean(a) being this far from 0. */
    public static double pValue(double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("a permutation test needs runs on both sides, got " + n + " and " + m);
        }
        double[] pooled = new double[n + m];
        System.arraycopy(a, 0, pooled, 0, n);
        System.arraycopy(b, 0, pooled, n, m);
        double total = 0;
        for (double v : pooled) {
            total += v;
        }
        double observed = Math.abs(difference(sumOf(b), total, n, m));
        if (splits(n, m) <= EXACT_LIMIT) {
            long[] counts = new long[2];
            enumerate(pooled, m, 0, 0, 0.0, total, n, observed, counts);
            return (double) counts[0] / counts[1];
        }
        SplittableRandom random = new SplittableRandom(MONTE_CARLO_SEED);
        double[] shuffled = pooled.clone();
        long extreme = 0;
        for (int d = 0; d < MONTE_CARLO_DRAWS; d++) {
            double sumB = 0;
            for (int k = 0; k < m; k++) {
                int j = k + random.nextInt(shuffled.length - k);
                double t = shuffled[k];
                shuffled[k] = shuffled[j];
                shuffled[j] = t;
                sumB += shuffled[k];
            }
            if (Math.abs(difference(sumB, total, n, m)) >= observed - TIE) {
                extreme++;
            }
        }
        // the observed split counts as one of the draws: a p-value is never 0
        return (extreme + 1.0) / (MONTE_CARLO_DRAWS + 1.0);
    }

    /**
     * The smallest p-value the test can give with n and m runs: 2 / C(n+m, m) (the observed split
     * and its mirror), or 1/C when the sides are unequal and no mirror exists. Below the threshold
     * a check cannot fail whatever the scores, so callers refuse such seed counts.
     */
    public static double smallestP(int n, int m) {
        long splits = splits(n, m);
        return n == m ? Math.min(1.0, 2.0 / splits) : 1.0 / splits;
    }

    /** C(n+m, m), saturating at Long.MAX_VALUE. */
    static long splits(int n, int m) {
        long c = 1;
        for (int k = 1; k <= m; k++) {
            c = c * (n + k) / k;
            if (c > Long.MAX_VALUE / (n + m + 1)) {
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    private static double sumOf(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double difference(double sumB, double total, int n, int m) {
        return sumB / m - (total - sumB) / n;
    }

    /** Every choice of m of the pooled runs as side b: counts[0] the extreme ones, counts[1] all. */
    private static void enumerate(double[] pooled, int m, int from, int chosen, double sumB, double total, int n, double observed,
                                  long[] counts) {
        if (chosen == m) {
            counts[1]++;
            if (Math.abs(difference(sumB, total, n, m)) >= observed - TIE) {
                counts[0]++;
            }
            return;
        }
        for (int i = from; i <= pooled.length - (m - chosen); i++) {
            enumerate(pooled, m, i + 1, chosen + 1, sumB + pooled[i], total, n, observed, counts);
        }
    }
}

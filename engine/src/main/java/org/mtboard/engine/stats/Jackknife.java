package org.mtboard.engine.stats;

import java.util.function.Function;

/**
 * BCa's leave-one-run-out jackknife: the statistic with row i removed (one run dropped across all
 * tasks, strata ignored, as arch does), i = 0..N-1; kept per statistic component.
 */
final class Jackknife {
    private Jackknife() {
    }

    /** @return estimates[k][i]: component k with run i left out */
    static double[][] leaveOneRunOut(double[][] x, Function<double[][], double[]> statistic) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalStateException("bca needs at least 2 runs for its jackknife; use the percentile method");
        }
        double[][] out = null;
        for (int i = 0; i < n; i++) {
            double[] values = statistic.apply(withoutRow(x, i));
            if (out == null) {
                out = new double[values.length][n];
            }
            for (int k = 0; k < values.length; k++) {
                out[k][i] = values[k];
            }
        }
        return out;
    }

    static double[][] withoutRow(double[][] x, int drop) {
        double[][] rest = new double[x.length - 1][];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (i != drop) {
                rest[j++] = x[i];
            }
        }
        return rest;
    }
}

package org.mtboard.engine.stats;

/**
 * P(X > Y) (STATS.md section 2): per task the normalised Mann-Whitney U of x over y, ties
 * counting a half, averaged over tasks. P(X>Y) + P(Y>X) = 1 exactly; identical columns give 0.5.
 */
public final class ImprovementProbability {
    private ImprovementProbability() {
    }

    public static double perTask(double[][] x, double[][] y, int task) {
        long greater2 = 0; // twice the U statistic, to keep half-counts integral
        for (double[] xr : x) {
            for (double[] yr : y) {
                double a = xr[task];
                double b = yr[task];
                greater2 += a > b ? 2 : (a == b ? 1 : 0);
            }
        }
        return greater2 / (2.0 * x.length * y.length);
    }

    public static double[] perTask(double[][] x, double[][] y) {
        double[] out = new double[x[0].length];
        for (int t = 0; t < out.length; t++) {
            out[t] = perTask(x, y, t);
        }
        return out;
    }

    public static double overall(double[][] x, double[][] y) {
        if (x[0].length != y[0].length) {
            throw new IllegalArgumentException("both score matrices need the same tasks: " + x[0].length + " vs " + y[0].length);
        }
        double sum = 0;
        for (double p : perTask(x, y)) {
            sum += p;
        }
        return sum / x[0].length;
    }
}

package org.mtboard.engine.stats;

import java.util.Arrays;

/**
 * rliable's point estimates on a runs x tasks matrix (STATS.md section 2): mean and median of the
 * per-task means, IQM of all pooled scores (floor trim, 25% each end), optimality gap, and the
 * run-score and average-score distributions (strict >).
 */
public final class Metrics {
    private Metrics() {
    }

    public static double[] taskMeans(double[][] x) {
        int n = x.length;
        int m = x[0].length;
        double[] means = new double[m];
        for (int t = 0; t < m; t++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i][t];
            }
            means[t] = sum / n;
        }
        return means;
    }

    /** Mean over tasks of the per-task means. */
    public static double mean(double[][] x) {
        double[] means = taskMeans(x);
        double sum = 0;
        for (double v : means) {
            sum += v;
        }
        return sum / means.length;
    }

    /** Median of the per-task means; the average of the two middle ones for an even task count. */
    public static double median(double[][] x) {
        double[] means = taskMeans(x);
        Arrays.sort(means);
        int m = means.length;
        return m % 2 == 1 ? means[m / 2] : 0.5 * (means[m / 2 - 1] + means[m / 2]);
    }

    /** Interquartile mean of all N*M scores: drop floor(NM/4) from each end, average the rest. */
    public static double iqm(double[][] x) {
        double[] pooled = pool(x);
        return TrimmedMean.iqmInPlace(pooled, pooled.length);
    }

    /** gamma minus the mean of min(score, gamma) over all scores; lower is better. */
    public static double optimalityGap(double[][] x, double gamma) {
        double sum = 0;
        int count = 0;
        for (double[] row : x) {
            for (double v : row) {
                sum += Math.min(v, gamma);
                count++;
            }
        }
        return gamma - sum / count;
    }

    /** Fraction of all scores strictly above each tau (rliable's default performance profile). */
    public static double[] runScoreDistribution(double[][] x, double[] taus) {
        double[] out = new double[taus.length];
        int total = x.length * x[0].length;
        for (int k = 0; k < taus.length; k++) {
            int above = 0;
            for (double[] row : x) {
                for (double v : row) {
                    if (v > taus[k]) {
                        above++;
                    }
                }
            }
            out[k] = (double) above / total;
        }
        return out;
    }

    /** Fraction of tasks whose mean is strictly above each tau. */
    public static double[] averageScoreDistribution(double[][] x, double[] taus) {
        double[] means = taskMeans(x);
        double[] out = new double[taus.length];
        for (int k = 0; k < taus.length; k++) {
            int above = 0;
            for (double v : means) {
                if (v > taus[k]) {
                    above++;
                }
            }
            out[k] = (double) above / means.length;
        }
        return out;
    }

    static double[] pool(double[][] x) {
        int m = x[0].length;
        double[] pooled = new double[x.length * m];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, pooled, i * m, m);
        }
        return pooled;
    }
}

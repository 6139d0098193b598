package org.mtboard.engine.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Turns bootstrap replicates of one statistic into an interval: percentile, basic, bias-corrected
 * (bc) or bias-corrected and accelerated (bca), with Hyndman-Fan type-7 quantiles (numpy's
 * default) of the replicates ({@link Selection#quantileInPlace}).
 */
public final class Intervals {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0.0, 1.0,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private Intervals() {
    }

    /**
     * @param replicates the statistic on each bootstrap sample (not modified)
     * @param point      the statistic on the original data
     * @param jackknife  the statistic with each run left out in turn (bca only; else null)
     * @return {low, high}
     * @throws IllegalStateException for bc/bca when every replicate lies on one side of the
     *                               point (degenerate data) or the jackknife has no spread
     */
    public static double[] interval(IntervalMethod method, double[] replicates, double point, double confidence,
                                    double[] jackknife) {
        // Only a few order statistics are needed: select them instead of sorting all B values.
        double[] scratch = replicates.clone();
        double alpha = (1.0 - confidence) / 2.0;
        switch (method) {
            case PERCENTILE:
                return new double[] {Selection.quantileInPlace(scratch, alpha), Selection.quantileInPlace(scratch, 1.0 - alpha)};
            case BASIC:
                return new double[] {2 * point - Selection.quantileInPlace(scratch, 1.0 - alpha), 2 * point - Selection.quantileInPlace(scratch, alpha)};
            case BC:
            case BCA:
                double z0 = biasCorrection(replicates, point);
                double a = method == IntervalMethod.BCA ? acceleration(jackknife) : 0.0;
                return new double[] {Selection.quantileInPlace(scratch, adjusted(z0, a, NORMAL.inverseCumulativeProbability(alpha), method)),
                    Selection.quantileInPlace(scratch, adjusted(z0, a, NORMAL.inverseCumulativeProbability(1.0 - alpha), method))};
            default:
                throw new IllegalArgumentException("unknown method " + method);
        }
    }

    /** z0 = inverse normal of the share of replicates strictly below the point estimate. */
    static double biasCorrection(double[] replicates, double point) {
        int below = 0;
        for (double v : replicates) {
            if (v < point) {
                below++;
            }
        }
        if (below == 0 || below == replicates.length) {
            throw new IllegalStateException("bias correction undefined: " + (below == 0 ? "no" : "every")
                    + " bootstrap replicate lies below the point estimate (degenerate data); use the percentile method");
        }
        return NORMAL.inverseCumulativeProbability((double) below / replicates.length);
    }

    private static double adjusted(double z0, double a, double z, IntervalMethod method) {
        if (method == IntervalMethod.BC) {
            return NORMAL.cumulativeProbability(2 * z0 + z);
        }
        return NORMAL.cumulativeProbability(z0 + (z0 + z) / (1 - a * (z0 + z)));
    }

    /** a = sum(u^3) / (6 sum(u^2)^1.5), u_i = mean(theta_(.)) - theta_(i), per statistic. */
    static double acceleration(double[] jackknife) {
        if (jackknife == null || jackknife.length < 2) {
            throw new IllegalStateException("bca needs a leave-one-run-out jackknife over at least 2 runs");
        }
        double mean = 0;
        for (double v : jackknife) {
            mean += v;
        }
        mean /= jackknife.length;
        double sumSq = 0;
        double sumCube = 0;
        for (double v : jackknife) {
            double u = mean - v;
            sumSq += u * u;
            sumCube += u * u * u;
        }
        double denominator = 6.0 * Math.pow(sumSq, 1.5);
        if (!(denominator > 1e-300)) {
            throw new IllegalStateException("bca acceleration undefined: the jackknife estimates have no spread; "
                    + "use the percentile method");
        }
        return sumCube / denominator;
    }
}

package org.mtboard.engine.stats;

/**
 * The IQM's trimmed mean by selection instead of a full sort: two quickselects put the kept
 * block [k, n-k) in place, then it is summed. Ties need no rule: equal values are interchangeable.
 * The summation order differs from a sorted sum, so results may differ from scipy in the last ulp.
 */
final class TrimmedMean {
    private TrimmedMean() {
    }

    /** IQM of values[0..n), reordering them: floor(n/4) dropped from each end (none when n < 4). */
    static double iqmInPlace(double[] values, int n) {
        int k = n / 4;
        if (k > 0) {
            Selection.select(values, 0, n - 1, k);
            Selection.select(values, k, n - 1, n - k - 1);
        }
        double sum = 0;
        for (int j = k; j < n - k; j++) {
            sum += values[j];
        }
        return sum / (n - 2 * k);
    }
}

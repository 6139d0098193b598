package org.mtboard.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The interval formulas on fixed replicate vectors. */
class IntervalsTest {
    /** Replicates 0, 1, ..., 99 (in shuffled order: the methods must sort). */
    private static double[] hundred() {
        double[] v = new double[100];
        for (int k = 0; k < 100; k++) {
            v[k] = (k * 37) % 100;
        }
        return v;
    }

    @Test
    void type7QuantileBySelection() {
        assertEquals(2.25, Selection.quantileInPlace(new double[] {9, 3, 0, 2, 8, 1, 7, 4, 6, 5}, 0.25), 1e-12);
        assertEquals(0.0, Selection.quantileInPlace(new double[] {3, 0, 9}, 0.0));
        assertEquals(9.0, Selection.quantileInPlace(new double[] {3, 0, 9}, 1.0));
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] v = new double[1 + random.nextInt(300)];
            for (int k = 0; k < v.length; k++) {
                v[k] = random.nextInt(20) / 19.0;
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double q = random.nextDouble();
            double h = (v.length - 1) * q;
            int lo = (int) Math.floor(h);
            double expected = lo + 1 < v.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
            assertEquals(expected, Selection.quantileInPlace(v, q), 1e-12);
        }
    }

    @Test
    void percentileAndBasic() {
        // 90%: alpha 0.05, h = 99 * 0.05 = 4.95 and 99 * 0.95 = 94.05.
        assertArrayEquals(new double[] {4.95, 94.05}, Intervals.interval(IntervalMethod.PERCENTILE, hundred(), 50, 0.9, null), 1e-9);
        assertArrayEquals(new double[] {100 - 94.05, 100 - 4.95}, Intervals.interval(IntervalMethod.BASIC, hundred(), 50, 0.9, null), 1e-9);
    }

    @Test
    void biasCorrectedUsesTheShareStrictlyBelowThePoint() {
        NormalDistribution normal = new NormalDistribution();
        // Point 49.5: half the replicates below, z0 = 0: bc equals percentile.
        assertArrayEquals(Intervals.interval(IntervalMethod.PERCENTILE, hundred(), 49.5, 0.9, null),
                Intervals.interval(IntervalMethod.BC, hundred(), 49.5, 0.9, null), 1e-9);
        // Point 10: 10 replicates (0..9) strictly below, p = 0.1; 10 itself does not count.
        double z0 = normal.inverseCumulativeProbability(0.1);
        double zLow = normal.inverseCumulativeProbability(0.05);
        double qLow = normal.cumulativeProbability(2 * z0 + zLow);
        double qHigh = normal.cumulativeProbability(2 * z0 - zLow);
        assertArrayEquals(new double[] {99 * qLow, 99 * qHigh}, Intervals.interval(IntervalMethod.BC, hundred(), 10, 0.9, null), 1e-9);
    }

    @Test
    void accelerationFromTheJackknife() {
        // mean 4, u = 3, 2, 1, -6: sum u^2 = 50, sum u^3 = -180.
        assertEquals(-180.0 / (6 * Math.pow(50, 1.5)), Intervals.acceleration(new double[] {1, 2, 3, 10}), 1e-15);
        NormalDistribution normal = new NormalDistribution();
        double a = Intervals.acceleration(new double[] {1, 2, 3, 10});
        double z0 = normal.inverseCumulativeProbability(0.1);
        double z = normal.inverseCumulativeProbability(0.05);
        double qLow = normal.cumulativeProbability(z0 + (z0 + z) / (1 - a * (z0 + z)));
        double[] ci = Intervals.interval(IntervalMethod.BCA, hundred(), 10, 0.9, new double[] {1, 2, 3, 10});
        assertEquals(99 * qLow, ci[0], 1e-9);
    }

    @Test
    void degenerateReplicatesCollapseOrRefuse() {
        double[] same = {0.7, 0.7, 0.7};
        assertArrayEquals(new double[] {0.7, 0.7}, Intervals.interval(IntervalMethod.PERCENTILE, same, 0.7, 0.95, null), 0.0);
        assertThrows(IllegalStateException.class, () -> Intervals.interval(IntervalMethod.BC, same, 0.7, 0.95, null));
        assertThrows(IllegalStateException.class,
                () -> Intervals.interval(IntervalMethod.BCA, hundred(), 10, 0.9, new double[] {2, 2, 2}));
    }

    @Test
    void methodNamesAndAliases() {
        assertEquals(IntervalMethod.BC, IntervalMethod.parse("debiased"));
        assertEquals(IntervalMethod.BC, IntervalMethod.parse("bias-corrected"));
        assertEquals(IntervalMethod.BCA, IntervalMethod.parse("BCa"));
        assertThrows(IllegalArgumentException.class, () -> IntervalMethod.parse("studentized"));
    }
}

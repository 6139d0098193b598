package org.mtboard.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Point estimates on matrices small enough to work out by hand (exact fractions). */
class MetricsTest {
    /** 3 runs x 2 tasks; task means 1/2 and 5/6; pooled sorted: 0, 1/2, 1/2, 1, 1, 1. */
    private static final double[][] X = {{0.0, 0.5}, {0.5, 1.0}, {1.0, 1.0}};
    private static final double EXACT = 1e-15;

    @Test
    void meanAndMedianAreOverPerTaskMeans() {
        assertArrayEquals(new double[] {1.0 / 2, 5.0 / 6}, Metrics.taskMeans(X), EXACT);
        assertEquals(2.0 / 3, Metrics.mean(X), EXACT);
        assertEquals(2.0 / 3, Metrics.median(X), EXACT, "even task count: average of the two middle means");
        double[][] odd = {{0.1, 0.9, 0.3}, {0.3, 0.7, 0.5}};
        assertEquals(0.4, Metrics.median(odd), EXACT, "odd task count: the middle per-task mean (0.2, 0.8, 0.4)");
    }

    @Test
    void iqmPoolsRunsAndTasksAndTrimsFloorOfAQuarter() {
        // NM = 6, k = floor(1.5) = 1: keep 1/2, 1/2, 1, 1.
        assertEquals(3.0 / 4, Metrics.iqm(X), EXACT);
        // 3 x 50 holding 0..149: k = 37, keep ranks 37..112 (76 values), mean 74.5.
        double[][] wide = new double[3][50];
        double[][] square = new double[10][10];
        for (int v = 0; v < 150; v++) {
            wide[v % 3][v / 3] = v;
        }
        for (int v = 0; v < 100; v++) {
            square[v / 10][v % 10] = 99 - v;
        }
        assertEquals(74.5, Metrics.iqm(wide), EXACT);
        assertEquals(49.5, Metrics.iqm(square), EXACT, "10 x 10: k = 25, keep 25..74");
        assertEquals(2.0, Metrics.iqm(new double[][] {{1.0, 2.0, 3.0}}), EXACT, "NM < 4: the plain mean");
    }

    @Test
    void optimalityGapClipsAtGamma() {
        assertEquals(1.0 / 3, Metrics.optimalityGap(X, 1.0), EXACT, "gamma 1 on success rates is 1 - mean");
        // min(x, 0.9): 0, .5, .5, .9, .9, .9 -> sum 3.7.
        assertEquals(0.9 - 3.7 / 6, Metrics.optimalityGap(X, 0.9), 1e-15);
    }

    @Test
    void distributionsCountStrictlyAboveTau() {
        double[] taus = {0.0, 0.5, 1.0};
        assertArrayEquals(new double[] {5.0 / 6, 3.0 / 6, 0.0}, Metrics.runScoreDistribution(X, taus), EXACT);
        assertArrayEquals(new double[] {1.0, 1.0 / 2, 0.0}, Metrics.averageScoreDistribution(X, taus), EXACT);
    }

    @Test
    void quickselectTrimmedMeanEqualsTheSortedDefinition() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(400);
            double[] values = new double[n];
            for (int j = 0; j < n; j++) {
                // Lattice values make ties common, as with success rates.
                values[j] = random.nextInt(11) / 10.0;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = n / 4;
            double sum = 0;
            for (int j = k; j < n - k; j++) {
                sum += sorted[j];
            }
            assertEquals(sum / (n - 2 * k), TrimmedMean.iqmInPlace(values.clone(), n), 1e-12, "n = " + n);
        }
    }
}

package org.mtboard.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The resampling maps with fixed index arrays (no randomness), and the generator behind them. */
class ResamplingTest {
    private static final double[][] X = {{11, 12, 13}, {21, 22, 23}};

    @Test
    void runsAreDrawnWithinEachTask() {
        double[][] out = new double[2][3];
        Resampling.stratified(X, new int[][] {{1, 0, 1}, {1, 1, 0}}, out);
        assertArrayEquals(new double[] {21, 12, 23}, out[0]);
        assertArrayEquals(new double[] {21, 22, 13}, out[1]);
    }

    @Test
    void taskBootstrapSharesTheTaskColumnAcrossRows() {
        double[][] out = new double[2][3];
        Resampling.stratifiedWithTasks(X, new int[][] {{1, 0, 1}, {0, 1, 0}}, new int[] {2, 2, 0}, out);
        assertArrayEquals(new double[] {23, 13, 21}, out[0]);
        assertArrayEquals(new double[] {13, 23, 11}, out[1]);
    }

    @Test
    void curvesDrawEveryCellOnItsOwn() {
        double[][][] x = {{{1, 2}}, {{3, 4}}};
        double[][][] out = new double[2][1][2];
        Resampling.stratifiedCurves(x, new int[][][] {{{1, 0}}, {{0, 0}}}, out);
        assertArrayEquals(new double[] {3, 2}, out[0][0]);
        assertArrayEquals(new double[] {1, 2}, out[1][0]);
    }

    @Test
    void boundedDrawsAreUniformAndStreamsIndependent() {
        BootstrapRandom random = BootstrapRandom.forReplicate(1, 1, 0);
        int[] counts = new int[3];
        for (int k = 0; k < 30_000; k++) {
            counts[random.nextInt(3)]++;
        }
        for (int c : counts) {
            assertTrue(Math.abs(c - 10_000) < 400, "count " + c);
        }
        assertEquals(BootstrapRandom.forReplicate(9, 2, 7).nextInt(1000), BootstrapRandom.forReplicate(9, 2, 7).nextInt(1000));
        int[] a = new int[8];
        int[] b = new int[8];
        BootstrapRandom ra = BootstrapRandom.forReplicate(9, 2, 7);
        BootstrapRandom rb = BootstrapRandom.forReplicate(9, 2, 8);
        for (int k = 0; k < 8; k++) {
            a[k] = ra.nextInt(1 << 30);
            b[k] = rb.nextInt(1 << 30);
        }
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    }
}

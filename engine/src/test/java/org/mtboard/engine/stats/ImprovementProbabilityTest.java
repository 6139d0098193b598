package org.mtboard.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImprovementProbabilityTest {
    @Test
    void countsWinsAndHalfTies() {
        // Task 0: x {1, 2} vs y {2, 0}: 1>0, 2=2 (half), 2>0 -> 2.5 / 4. Task 1: x {0, 0} vs y {1, 1}: 0.
        double[][] x = {{1, 0}, {2, 0}};
        double[][] y = {{2, 1}, {0, 1}};
        assertArrayEquals(new double[] {0.625, 0.0}, ImprovementProbability.perTask(x, y), 0.0);
        assertEquals(0.3125, ImprovementProbability.overall(x, y), 0.0);
        assertEquals(1.0, ImprovementProbability.overall(x, y) + ImprovementProbability.overall(y, x), 0.0);
    }

    @Test
    void identicalOrAllTiedColumnsGiveOneHalf() {
        double[][] x = {{0.3, 0.7}, {0.5, 0.1}};
        assertEquals(0.5, ImprovementProbability.overall(x, x), 0.0);
        assertEquals(0.5, ImprovementProbability.overall(new double[][] {{1}, {1}, {1}}, new double[][] {{1}, {1}}), 0.0);
    }

    @Test
    void runCountsMayDiffer() {
        // x {0.5} vs y {0, 1, 0.5}: win, loss, tie -> 1.5 / 3.
        assertEquals(0.5, ImprovementProbability.overall(new double[][] {{0.5}}, new double[][] {{0}, {1}, {0.5}}), 0.0);
    }
}

package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The parity checker itself: silent on identical backends, precise on the first difference. */
class SimParityTest {
    @Test
    void identicalBackendsComparePerfectly() {
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 30);
        try (CpuVecEnv one = new CpuVecEnv(set, 4, 1); CpuVecEnv two = new CpuVecEnv(set, 4, 2)) {
            SimParity.Report report = SimParity.run(one, two, 4, 160, true);
            assertTrue(report.mismatch().isEmpty(), () -> report.mismatch().get().describe("a", "b"));
            assertEquals(160, report.stepsRun());
            // 161 comparisons of 30 rows (39 + 3 values), plus the finals (39 + 2) at the episode end.
            assertEquals(161L * 30 * 42 + 30 * 41, report.valuesCompared());
        }
    }

    @Test
    void aDifferentSeedIsCaughtAtTheFirstResetValue() {
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 10);
        try (CpuVecEnv one = new CpuVecEnv(set, 4, 1); CpuVecEnv two = new CpuVecEnv(set, 5, 1)) {
            SimParity.Mismatch m = SimParity.run(one, two, 4, 5, false).mismatch().orElseThrow();
            assertEquals(0, m.step());
            assertEquals(0, m.env());
            assertEquals("reach-v2", m.task());
            assertEquals("observation[4] obj1.x", m.field());
            assertTrue(m.describe("a", "b").startsWith("mismatch at step 0, env 0 (reach-v2, env 0 of its block), observation[4] obj1.x"));
        }
    }
}

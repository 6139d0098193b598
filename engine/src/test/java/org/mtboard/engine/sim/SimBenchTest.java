package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The step loop allocates nothing once warm (checked with HotSpot's per-thread counters). */
class SimBenchTest {
    @Test
    void steppingAllocatesNothing() {
        SimBench.Result result = SimBench.run(Suites.MT10, 512, 200, 400, 1, 2);
        assertEquals(0L, result.allocatedBytes(), "bytes allocated by the stepping threads in 200 steps");
        assertTrue(result.envStepsPerSecond() > 0);
        assertEquals(512, result.envs());
    }
}

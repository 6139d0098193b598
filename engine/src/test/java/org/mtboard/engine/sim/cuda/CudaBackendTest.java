package org.mtboard.engine.sim.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.sim.BackendUnavailableException;
import org.mtboard.engine.sim.Backends;
import org.mtboard.engine.sim.CpuVecEnv;
import org.mtboard.engine.sim.SimParity;
import org.mtboard.engine.sim.Suites;
import org.mtboard.engine.sim.TaskSet;
import org.mtboard.engine.sim.VecEnv;

/**
 * The CUDA backend against the CPU one where a GPU exists; the no-GPU behaviour where none does.
 * Skips say why on stderr as well as in the report.
 */
class CudaBackendTest {
    private static String reason;

    @BeforeAll
    static void probe() {
        reason = CudaProbe.unavailableReason();
        if (reason != null) {
            System.err.println("[CudaBackendTest] GPU tests SKIPPED: " + reason);
        }
    }

    @Test
    void cudaMatchesCpuBitForBit() {
        assumeTrue(reason == null, "no GPU: " + reason);
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 200);
        try (CudaVecEnv cuda = new CudaVecEnv(set, 7); CpuVecEnv cpu = new CpuVecEnv(set, 7, 2)) {
            SimParity.Report report = SimParity.run(cpu, cuda, 7, 310, true);
            assertTrue(report.mismatch().isEmpty(), () -> report.mismatch().get().describe("cpu", "cuda"));
        }
    }

    @Test
    void withoutAGpuCudaFailsInOneLineAndAutoFallsBackToCpu() {
        assumeTrue(reason != null, "a GPU is present: the no-GPU path is not exercised");
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 20);
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> Backends.create("cuda", set, 1, 1, line -> { }));
        assertTrue(e.getMessage().startsWith("the cuda backend is not available: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        List<String> log = new ArrayList<>();
        try (VecEnv env = Backends.create("auto", set, 1, 1, log::add)) {
            assertInstanceOf(CpuVecEnv.class, env);
        }
        assertEquals(1, log.size());
        assertTrue(log.get(0).contains("using the CPU backend"), log.get(0));
    }
}

package org.mtboard.engine.sim.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.sim.BackendUnavailableException;
import org.mtboard.engine.sim.Backends;
import org.mtboard.engine.sim.ContractRuns;
import org.mtboard.engine.sim.CpuVecEnv;
import org.mtboard.engine.sim.SimParity;
import org.mtboard.engine.sim.SimState;
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

    /** Episodes ending on different steps: each done env's finals must come back on its own step. */
    @Test
    void staggeredEpisodesMatchCpuBitForBitFinalsIncluded() {
        assumeTrue(reason == null, "no GPU: " + reason);
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 200);
        int[] first = ContractRuns.staggeredFirstSteps(200, 21);
        try (CudaVecEnv cuda = new CudaVecEnv(set, 7); CpuVecEnv cpu = new CpuVecEnv(set, 7, 2)) {
            SimParity.Report report = SimParity.run(cpu, cuda, 7, 460, true, first);
            assertTrue(report.mismatch().isEmpty(), () -> report.mismatch().get().describe("cpu", "cuda"));
            assertTrue(report.partialEndSteps() >= 100, "steps with only some envs done: " + report.partialEndSteps());
            assertTrue(cuda.copyNanos() > 0, "host copies are timed");
        }
    }

    /**
     * A GPU state loads on the CPU and a CPU state on the GPU, and both continue as the
     * uninterrupted CPU run. The saved states agree but for the grasp offset of envs holding
     * nothing: sim_step leaves the last one in device memory at a reset, where the CPU zeroes it;
     * nothing reads it until a new grasp writes it.
     */
    @Test
    void statesCrossBetweenTheGpuAndTheCpu() throws IOException {
        assumeTrue(reason == null, "no GPU: " + reason);
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 200);
        int[] first = ContractRuns.staggeredFirstSteps(200, 22);
        int saveAt = 230;
        int more = 180;
        try (CpuVecEnv cpu = new CpuVecEnv(set, 7, 2); CudaVecEnv gpu = new CudaVecEnv(set, 7);
             CpuVecEnv cpuFromGpu = new CpuVecEnv(set, 7, 2); CudaVecEnv gpuFromCpu = new CudaVecEnv(set, 7)) {
            for (VecEnv env : List.of(cpu, gpu)) {
                ContractRuns.start(env, first);
                ContractRuns.trace(env, 7, 0, saveAt);
            }
            byte[] gpuState = ContractRuns.saved(gpu);
            ContractRuns.load(cpuFromGpu, gpuState);
            ContractRuns.load(gpuFromCpu, ContractRuns.saved(cpu));
            assertSameState(cpu, cpuFromGpu, "the GPU's state at step " + saveAt);

            List<int[]> expected = ContractRuns.trace(cpu, 7, saveAt, more);
            ContractRuns.assertSameTrace(expected, ContractRuns.trace(gpu, 7, saveAt, more), "gpu, uninterrupted");
            ContractRuns.assertSameTrace(expected, ContractRuns.trace(cpuFromGpu, 7, saveAt, more), "cpu, from a gpu state");
            ContractRuns.assertSameTrace(expected, ContractRuns.trace(gpuFromCpu, 7, saveAt, more), "gpu, from a cpu state");
            for (VecEnv env : List.of(gpu, cpuFromGpu, gpuFromCpu)) {
                try (CpuVecEnv decoded = new CpuVecEnv(set, 7, 1)) {
                    ContractRuns.load(decoded, ContractRuns.saved(env));
                    assertSameState(cpu, decoded, env.backend() + " state after the resumed steps");
                }
            }
        }
    }

    /** Every state and output array bit for bit, the grasp offsets of envs that hold nothing excepted. */
    private static void assertSameState(CpuVecEnv expected, CpuVecEnv actual, String what) {
        SimState a = expected.state();
        SimState b = actual.state();
        Object[] left = a.deviceArrays();
        Object[] right = b.deviceArrays();
        int staleOffsets = 0;
        for (int i = 0; i < a.numEnvs; i++) {
            for (int k = 3 * i; k < 3 * i + 3; k++) {
                if (a.grasped[i] != 0 || b.grasped[i] != 0) {
                    assertEquals(Float.floatToRawIntBits(a.graspOffset[k]), Float.floatToRawIntBits(b.graspOffset[k]), what + ": graspOffset of holding env " + i);
                } else if (a.graspOffset[k] != b.graspOffset[k]) {
                    staleOffsets++;
                }
            }
        }
        if (staleOffsets > 0) {
            System.err.println("[CudaBackendTest] " + what + ": " + staleOffsets + " grasp offset values of envs holding nothing differ (never read)");
        }
        for (int k = 0; k < left.length; k++) {
            if (left[k] != a.graspOffset) {
                assertArrayEquals(bits(left[k]), bits(right[k]), what + ": state array " + k + " (SimState.deviceArrays order)");
            }
        }
        assertArrayEquals(bits(a.previousFrame), bits(b.previousFrame), what + ": previousFrame");
        assertArrayEquals(bits(expected.observations()), bits(actual.observations()), what + ": observations");
        assertArrayEquals(bits(expected.rewards()), bits(actual.rewards()), what + ": rewards");
        assertArrayEquals(expected.successes(), actual.successes(), what + ": successes");
        assertArrayEquals(expected.dones(), actual.dones(), what + ": dones");
        assertArrayEquals(bits(expected.finalObservations()), bits(actual.finalObservations()), what + ": final observations");
        assertArrayEquals(bits(expected.finalReturns()), bits(actual.finalReturns()), what + ": final returns");
        assertArrayEquals(expected.finalSuccesses(), actual.finalSuccesses(), what + ": final successes");
    }

    /** Raw bits, so that the comparison is exact for any float. */
    private static int[] bits(Object array) {
        if (array instanceof float[] f) {
            int[] out = new int[f.length];
            for (int k = 0; k < f.length; k++) {
                out[k] = Float.floatToRawIntBits(f[k]);
            }
            return out;
        }
        if (array instanceof int[] n) {
            return n;
        }
        byte[] b = (byte[]) array;
        int[] out = new int[b.length];
        for (int k = 0; k < b.length; k++) {
            out[k] = b[k];
        }
        return out;
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

package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mtboard.engine.sim.cuda.CudaProbe;
import org.mtboard.engine.sim.cuda.CudaVecEnv;
import org.mtboard.engine.sim.cuda.HostSimDevice;
import org.mtboard.engine.sim.cuda.SimDevice;

/**
 * The {@link VecEnv} contract on every backend: staggered first episodes, the finals of each env
 * on the step it ends, and saved states that resume bit-identically, on the same backend or
 * another. The CUDA backend runs over {@link HostSimDevice} everywhere and on a GPU where one is
 * usable; its reference is always the CPU backend.
 */
class VecEnvContractTest {
    private static final int ENVS = 30;
    private static final int SEED = 3;

    enum Backend {
        CPU {
            @Override
            VecEnv create(TaskSet set, int seed) {
                return new CpuVecEnv(set, seed, 2);
            }
        },
        CUDA_EMULATED {
            @Override
            VecEnv create(TaskSet set, int seed) {
                return new CudaVecEnv(set, seed, new HostSimDevice(set, seed));
            }
        },
        CUDA_GPU {
            @Override
            VecEnv create(TaskSet set, int seed) {
                return new CudaVecEnv(set, seed);
            }

            @Override
            String unavailableReason() {
                return CudaProbe.unavailableReason();
            }
        };

        abstract VecEnv create(TaskSet set, int seed);

        String unavailableReason() {
            return null;
        }

        /** The env, or the test skipped (saying why on stderr too) where this backend cannot run. */
        VecEnv open(TaskSet set, int seed) {
            String reason = unavailableReason();
            if (reason != null) {
                System.err.println("[VecEnvContractTest] " + this + " SKIPPED: " + reason);
            }
            assumeTrue(reason == null, () -> this + " not available: " + reason);
            return create(set, seed);
        }
    }

    private static TaskSet mt10() {
        return TaskSet.evenSplit(Suites.MT10, ENVS);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachEnvsFirstEpisodeEndsAfterTheStepsLeftAndLaterOnesEvery150(Backend backend) {
        int[] first = ContractRuns.staggeredFirstSteps(ENVS, 11);
        int steps = 320;
        try (VecEnv env = backend.open(mt10(), SEED)) {
            ContractRuns.start(env, first);
            List<List<Integer>> ends = new ArrayList<>();
            for (int i = 0; i < ENVS; i++) {
                ends.add(new ArrayList<>());
            }
            float[] actions = new float[4 * ENVS];
            for (int t = 1; t <= steps; t++) {
                env.step(actions);
                for (int i = 0; i < ENVS; i++) {
                    if (env.dones()[i] != 0) {
                        ends.get(i).add(t);
                    }
                }
            }
            for (int i = 0; i < ENVS; i++) {
                List<Integer> expected = new ArrayList<>();
                for (int t = VecEnv.EPISODE_LENGTH - first[i]; t <= steps; t += VecEnv.EPISODE_LENGTH) {
                    expected.add(t);
                }
                assertEquals(expected, ends.get(i), "steps on which env " + i + " (first step " + first[i] + ") is done");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void startEpisodesAtRefusesBadStepsAlikeOnEveryBackend(Backend backend) {
        try (VecEnv env = backend.open(TaskSet.evenSplit(Suites.MT10, 10), SEED)) {
            env.reset();
            IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                    () -> env.startEpisodesAt(new int[] {0, 0, 0, 150, 0, 0, 0, 0, 0, 0}));
            assertEquals("firstSteps[3] must be in [0, 150), got 150", outside.getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> env.startEpisodesAt(new int[] {0, -1, 0, 0, 0, 0, 0, 0, 0, 0}));
            assertEquals("firstSteps[1] must be in [0, 150), got -1", negative.getMessage());
            IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> env.startEpisodesAt(new int[9]));
            assertEquals("firstSteps must hold one step per env: need 10, got 9", length.getMessage());
        }
    }

    /** Bit for bit against the CPU, with episodes ending on many different steps (most with only some envs done). */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void everyStepHoldsTheFinalsOfEachEnvThatEnded(Backend backend) {
        TaskSet set = mt10();
        int[] first = ContractRuns.staggeredFirstSteps(ENVS, 12);
        try (VecEnv env = backend.open(set, SEED); CpuVecEnv cpu = new CpuVecEnv(set, SEED, 1)) {
            SimParity.Report report = SimParity.run(cpu, env, SEED, 450, true, first);
            assertTrue(report.mismatch().isEmpty(), () -> report.mismatch().get().describe("cpu", backend.toString()));
            assertEquals(450, report.stepsRun());
            assertTrue(report.partialEndSteps() >= 30, "steps with only some envs done: " + report.partialEndSteps());
        }
    }

    /** The old CUDA env copied finals only every 150th step since reset: staggered starts catch that at once. */
    @Test
    void finalsCopiedOnlyEvery150thStepAreCaught() {
        TaskSet set = mt10();
        int[] first = ContractRuns.staggeredFirstSteps(ENVS, 12);
        try (VecEnv stale = new CudaVecEnv(set, SEED, new FinalsEvery150Steps(new HostSimDevice(set, SEED)));
             CpuVecEnv cpu = new CpuVecEnv(set, SEED, 1)) {
            SimParity.Mismatch m = SimParity.run(cpu, stale, SEED, 450, true, first).mismatch().orElseThrow(
                    () -> new AssertionError("finals copied every 150th step went unnoticed"));
            assertTrue(m.field().startsWith("final"), m.describe("cpu", "stale"));
            assertEquals(1, m.step(), "the env started at step 149 ends on the first step: " + m.describe("cpu", "stale"));
        }
        // Lockstep episodes, as the old parity check ran them, never saw the difference.
        try (VecEnv stale = new CudaVecEnv(set, SEED, new FinalsEvery150Steps(new HostSimDevice(set, SEED)));
             CpuVecEnv cpu = new CpuVecEnv(set, SEED, 1)) {
            SimParity.Report lockstep = SimParity.run(cpu, stale, SEED, 310, true);
            assertTrue(lockstep.mismatch().isEmpty(), () -> lockstep.mismatch().get().describe("cpu", "stale"));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSavedStateResumesBitIdenticallyInAFreshEnv(Backend backend) throws IOException {
        TaskSet set = mt10();
        int[] first = ContractRuns.staggeredFirstSteps(ENVS, 13);
        int saveAt = 170;
        int more = 200;
        try (VecEnv uninterrupted = backend.open(set, SEED); VecEnv resumed = backend.open(set, SEED)) {
            ContractRuns.start(uninterrupted, first);
            ContractRuns.trace(uninterrupted, SEED, 0, saveAt);
            byte[] state = ContractRuns.saved(uninterrupted);
            List<int[]> expected = ContractRuns.trace(uninterrupted, SEED, saveAt, more);

            ContractRuns.load(resumed, state);
            assertArrayEquals(state, ContractRuns.saved(resumed), "a loaded state saves as the same bytes");
            ContractRuns.assertSameTrace(expected, ContractRuns.trace(resumed, SEED, saveAt, more), backend + " resumed");
            assertArrayEquals(ContractRuns.saved(uninterrupted), ContractRuns.saved(resumed), "states after the resumed steps");
        }
    }

    @Test
    void aStateSavedOnOneBackendResumesOnTheOther() throws IOException {
        TaskSet set = mt10();
        int[] first = ContractRuns.staggeredFirstSteps(ENVS, 14);
        int saveAt = 230;
        int more = 180;
        try (VecEnv cpu = Backend.CPU.open(set, SEED); VecEnv cuda = Backend.CUDA_EMULATED.open(set, SEED);
             VecEnv cpuFromCuda = Backend.CPU.open(set, SEED); VecEnv cudaFromCpu = Backend.CUDA_EMULATED.open(set, SEED)) {
            for (VecEnv env : List.of(cpu, cuda)) {
                ContractRuns.start(env, first);
                ContractRuns.trace(env, SEED, 0, saveAt);
            }
            byte[] cpuState = ContractRuns.saved(cpu);
            byte[] cudaState = ContractRuns.saved(cuda);
            assertArrayEquals(cpuState, cudaState, "the same state saves as the same bytes on both backends");
            ContractRuns.load(cpuFromCuda, cudaState);
            ContractRuns.load(cudaFromCpu, cpuState);

            List<int[]> expected = ContractRuns.trace(cpu, SEED, saveAt, more);
            ContractRuns.assertSameTrace(expected, ContractRuns.trace(cuda, SEED, saveAt, more), "cuda, uninterrupted");
            ContractRuns.assertSameTrace(expected, ContractRuns.trace(cpuFromCuda, SEED, saveAt, more), "cpu, from a cuda state");
            ContractRuns.assertSameTrace(expected, ContractRuns.trace(cudaFromCpu, SEED, saveAt, more), "cuda, from a cpu state");
            byte[] end = ContractRuns.saved(cpu);
            assertArrayEquals(end, ContractRuns.saved(cuda));
            assertArrayEquals(end, ContractRuns.saved(cpuFromCuda));
            assertArrayEquals(end, ContractRuns.saved(cudaFromCpu));
        }
    }

    /** The CPU checkpoint layout, which every backend writes: SimState's 16 arrays, then StepOutputs' 7. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSavedLayoutIsTheCpuCheckpointOne(Backend backend) throws IOException {
        int n = 10;
        TaskSet set = TaskSet.evenSplit(Suites.MT10, n);
        try (VecEnv env = backend.open(set, SEED)) {
            env.reset();
            env.step(new float[4 * n]);
            byte[] state = ContractRuns.saved(env);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            // Values per env and bytes per value of each array, in order.
            int[][] simState = {{3, 4}, {1, 4}, {3, 4}, {3, 4}, {3, 4}, {1, 4}, {1, 1}, {3, 4}, {1, 4}, {3, 4}, {3, 4},
                {1, 4}, {1, 4}, {1, 4}, {1, 1}, {Observation.FRAME, 4}};
            int[][] stepOutputs = {{Observation.SIZE, 4}, {1, 4}, {1, 1}, {1, 1}, {Observation.SIZE, 4}, {1, 4}, {1, 1}};
            for (int[][] section : new int[][][] {simState, stepOutputs}) {
                assertEquals(section.length, in.readInt(), "arrays in the section");
                for (int[] array : section) {
                    assertEquals(array[0] * n, in.readInt(), "values in an array");
                    in.skipNBytes((long) array[0] * n * array[1]);
                }
            }
            assertEquals(-1, in.read(), "nothing after the outputs");
        }
    }

    @Test
    void theCudaEnvRefusesAStateWhosePreviousFrameIsNotItsObservation() throws IOException {
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 10);
        try (CpuVecEnv cpu = new CpuVecEnv(set, SEED, 1); VecEnv cuda = Backend.CUDA_EMULATED.open(set, SEED)) {
            cpu.reset();
            cpu.step(new float[40]);
            cpu.state().previousFrame[Observation.FRAME * 4 + 2] += 0.5f;
            byte[] bad = ContractRuns.saved(cpu);
            IOException e = assertThrows(IOException.class, () -> ContractRuns.load(cuda, bad));
            assertTrue(e.getMessage().contains("env 4's previous frame is not its observation's current frame"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStateOfAnotherEnvCountIsRefused(Backend backend) throws IOException {
        byte[] small;
        try (CpuVecEnv cpu = new CpuVecEnv(TaskSet.evenSplit(Suites.MT10, 10), SEED, 1)) {
            cpu.reset();
            small = ContractRuns.saved(cpu);
        }
        try (VecEnv env = backend.open(TaskSet.evenSplit(Suites.MT10, 20), SEED)) {
            IOException e = assertThrows(IOException.class, () -> ContractRuns.load(env, small));
            assertTrue(e.getMessage().contains("for another env count"), e.getMessage());
        }
    }

    @Test
    void copyNanosCountsTheTransfersAndNotTheSimulation() {
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 10);
        try (CpuVecEnv cpu = new CpuVecEnv(set, SEED, 1)) {
            cpu.reset();
            cpu.step(new float[40]);
            assertEquals(0, cpu.copyNanos(), "the CPU backend copies nothing");
        }
        long kernelMillis = 25;
        try (VecEnv cuda = new CudaVecEnv(set, SEED, new SlowKernels(new HostSimDevice(set, SEED), kernelMillis))) {
            cuda.reset();
            for (int k = 0; k < 4; k++) {
                cuda.step(new float[40]);
            }
            assertTrue(cuda.copyNanos() > 0, "copies counted");
            assertTrue(cuda.copyNanos() < kernelMillis * 1_000_000L, "5 launches of " + kernelMillis + " ms each were counted as copies: "
                    + cuda.copyNanos() + " ns");
        }
    }

    @Test
    void aDeviceForAnotherBatchOrSeedIsRefused() {
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CudaVecEnv(set, SEED, new HostSimDevice(set, SEED + 1)));
        assertEquals("the device is for 10 envs and seed 4, not 10 envs and seed 3", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new CudaVecEnv(set, SEED, new HostSimDevice(TaskSet.evenSplit(Suites.MT10, 20), SEED)));
    }

    /** Passes every call on; the doubles below change one behaviour each. */
    private abstract static class ForwardingDevice implements SimDevice {
        final SimDevice inner;

        ForwardingDevice(SimDevice inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public int numEnvs() {
            return inner.numEnvs();
        }

        @Override
        public int seed() {
            return inner.seed();
        }

        @Override
        public void launchReset() {
            inner.launchReset();
        }

        @Override
        public void uploadActions(float[] actions) {
            inner.uploadActions(actions);
        }

        @Override
        public void launchStep() {
            inner.launchStep();
        }

        @Override
        public void downloadOutputs(StepOutputs into) {
            inner.downloadOutputs(into);
        }

        @Override
        public void downloadFinals(StepOutputs into) {
            inner.downloadFinals(into);
        }

        @Override
        public void uploadOutputs(StepOutputs from) {
            inner.uploadOutputs(from);
        }

        @Override
        public void uploadStepCounts(int[] steps) {
            inner.uploadStepCounts(steps);
        }

        @Override
        public void downloadState(SimState into) {
            inner.downloadState(into);
        }

        @Override
        public void uploadState(SimState from) {
            inner.uploadState(from);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** The old CudaVecEnv's assumption, as a device: finals come back only on every 150th step since the reset. */
    private static final class FinalsEvery150Steps extends ForwardingDevice {
        private int stepsSinceReset;

        FinalsEvery150Steps(SimDevice inner) {
            super(inner);
        }

        @Override
        public void launchReset() {
            stepsSinceReset = 0;
            inner.launchReset();
        }

        @Override
        public void launchStep() {
            stepsSinceReset++;
            inner.launchStep();
        }

        @Override
        public void downloadFinals(StepOutputs into) {
            if (stepsSinceReset % VecEnv.EPISODE_LENGTH == 0) {
                inner.downloadFinals(into);
            }
        }
    }

    /** Kernels that take a known, long time, so time counted as copying can be told from it. */
    private static final class SlowKernels extends ForwardingDevice {
        private final long millis;

        SlowKernels(SimDevice inner, long millis) {
            super(inner);
            this.millis = millis;
        }

        @Override
        public void launchReset() {
            pause();
            inner.launchReset();
        }

        @Override
        public void launchStep() {
            pause();
            inner.launchStep();
        }

        private void pause() {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}

package org.mtboard.engine.sim;

import java.lang.management.ManagementFactory;
import java.util.List;
import jcuda.driver.CUdeviceptr;
import org.mtboard.engine.sim.cuda.CudaVecEnv;
import org.mtboard.engine.sim.cuda.JCudaSimDevice;

/**
 * Measures env-steps per second of a vector env on a task mix with uniform random actions, and
 * the bytes allocated by the stepping threads during the timed steps (the step loop must
 * allocate none).
 */
public final class SimBench {
    /** Distinct random action buffers cycled through, so action generation stays out of the timing. */
    private static final int ACTION_SLOTS = 8;

    /**
     * Figures of one run. For cuda, envStepsPerSecond keeps every output on the device (a learner
     * on the same GPU reads it there); withHostCopiesPerSecond adds the per-step copies of
     * actions in and observations, rewards and flags out. threads and allocatedBytes are the
     * CPU's (0 and -1 for cuda).
     */
    public record Result(String backend, String device, int envs, int steps, double envStepsPerSecond,
                         double withHostCopiesPerSecond, int threads, long allocatedBytes, double seconds) {
    }

    private SimBench() {
    }

    /** CPU backend with the given thread count. */
    public static Result run(List<TaskId> tasks, int numEnvs, int steps, int warmupSteps, int seed, int threads) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        TaskSet set = TaskSet.evenSplit(tasks, numEnvs);
        float[][] actions = randomActions(set, seed);
        try (CpuVecEnv env = new CpuVecEnv(set, seed, threads)) {
            env.reset();
            for (int k = 0; k < warmupSteps; k++) {
                env.step(actions[k % ACTION_SLOTS]);
            }
            long probeCost = -allocatedByStepThreads(env) + allocatedByStepThreads(env);
            long allocatedBefore = allocatedByStepThreads(env);
            long start = System.nanoTime();
            for (int k = 0; k < steps; k++) {
                env.step(actions[k % ACTION_SLOTS]);
            }
            long elapsed = System.nanoTime() - start;
            long allocated = allocatedByStepThreads(env) - allocatedBefore - probeCost;
            double seconds = elapsed / 1e9;
            double rate = (double) numEnvs * steps / seconds;
            return new Result(env.backend(), "cpu", numEnvs, steps, rate, rate, env.threads(), allocated, seconds);
        }
    }

    /** CUDA backend: device-resident stepping, then a shorter run with host copies every step. */
    public static Result runCuda(List<TaskId> tasks, int numEnvs, int steps, int warmupSteps, int seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        TaskSet set = TaskSet.evenSplit(tasks, numEnvs);
        float[][] actions = randomActions(set, seed);
        // The device-resident loop drives the device directly; the env (which owns it) measures host copies.
        JCudaSimDevice device = new JCudaSimDevice(set, seed);
        try (CudaVecEnv env = new CudaVecEnv(set, seed, device)) {
            CUdeviceptr[] deviceActions = new CUdeviceptr[ACTION_SLOTS];
            for (int slot = 0; slot < ACTION_SLOTS; slot++) {
                deviceActions[slot] = device.uploadActionBuffer(actions[slot]);
            }
            env.reset();
            for (int k = 0; k < warmupSteps; k++) {
                device.launchStepAsync(deviceActions[k % ACTION_SLOTS]);
            }
            device.synchronize();
            long start = System.nanoTime();
            for (int k = 0; k < steps; k++) {
                device.launchStepAsync(deviceActions[k % ACTION_SLOTS]);
            }
            device.synchronize();
            double seconds = (System.nanoTime() - start) / 1e9;
            int hostSteps = Math.max(1, steps / 10);
            long hostStart = System.nanoTime();
            for (int k = 0; k < hostSteps; k++) {
                env.step(actions[k % ACTION_SLOTS]);
            }
            double hostSeconds = (System.nanoTime() - hostStart) / 1e9;
            return new Result(env.backend(), env.deviceName(), numEnvs, steps, (double) numEnvs * steps / seconds,
                    (double) numEnvs * hostSteps / hostSeconds, 0, -1, seconds);
        }
    }

    private static float[][] randomActions(TaskSet set, int seed) {
        RandomPolicy policy = new RandomPolicy(seed);
        float[][] actions = new float[ACTION_SLOTS][4 * set.numEnvs()];
        for (int slot = 0; slot < ACTION_SLOTS; slot++) {
            for (int t = 0; t < set.taskCount(); t++) {
                for (int j = 0; j < set.envCount(t); j++) {
                    policy.act(set.task(t).id(), j, 0, slot, actions[slot], 4 * (set.firstEnv(t) + j));
                }
            }
        }
        return actions;
    }

    /**
     * Bytes allocated so far by the threads that step the simulator: the calling thread and the
     * pool's workers (HotSpot's per-thread accounting). The probe allocates its own arrays; run()
     * measures that cost and subtracts it.
     */
    static long allocatedByStepThreads(CpuVecEnv env) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean)) {
            return -1;
        }
        com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) bean;
        long total = hotspot.getCurrentThreadAllocatedBytes();
        for (Thread t : env.workerThreads()) {
            total += hotspot.getThreadAllocatedBytes(t.getId());
        }
        return total;
    }
}

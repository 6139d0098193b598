package org.mtboard.engine.sim.cuda;

import java.util.Arrays;
import org.mtboard.engine.rng.CounterRandom;
import org.mtboard.engine.sim.EnvStepper;
import org.mtboard.engine.sim.Observation;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.StepOutputs;
import org.mtboard.engine.sim.Task;
import org.mtboard.engine.sim.TaskSet;

/**
 * A {@link SimDevice} in host memory: sim_reset and sim_step emulated with the CPU's
 * {@link EnvStepper} over arrays laid out like the GPU's buffers, so {@link CudaVecEnv}'s host
 * logic runs without a GPU. Like the kernels it keeps no previous-frame array between calls: each
 * step takes the previous frame from the current frame of the last observation, and each step
 * writes every env's outputs and the finals of the envs that ended only.
 *
 * <p>One difference from the GPU never shows in the outputs: at an automatic reset EnvStepper
 * zeroes the grasp offset, where sim_step leaves the stale one in device memory. It is read only
 * while an object is held and written when a grasp starts, so it differs, if at all, in the
 * graspOffset of envs that hold nothing, in a saved state.
 */
public final class HostSimDevice implements SimDevice {
    private final TaskSet set;
    private final int seed;
    /** The state buffers; its previousFrame is EnvStepper's scratch, refilled from obs before each step. */
    private final SimState memory;
    private final StepOutputs buffers;
    private final float[] actions;
    private final EnvStepper stepper;
    private final CounterRandom random = new CounterRandom();
    private boolean closed;

    public HostSimDevice(TaskSet set, int seed) {
        this.set = set;
        this.seed = seed;
        this.memory = new SimState(set.numEnvs());
        this.buffers = new StepOutputs(set.numEnvs());
        this.actions = new float[4 * set.numEnvs()];
        this.stepper = new EnvStepper(memory, buffers, seed);
    }

    @Override
    public String name() {
        return "host emulation of sim.cu";
    }

    @Override
    public int numEnvs() {
        return set.numEnvs();
    }

    @Override
    public int seed() {
        return seed;
    }

    @Override
    public void launchReset() {
        checkOpen();
        // sim_reset starts each env from a zeroed Env and stores every field of it.
        for (Object array : memory.deviceArrays()) {
            zero(array);
        }
        forEachEnv((task, i, envInTask) -> {
            stepper.reset(task, i, envInTask, random);
            buffers.rewards[i] = 0.0f;
            buffers.successes[i] = 0;
            buffers.dones[i] = 0;
        });
    }

    @Override
    public void uploadActions(float[] from) {
        checkOpen();
        System.arraycopy(from, 0, actions, 0, actions.length);
    }

    @Override
    public void launchStep() {
        checkOpen();
        forEachEnv((task, i, envInTask) -> {
            System.arraycopy(buffers.observations, Observation.SIZE * i, memory.previousFrame, Observation.FRAME * i, Observation.FRAME);
            stepper.step(task, i, envInTask, actions, random);
        });
    }

    @Override
    public void downloadOutputs(StepOutputs into) {
        checkOpen();
        copy(buffers.observations, into.observations);
        copy(buffers.rewards, into.rewards);
        copy(buffers.successes, into.successes);
        copy(buffers.dones, into.dones);
    }

    @Override
    public void downloadFinals(StepOutputs into) {
        checkOpen();
        copy(buffers.finalObservations, into.finalObservations);
        copy(buffers.finalReturns, into.finalReturns);
        copy(buffers.finalSuccesses, into.finalSuccesses);
    }

    @Override
    public void uploadOutputs(StepOutputs from) {
        checkOpen();
        copy(from.observations, buffers.observations);
        copy(from.rewards, buffers.rewards);
        copy(from.successes, buffers.successes);
        copy(from.dones, buffers.dones);
        copy(from.finalObservations, buffers.finalObservations);
        copy(from.finalReturns, buffers.finalReturns);
        copy(from.finalSuccesses, buffers.finalSuccesses);
    }

    @Override
    public void uploadStepCounts(int[] steps) {
        checkOpen();
        copy(steps, memory.step);
    }

    @Override
    public void downloadState(SimState into) {
        checkOpen();
        Object[] from = memory.deviceArrays();
        Object[] to = into.deviceArrays();
        for (int k = 0; k < from.length; k++) {
            copy(from[k], to[k]);
        }
    }

    @Override
    public void uploadState(SimState from) {
        checkOpen();
        Object[] source = from.deviceArrays();
        Object[] to = memory.deviceArrays();
        for (int k = 0; k < source.length; k++) {
            copy(source[k], to[k]);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Freed device memory cannot be used: a use after close is the env's bug, so it fails loudly. */
    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the device was closed");
        }
    }

    private interface EnvBody {
        void run(Task task, int i, int envInTask);
    }

    private void forEachEnv(EnvBody body) {
        for (int t = 0; t < set.taskCount(); t++) {
            for (int j = 0; j < set.envCount(t); j++) {
                body.run(set.task(t), set.firstEnv(t) + j, j);
            }
        }
    }

    /** Same-length arrays of one type, as device and host buffers of one batch are. */
    private static void copy(Object from, Object to) {
        int length = java.lang.reflect.Array.getLength(from);
        if (length != java.lang.reflect.Array.getLength(to)) {
            throw new IllegalArgumentException("buffer of " + length + " values copied to one of " + java.lang.reflect.Array.getLength(to));
        }
        System.arraycopy(from, 0, to, 0, length);
    }

    private static void zero(Object array) {
        if (array instanceof float[] f) {
            Arrays.fill(f, 0.0f);
        } else if (array instanceof int[] n) {
            Arrays.fill(n, 0);
        } else {
            Arrays.fill((byte[]) array, (byte) 0);
        }
    }
}

package org.mtboard.engine.sim.cuda;

import org.mtboard.engine.sim.BufferedVecEnv;
import org.mtboard.engine.sim.TaskSet;

/**
 * The GPU backend: the simulator's state lives in device memory and sim.ptx (built from
 * src/main/cuda/sim.cu) steps one env per thread. This class is the host side: it decides what
 * to copy when and keeps the host output buffers; the {@link SimDevice} does the launches and
 * copies, so this logic also runs over a device emulated on the CPU.
 */
public final class CudaVecEnv extends BufferedVecEnv {
    private final TaskSet taskSet;
    private final SimDevice device;
    private int stepsSinceReset;
    private boolean closed;

    /**
     * On GPU 0.
     *
     * @throws org.mtboard.engine.sim.BackendUnavailableException where no GPU is usable
     */
    public CudaVecEnv(TaskSet taskSet, int seed) {
        this(taskSet, seed, new JCudaSimDevice(taskSet, seed));
    }

    /**
     * On the given device, which must be for this batch and seed; the env owns it from now on and
     * closes it.
     */
    public CudaVecEnv(TaskSet taskSet, int seed, SimDevice device) {
        super(taskSet.numEnvs());
        if (device.numEnvs() != taskSet.numEnvs() || device.seed() != seed) {
            device.close();
            throw new IllegalArgumentException("the device is for " + device.numEnvs() + " envs and seed " + device.seed()
                    + ", not " + taskSet.numEnvs() + " envs and seed " + seed);
        }
        this.taskSet = taskSet;
        this.device = device;
    }

    public String deviceName() {
        return device.name();
    }

    @Override
    public TaskSet taskSet() {
        return taskSet;
    }

    @Override
    public int numEnvs() {
        return taskSet.numEnvs();
    }

    @Override
    public String backend() {
        return "cuda";
    }

    @Override
    public void reset() {
        device.launchReset();
        stepsSinceReset = 0;
        device.downloadOutputs(outputs);
    }

    @Override
    public void step(float[] actions) {
        if (actions.length < 4 * numEnvs()) {
            throw new IllegalArgumentException("actions must hold 4 floats per env: need " + 4 * numEnvs() + ", got " + actions.length);
        }
        device.uploadActions(actions);
        device.launchStep();
        stepsSinceReset++;
        device.downloadOutputs(outputs);
        // Every env is reset together, so every episode ends on the same step.
        if (stepsSinceReset % EPISODE_LENGTH == 0) {
            device.downloadFinals(outputs);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        device.close();
    }
}

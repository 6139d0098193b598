package org.mtboard.engine.sim.cuda;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.mtboard.engine.sim.BufferedVecEnv;
import org.mtboard.engine.sim.EpisodeStarts;
import org.mtboard.engine.sim.TaskSet;

/**
 * The GPU backend: the simulator's state lives in device memory and sim.ptx (built from
 * src/main/cuda/sim.cu) steps one env per thread. This class is the host side: it decides what
 * to copy when and keeps the host output buffers; the {@link SimDevice} does the launches and
 * copies, so this logic also runs over a device emulated on the CPU.
 *
 * <p>The host buffers mirror the device's outputs: observations, rewards and flags come back
 * after every reset and step, and the finals after every step that ended an episode (the kernel
 * changes an env's finals only on such a step, so the host finals of the others stay current).
 */
public final class CudaVecEnv extends BufferedVecEnv {
    private final TaskSet taskSet;
    private final SimDevice device;
    private long copyNanos;
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
        long start = System.nanoTime();
        device.downloadOutputs(outputs);
        copyNanos += System.nanoTime() - start;
    }

    @Override
    public void startEpisodesAt(int[] firstSteps) {
        EpisodeStarts.check(firstSteps, numEnvs());
        device.uploadStepCounts(firstSteps);
    }

    @Override
    public void step(float[] actions) {
        checkActions(actions);
        long start = System.nanoTime();
        device.uploadActions(actions);
        long uploaded = System.nanoTime();
        device.launchStep();
        long simulated = System.nanoTime();
        device.downloadOutputs(outputs);
        // Episodes end on different steps once starts are staggered: the finals come back whenever any env is done.
        if (anyDone()) {
            device.downloadFinals(outputs);
        }
        copyNanos += (uploaded - start) + (System.nanoTime() - simulated);
    }

    private boolean anyDone() {
        for (byte done : outputs.dones) {
            if (done != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long copyNanos() {
        return copyNanos;
    }

    @Override
    public void saveState(DataOutputStream out) throws IOException {
        DeviceCheckpoint.save(device, outputs, out);
    }

    @Override
    public void loadState(DataInputStream in) throws IOException {
        DeviceCheckpoint.load(device, outputs, in);
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

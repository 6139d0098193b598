package org.mtboard.engine.sim.cuda;

import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.StepOutputs;

/**
 * What {@link CudaVecEnv} needs of a device that runs sim.cu's two kernels over one batch: the
 * launches and the copies in and out of device memory, each finished when the call returns. The
 * seam keeps the env's host-side logic (what to copy when, checkpoints, argument checks) apart
 * from JCuda, so that logic runs and is tested on machines without a GPU.
 *
 * <p>Device memory holds the actions, the {@link SimState#deviceArrays()} (every SimState array
 * but previousFrame) and the {@link StepOutputs} buffers. sim_step takes each env's previous
 * frame from the current frame of its last observation; it writes the observation, reward and
 * flags of every env, and the finals of each env whose episode ended on that step only.
 */
public interface SimDevice extends AutoCloseable {
    /** What runs the kernels, for reports (the GPU's name). */
    String name();

    int numEnvs();

    /** The seed the kernels' reset streams are keyed by. */
    int seed();

    /** sim_reset: every env to episode 0; observations, rewards and flags written, finals untouched. */
    void launchReset();

    /** Copies 4 floats per env (actions[4i..4i+3] for env i) into the device's action buffer. */
    void uploadActions(float[] actions);

    /** sim_step over the uploaded actions. */
    void launchStep();

    /** Copies observations, rewards, successes and dones into the host arrays; finals are left alone. */
    void downloadOutputs(StepOutputs into);

    /** Copies final observations, returns and successes of every env into the host arrays. */
    void downloadFinals(StepOutputs into);

    /** Replaces every output buffer on the device, finals included (to resume a saved state). */
    void uploadOutputs(StepOutputs from);

    /** Replaces each env's step within its episode. */
    void uploadStepCounts(int[] steps);

    /** Copies the device's state arrays into {@code into}; its previousFrame is left alone. */
    void downloadState(SimState into);

    /** Replaces the device's state arrays with {@code from}'s; its previousFrame is not used. */
    void uploadState(SimState from);

    /** Frees the device's memory; idempotent. */
    @Override
    void close();
}

package org.mtboard.engine.sim;

/**
 * N environments stepped together. After {@link #reset()} and each {@link #step(float[])} the
 * buffers hold, per env: the 39-float observation, the reward, whether the success condition
 * held this step, and whether the episode ended (150 steps, never earlier). An env whose episode
 * ended has already been reset: its observation is the new episode's first, and
 * {@link #finalObservations()}, {@link #finalReturns()} and {@link #finalSuccesses()} hold the
 * ended episode's last observation (for time-out bootstrapping), return and success flag.
 */
public interface VecEnv extends AutoCloseable {
    int EPISODE_LENGTH = 150;

    TaskSet taskSet();

    int numEnvs();

    /** "cpu" or "cuda". */
    String backend();

    /** Resets every env to episode 0. */
    void reset();

    /** Applies actions[4i..4i+3] to env i; values are clipped to [-1, 1]. */
    void step(float[] actions);

    float[] observations();

    float[] rewards();

    byte[] successes();

    byte[] dones();

    float[] finalObservations();

    float[] finalReturns();

    byte[] finalSuccesses();

    @Override
    void close();
}

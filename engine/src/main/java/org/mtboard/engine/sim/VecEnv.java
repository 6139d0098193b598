package org.mtboard.engine.sim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * N environments stepped together. After {@link #reset()} and each {@link #step(float[])} the
 * buffers hold, per env: the 39-float observation, the reward, whether the success condition
 * held this step, and whether the episode ended (150 steps, never earlier). An env whose episode
 * ended has already been reset: its observation is the new episode's first.
 *
 * <p>Finals, on every step: for each env i with {@code dones()[i] == 1},
 * {@link #finalObservations()}, {@link #finalReturns()} and {@link #finalSuccesses()} hold the
 * episode that env i ended on this step (its last observation, for time-out bootstrapping, its
 * return and its success flag). Envs need not end together (see {@link #startEpisodesAt}); the
 * finals of an env that is not done are unspecified.
 *
 * <p>Every backend honours the same contract, bit for bit, so a learner cannot tell them apart
 * and a checkpoint taken on one resumes on another.
 */
public interface VecEnv extends AutoCloseable {
    int EPISODE_LENGTH = 150;

    TaskSet taskSet();

    int numEnvs();

    /** "cpu" or "cuda". */
    String backend();

    /** Resets every env to episode 0. */
    void reset();

    /**
     * Moves each env's first episode forward to step {@code firstSteps[i]} (it then lasts
     * 150 - firstSteps[i] steps; later episodes are whole). Call right after {@link #reset()}.
     * A trainer uses it so envs do not all reset together: otherwise every rollout shorter than
     * an episode holds one phase of it only (say steps 0-31) and each update fits that phase.
     *
     * @throws IllegalArgumentException unless there is one step per env, each in [0, 150)
     *                                  ({@link EpisodeStarts#check})
     */
    void startEpisodesAt(int[] firstSteps);

    /** Applies actions[4i..4i+3] to env i; values are clipped to [-1, 1]. */
    void step(float[] actions);

    float[] observations();

    float[] rewards();

    byte[] successes();

    byte[] dones();

    float[] finalObservations();

    float[] finalReturns();

    byte[] finalSuccesses();

    /**
     * Writes the whole env state (simulator and last outputs) so a run can resume bit-identically,
     * in the one layout every backend writes and reads ({@link StateIo}): a state saved on one
     * backend loads on another.
     */
    void saveState(DataOutputStream out) throws IOException;

    /**
     * Replaces the whole env state with one written by {@link #saveState} on any backend for the
     * same task set; the next step continues as the saved env would have.
     *
     * @throws IOException for a state of another layout or env count
     */
    void loadState(DataInputStream in) throws IOException;

    /**
     * Nanoseconds this env has spent, in all, copying between host and device inside
     * {@link #reset()} and {@link #step(float[])}, so a profile can tell transfer from simulation.
     * 0 for a backend that simulates in host memory.
     */
    default long copyNanos() {
        return 0;
    }

    @Override
    void close();
}

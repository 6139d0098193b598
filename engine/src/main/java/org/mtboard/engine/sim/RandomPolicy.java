package org.mtboard.engine.sim;

import org.mtboard.engine.rng.CounterRandom;

/**
 * Uniform actions in [-1, 1], drawn from the random-policy Philox stream keyed by the env's
 * coordinates (task, env index within the task, episode, step), so they too are independent of
 * batch layout.
 */
public final class RandomPolicy {
    private final int seed;
    private final CounterRandom random = new CounterRandom();

    public RandomPolicy(int seed) {
        this.seed = seed;
    }

    public void act(TaskId task, int envInTask, int episode, int step, float[] action, int off) {
        random.position(seed, CounterRandom.STREAM_RANDOM_POLICY, task.catalogIndex(), envInTask, episode, 4 * step);
        for (int k = 0; k < 4; k++) {
            action[off + k] = 2.0f * random.nextFloat() - 1.0f;
        }
    }
}

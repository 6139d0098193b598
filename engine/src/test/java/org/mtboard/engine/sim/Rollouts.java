package org.mtboard.engine.sim;

import java.util.function.Consumer;

/**
 * Drives a CPU vector env in tests with actions that depend only on each env's coordinates:
 * envs at even index within their task follow the task's expert, odd ones uniform random
 * actions keyed by (task, env index, episode, step). Every code path (grasps, mechanisms,
 * resets) is exercised, and a given env's actions never depend on the rest of the batch.
 */
final class Rollouts {
    private Rollouts() {
    }

    static void run(CpuVecEnv env, int seed, int steps, Consumer<CpuVecEnv> afterEachStep) {
        TaskSet set = env.taskSet();
        ExpertPolicy[] experts = new ExpertPolicy[set.taskCount()];
        for (int t = 0; t < set.taskCount(); t++) {
            experts[t] = set.task(t).expert();
        }
        RandomPolicy random = new RandomPolicy(seed);
        float[] actions = new float[4 * env.numEnvs()];
        SimState s = env.state();
        env.reset();
        for (int k = 0; k < steps; k++) {
            for (int t = 0; t < set.taskCount(); t++) {
                for (int j = 0; j < set.envCount(t); j++) {
                    int i = set.firstEnv(t) + j;
                    if (j % 2 == 0) {
                        experts[t].act(env.observations(), Observation.SIZE * i, actions, 4 * i);
                    } else {
                        random.act(set.task(t).id(), j, s.episode[i], s.step[i], actions, 4 * i);
                    }
                }
            }
            env.step(actions);
            afterEachStep.accept(env);
        }
    }

    /** A 64-bit digest of every observation, reward, success and done bit of every step. */
    static long digest(TaskSet set, int seed, int threads, int steps) {
        long[] h = {0xcbf29ce484222325L};
        try (CpuVecEnv env = new CpuVecEnv(set, seed, threads)) {
            run(env, seed, steps, e -> {
                for (float v : e.observations()) {
                    h[0] = mix(h[0], Float.floatToRawIntBits(v));
                }
                for (int i = 0; i < e.numEnvs(); i++) {
                    h[0] = mix(h[0], Float.floatToRawIntBits(e.rewards()[i]));
                    h[0] = mix(h[0], e.successes()[i] * 2 + e.dones()[i]);
                }
            });
        }
        return h[0];
    }

    private static long mix(long h, int v) {
        return (h ^ v) * 0x100000001b3L;
    }
}

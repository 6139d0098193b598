package org.mtboard.engine.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a policy (each task's scripted expert, or uniform random actions) for a number of
 * episodes per task and reports each task's success rate and mean episode return.
 */
public final class SimCheck {
    /** Largest env block per task; more episodes run as further rounds of 150 steps. */
    public static final int MAX_ENVS_PER_TASK = 1000;

    public enum PolicyKind { SCRIPTED, RANDOM }

    /** One task's figures. */
    public record TaskResult(String task, int episodes, double successRate, double meanReturn) {
    }

    private SimCheck() {
    }

    /** On the CPU backend with the given thread count. */
    public static Map<String, TaskResult> run(List<TaskId> tasks, PolicyKind policy, int episodesPerTask,
                                              int seed, int threads) {
        return run(tasks, policy, episodesPerTask, seed, set -> new CpuVecEnv(set, seed, threads));
    }

    /** On the vector env the factory builds for the check's task set. */
    public static Map<String, TaskResult> run(List<TaskId> tasks, PolicyKind policy, int episodesPerTask,
                                              int seed, Function<TaskSet, VecEnv> envFactory) {
        if (episodesPerTask < 1) {
            throw new IllegalArgumentException("episodes per task must be at least 1, got " + episodesPerTask);
        }
        int envsPerTask = Math.min(episodesPerTask, MAX_ENVS_PER_TASK);
        int rounds = (episodesPerTask + envsPerTask - 1) / envsPerTask;
        int[] counts = new int[tasks.size()];
        java.util.Arrays.fill(counts, envsPerTask);
        TaskSet set = TaskSet.withCounts(tasks, counts);
        int n = set.numEnvs();
        ExpertPolicy[] experts = new ExpertPolicy[set.taskCount()];
        for (int t = 0; t < set.taskCount(); t++) {
            experts[t] = set.task(t).expert();
        }
        RandomPolicy randomPolicy = new RandomPolicy(seed);
        long[] successes = new long[set.taskCount()];
        double[] returns = new double[set.taskCount()];
        int[] counted = new int[set.taskCount()];
        float[] actions = new float[4 * n];
        try (VecEnv env = envFactory.apply(set)) {
            env.reset();
            for (int round = 0; round < rounds; round++) {
                for (int step = 0; step < VecEnv.EPISODE_LENGTH; step++) {
                    float[] obs = env.observations();
                    for (int t = 0; t < set.taskCount(); t++) {
                        int first = set.firstEnv(t);
                        for (int j = 0; j < set.envCount(t); j++) {
                            int i = first + j;
                            if (policy == PolicyKind.SCRIPTED) {
                                experts[t].act(obs, Observation.SIZE * i, actions, 4 * i);
                            } else {
                                randomPolicy.act(set.task(t).id(), j, round, step, actions, 4 * i);
                            }
                        }
                    }
                    env.step(actions);
                }
                for (int t = 0; t < set.taskCount(); t++) {
                    int first = set.firstEnv(t);
                    for (int j = 0; j < set.envCount(t) && counted[t] < episodesPerTask; j++) {
                        successes[t] += env.finalSuccesses()[first + j];
                        returns[t] += env.finalReturns()[first + j];
                        counted[t]++;
                    }
                }
            }
        }
        Map<String, TaskResult> results = new LinkedHashMap<>();
        for (int t = 0; t < set.taskCount(); t++) {
            String name = set.task(t).id().metaWorldName();
            results.put(name, new TaskResult(name, counted[t], (double) successes[t] / counted[t], returns[t] / counted[t]));
        }
        return results;
    }
}

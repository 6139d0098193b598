package org.mtboard.engine.rl;

/**
 * Advantage normalisations of the recipes: over the whole batch, per task within a minibatch
 * (MT-PPO), and MT-GRPO's critic-free advantage (discounted reward-to-go normalised per task).
 */
public final class Advantages {
    private static final double EPS = 1e-8;

    private Advantages() {
    }

    /** In place: (a - mean) / (std + eps) over a[from..to). */
    public static void normalize(float[] a, int from, int to) {
        double mean = 0;
        for (int k = from; k < to; k++) {
            mean += a[k];
        }
        mean /= (to - from);
        double var = 0;
        for (int k = from; k < to; k++) {
            var += (a[k] - mean) * (a[k] - mean);
        }
        double std = Math.sqrt(var / (to - from));
        for (int k = from; k < to; k++) {
            a[k] = (float) ((a[k] - mean) / (std + EPS));
        }
    }

    /**
     * In place, per task: the entries of values at indices[0..count) are normalised with the mean
     * and std of their own task (taskOf[index]) within that selection. A task with one entry gets 0.
     */
    public static void normalizePerTask(float[] values, int[] indices, int count, int[] taskOf, int tasks) {
        double[] sum = new double[tasks];
        double[] sumSq = new double[tasks];
        int[] n = new int[tasks];
        for (int k = 0; k < count; k++) {
            int j = indices[k];
            int t = taskOf[j];
            sum[t] += values[j];
            n[t]++;
        }
        double[] mean = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            mean[t] = n[t] == 0 ? 0 : sum[t] / n[t];
        }
        for (int k = 0; k < count; k++) {
            int j = indices[k];
            double d = values[j] - mean[taskOf[j]];
            sumSq[taskOf[j]] += d * d;
        }
        for (int k = 0; k < count; k++) {
            int j = indices[k];
            int t = taskOf[j];
            double std = Math.sqrt(sumSq[t] / n[t]);
            values[j] = (float) ((values[j] - mean[t]) / (std + EPS));
        }
    }

    /**
     * MT-GRPO: for T steps of N envs (t * N + i) covering whole episodes (dones mark their ends),
     * the discounted reward-to-go within each episode, then normalised per task over all of that
     * task's entries in the batch. taskOfEnv[i] is env i's task.
     */
    public static void grpo(float[] rewards, byte[] dones, int steps, int envs, float gamma, int[] taskOfEnv, int tasks,
                            float[] out) {
        for (int i = 0; i < envs; i++) {
            float togo = 0.0f;
            for (int t = steps - 1; t >= 0; t--) {
                int j = t * envs + i;
                if (dones[j] != 0) {
                    togo = 0.0f;
                }
                togo = rewards[j] + gamma * togo;
                out[j] = togo;
            }
        }
        int[] taskOfEntry = new int[steps * envs];
        int[] all = new int[steps * envs];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
            taskOfEntry[j] = taskOfEnv[j % envs];
        }
        normalizePerTask(out, all, all.length, taskOfEntry, tasks);
    }
}

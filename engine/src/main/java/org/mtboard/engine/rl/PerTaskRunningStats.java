package org.mtboard.engine.rl;

/**
 * Running mean and variance of a vector, kept separately for each task (the thesis normalises
 * observations and values per task). Batches merge with Chan et al.'s parallel update in double
 * precision; normalising uses the frozen statistics of the last update, so it is a pure function
 * of the state (checkpointed with the run).
 */
public final class PerTaskRunningStats {
    /** Standard deviations below this are treated as this (constant features). */
    private static final double MIN_STD = 1e-4;
    private final int tasks;
    private final int dim;
    private final double clip;
    private final double[] count;
    private final double[] mean;
    private final double[] var;

    /** @param clip normalised values are clipped to [-clip, clip] */
    public PerTaskRunningStats(int tasks, int dim, double clip) {
        this.tasks = tasks;
        this.dim = dim;
        this.clip = clip;
        this.count = new double[tasks];
        this.mean = new double[tasks * dim];
        this.var = new double[tasks * dim];
        java.util.Arrays.fill(var, 1.0);
    }

    public int dim() {
        return dim;
    }

    /**
     * Merges rows of data (each dim long, at data[row * stride + offset]) whose tasks are taskOf[row].
     */
    public void update(float[] data, int stride, int offset, int[] taskOf, int rows) {
        double[] batchCount = new double[tasks];
        double[] batchSum = new double[tasks * dim];
        for (int r = 0; r < rows; r++) {
            int t = taskOf[r];
            batchCount[t]++;
            for (int k = 0; k < dim; k++) {
                batchSum[t * dim + k] += data[r * stride + offset + k];
            }
        }
        double[] batchM2 = new double[tasks * dim];
        for (int r = 0; r < rows; r++) {
            int t = taskOf[r];
            for (int k = 0; k < dim; k++) {
                double d = data[r * stride + offset + k] - batchSum[t * dim + k] / batchCount[t];
                batchM2[t * dim + k] += d * d;
            }
        }
        for (int t = 0; t < tasks; t++) {
            if (batchCount[t] == 0) {
                continue;
            }
            double n = count[t];
            double b = batchCount[t];
            double total = n + b;
            for (int k = 0; k < dim; k++) {
                int j = t * dim + k;
                double batchMean = batchSum[j] / b;
                double delta = batchMean - mean[j];
                double m2 = (n == 0 ? 0 : var[j] * n) + batchM2[j] + delta * delta * n * b / total;
                mean[j] += delta * b / total;
                var[j] = m2 / total;
            }
            count[t] = total;
        }
    }

    /** (x - mean) / std for the task's statistics, clipped. */
    public float normalize(int task, int k, float x) {
        int j = task * dim + k;
        double z = (x - mean[j]) / Math.max(Math.sqrt(var[j]), MIN_STD);
        return (float) Math.max(-clip, Math.min(clip, z));
    }

    /** Inverse of normalize (without the clip): for turning normalised value predictions back into returns. */
    public float denormalize(int task, int k, float z) {
        int j = task * dim + k;
        return (float) (z * Math.max(Math.sqrt(var[j]), MIN_STD) + mean[j]);
    }

    public double mean(int task, int k) {
        return mean[task * dim + k];
    }

    public double variance(int task, int k) {
        return var[task * dim + k];
    }

    public double count(int task) {
        return count[task];
    }

    /** The whole state, for checkpoints: counts, then means, then variances. */
    public double[] state() {
        double[] s = new double[tasks + 2 * tasks * dim];
        System.arraycopy(count, 0, s, 0, tasks);
        System.arraycopy(mean, 0, s, tasks, tasks * dim);
        System.arraycopy(var, 0, s, tasks + tasks * dim, tasks * dim);
        return s;
    }

    public void restore(double[] s) {
        if (s.length != tasks + 2 * tasks * dim) {
            throw new IllegalArgumentException("normaliser state has " + s.length + " values, expected " + (tasks + 2 * tasks * dim));
        }
        System.arraycopy(s, 0, count, 0, tasks);
        System.arraycopy(s, tasks, mean, 0, tasks * dim);
        System.arraycopy(s, tasks + tasks * dim, var, 0, tasks * dim);
    }
}

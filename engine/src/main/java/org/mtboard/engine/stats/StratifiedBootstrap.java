package org.mtboard.engine.stats;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Runs a statistic over bootstrap replicates in parallel. Replicates are split into fixed chunks
 * and each replicate draws from its own stream, so the result does not depend on the thread
 * count. The statistic sees the original data and the drawn indices and may fuse the gather with
 * its own computation.
 */
public final class StratifiedBootstrap {
    /** Seeds are split per metric family, so two families never share a stream. */
    public static final long FAMILY_AGGREGATES = 1;
    public static final long FAMILY_PROFILE = 2;
    public static final long FAMILY_IMPROVEMENT = 3;
    public static final long FAMILY_CURVES = 4;
    private static final int CHUNK = 256;

    /** A statistic of one resampled matrix; instances hold scratch space and serve one thread. */
    public interface Evaluator {
        /** X*[i][m] = x[r[i][m]][c == null ? m : c[m]]; writes size() values to out. */
        void evaluate(double[][] x, int[][] r, int[] c, double[] out);
    }

    /** Makes an evaluator per chunk. */
    public interface Statistic {
        int size();

        Evaluator newEvaluator(int runs, int tasks);
    }

    /** A statistic of two independently resampled matrices (probability of improvement). */
    public interface PairEvaluator {
        void evaluate(double[][] x, int[][] rx, double[][] y, int[][] ry, double[] out);
    }

    private StratifiedBootstrap() {
    }

    /** @return replicates[k][b]: component k of the statistic on replicate b */
    public static double[][] replicates(double[][] x, Statistic statistic, BootstrapSettings s, long family) {
        int n = x.length;
        int m = x[0].length;
        double[][] out = new double[statistic.size()][s.reps()];
        forEachChunk(s, (from, to) -> {
            Evaluator evaluator = statistic.newEvaluator(n, m);
            int[][] r = new int[n][m];
            int[] c = s.taskBootstrap() ? new int[m] : null;
            double[] values = new double[statistic.size()];
            for (int b = from; b < to; b++) {
                Resampling.draw(BootstrapRandom.forReplicate(s.seed(), family, b), n, r, c);
                evaluator.evaluate(x, r, c, values);
                for (int k = 0; k < values.length; k++) {
                    out[k][b] = values[k];
                }
            }
        });
        return out;
    }

    /** Independent stratified bootstrap of two matrices: rx (Nx x M) first, then ry (Ny x M). */
    public static double[][] pairReplicates(double[][] x, double[][] y, int size, java.util.function.Supplier<PairEvaluator> stat,
                                            BootstrapSettings s, long family) {
        int m = x[0].length;
        double[][] out = new double[size][s.reps()];
        forEachChunk(s, (from, to) -> {
            PairEvaluator evaluator = stat.get();
            int[][] rx = new int[x.length][m];
            int[][] ry = new int[y.length][m];
            double[] values = new double[size];
            for (int b = from; b < to; b++) {
                BootstrapRandom random = BootstrapRandom.forReplicate(s.seed(), family, b);
                Resampling.draw(random, x.length, rx, null);
                Resampling.draw(random, y.length, ry, null);
                evaluator.evaluate(x, rx, y, ry, values);
                for (int k = 0; k < size; k++) {
                    out[k][b] = values[k];
                }
            }
        });
        return out;
    }

    interface ChunkWork {
        void run(int from, int to);
    }

    static void forEachChunk(BootstrapSettings s, ChunkWork work) {
        int chunks = (s.reps() + CHUNK - 1) / CHUNK;
        if (s.threads() == 1) {
            for (int k = 0; k < chunks; k++) {
                work.run(k * CHUNK, Math.min(s.reps(), (k + 1) * CHUNK));
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(s.threads());
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel()
                    .forEach(k -> work.run(k * CHUNK, Math.min(s.reps(), (k + 1) * CHUNK)))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bootstrap failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}

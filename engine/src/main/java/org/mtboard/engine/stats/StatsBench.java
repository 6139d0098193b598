package org.mtboard.engine.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times the aggregate intervals (mean, median, IQM, optimality gap from one set of replicates) on a
 * synthetic runs x tasks matrix of success rates, warm: a few untimed repetitions first, then the
 * best and median of the timed ones.
 */
public final class StatsBench {
    /** Seconds per full computation (replicates and intervals), best and median. */
    public record Result(int runs, int tasks, int reps, int threads, double bestSeconds, double medianSeconds) {
    }

    private StatsBench() {
    }

    /** The benchmark's matrix: per-task levels plus run noise, on the 0.02 lattice of 50 episodes. */
    public static ScoreMatrix syntheticSuccessRates(int runs, int tasks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[runs][tasks];
        List<String> names = new ArrayList<>();
        for (int m = 0; m < tasks; m++) {
            names.add("task-" + m);
            double level = random.nextDouble();
            for (int i = 0; i < runs; i++) {
                double v = Math.min(1.0, Math.max(0.0, level + 0.2 * (random.nextDouble() - 0.5)));
                x[i][m] = Math.round(v * 50) / 50.0;
            }
        }
        return new ScoreMatrix(x, names);
    }

    public static Result run(int runs, int tasks, int reps, int threads, int warmup, int repeats) {
        ScoreMatrix scores = syntheticSuccessRates(runs, tasks, 1);
        BootstrapSettings settings = new BootstrapSettings(reps, 1, IntervalMethod.PERCENTILE, 0.95, false, threads);
        for (int k = 0; k < warmup; k++) {
            AggregateEstimates.compute(scores, 1.0, settings);
        }
        double[] seconds = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long start = System.nanoTime();
            AggregateEstimates.compute(scores, 1.0, settings);
            seconds[k] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return new Result(runs, tasks, reps, threads, seconds[0], seconds[repeats / 2]);
    }
}

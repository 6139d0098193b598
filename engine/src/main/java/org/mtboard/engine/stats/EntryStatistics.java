package org.mtboard.engine.stats;

import java.util.ArrayList;
import java.util.List;
import org.mtboard.engine.run.CurveTable;
import org.mtboard.engine.run.RunManifest;

/**
 * Everything an entry reports about itself from its seeds' results and curves: the four
 * aggregates with intervals, each task's success rate with an interval over seeds, the
 * performance profile, and the learning curve (IQM over seeds and tasks with a pointwise band),
 * all from one bootstrap seed so the numbers can be recomputed exactly.
 */
public final class EntryStatistics {
    /** Success-rate thresholds of the performance profile. */
    public static final double[] PROFILE_TAUS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    /** Points of the learning curve (epochs are sampled evenly; a smoke run has ~2,000). */
    public static final int CURVE_POINTS = 40;
    /** Optimality gap threshold: the distance to solving every task. */
    public static final double GAMMA = 1.0;

    public record TaskEstimate(String task, double successRate, double lo, double hi, double meanReturn) {
    }

    /**
     * The curve at sampled epochs: frames and wall-clock (means over seeds), the IQM and the mean with their bands.
     * mean is null in entries scored before it was added (their stored details hold the IQM only).
     */
    public record Curve(long[] frames, double[] wallSeconds, List<IntervalEstimate> iqm, List<IntervalEstimate> mean) {
    }

    /** One seed's mean success rate (the last value seen by then) against frames and wall-clock, at sampled epochs. */
    public record SeedCurve(long[] frames, double[] wallSeconds, double[] meanSuccess) {
    }

    public record Report(List<IntervalEstimate> aggregates, List<TaskEstimate> perTask, List<IntervalEstimate> profile,
                         Curve curve, double meanReturn) {
    }

    /** Points of each seed's own curve: finer than the pooled one, which carries a band. */
    public static final int SEED_CURVE_POINTS = 5 * CURVE_POINTS;

    private EntryStatistics() {
    }

    public static ScoreMatrix scores(List<RunManifest> runs) {
        List<String> tasks = List.copyOf(runs.get(0).perTask().keySet());
        double[][] x = new double[runs.size()][tasks.size()];
        for (int i = 0; i < runs.size(); i++) {
            for (int m = 0; m < tasks.size(); m++) {
                RunManifest.TaskScore s = runs.get(i).perTask().get(tasks.get(m));
                if (s == null) {
                    throw new IllegalArgumentException("run " + i + " has no score for task " + tasks.get(m));
                }
                x[i][m] = s.successRate();
            }
        }
        return new ScoreMatrix(x, tasks);
    }

    /** @param curves one per run, in the same order (may be empty: no curve section then) */
    public static Report compute(List<RunManifest> runs, List<CurveTable> curves, BootstrapSettings s) {
        ScoreMatrix scores = scores(runs);
        List<IntervalEstimate> aggregates = AggregateEstimates.compute(scores, GAMMA, s);
        List<TaskEstimate> perTask = new ArrayList<>();
        for (int m = 0; m < scores.taskCount(); m++) {
            String task = scores.tasks().get(m);
            double[][] column = new double[scores.runs()][1];
            double meanReturn = 0;
            for (int i = 0; i < scores.runs(); i++) {
                column[i][0] = scores.get(i, m);
                meanReturn += runs.get(i).perTask().get(task).meanReturn() / scores.runs();
            }
            IntervalEstimate mean = AggregateEstimates.compute(new ScoreMatrix(column, List.of(task)), GAMMA, s).get(0);
            perTask.add(new TaskEstimate(task, mean.point(), mean.ciLow(), mean.ciHigh(), meanReturn));
        }
        List<IntervalEstimate> profile = ProfileEstimates.compute(scores, PROFILE_TAUS, false, s);
        double meanReturn = perTask.stream().mapToDouble(TaskEstimate::meanReturn).average().orElse(Double.NaN);
        Curve curve = curves.isEmpty() ? null : curve(curves, scores.tasks(), s);
        return new Report(aggregates, perTask, profile, curve, meanReturn);
    }

    public static SeedCurve seedCurve(CurveTable c) {
        int[] at = sampledEpochs(c.epochs(), Math.min(SEED_CURVE_POINTS, c.epochs()));
        long[] frames = new long[at.length];
        double[] wall = new double[at.length];
        double[] success = new double[at.length];
        double last = 0;
        int p = 0;
        for (int epoch = 0; epoch < c.epochs() && p < at.length; epoch++) {
            if (!Double.isNaN(c.meanSuccess()[epoch])) {
                last = c.meanSuccess()[epoch];
            }
            if (epoch == at[p]) {
                frames[p] = c.frames()[epoch];
                wall[p] = c.wallSeconds()[epoch];
                success[p++] = last;
            }
        }
        return new SeedCurve(frames, wall, success);
    }

    /** points epoch indices spread evenly over [0, epochs), the last one included. */
    public static int[] sampledEpochs(int epochs, int points) {
        int[] at = new int[points];
        for (int p = 0; p < points; p++) {
            at[p] = (int) Math.round((double) (p + 1) * epochs / points) - 1;
        }
        return at;
    }

    /**
     * Samples every run's curve at the same epochs; a task with no episode ended at an epoch keeps
     * its last value (0 before its first), so the band is over what each seed had shown by then.
     */
    static Curve curve(List<CurveTable> curves, List<String> tasks, BootstrapSettings s) {
        int epochs = curves.stream().mapToInt(CurveTable::epochs).min().orElse(0);
        int points = Math.min(CURVE_POINTS, epochs);
        if (points == 0) {
            return null;
        }
        int[] at = sampledEpochs(epochs, points);
        double[][][] x = new double[curves.size()][tasks.size()][points];
        double[] frameSum = new double[points];
        double[] wall = new double[points];
        for (int i = 0; i < curves.size(); i++) {
            CurveTable c = curves.get(i);
            for (int m = 0; m < tasks.size(); m++) {
                int col = c.tasks().indexOf(tasks.get(m));
                double last = 0;
                int p = 0;
                for (int e = 0; e < epochs && p < points; e++) {
                    double v = c.taskSuccess()[e][col];
                    if (!Double.isNaN(v)) {
                        last = v;
                    }
                    if (e == at[p]) {
                        x[i][m][p++] = last;
                    }
                }
            }
            for (int p = 0; p < points; p++) {
                frameSum[p] += c.frames()[at[p]];
                wall[p] += c.wallSeconds()[at[p]] / curves.size();
            }
        }
        long[] frames = new long[points];
        for (int p = 0; p < points; p++) {
            frames[p] = Math.round(frameSum[p] / curves.size());
        }
        return new Curve(frames, wall, CurveEstimates.iqmCurve(x, s), CurveEstimates.meanCurve(x, s));
    }
}

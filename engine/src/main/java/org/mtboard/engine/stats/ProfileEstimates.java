package org.mtboard.engine.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Performance profiles with pointwise interval bands: the run-score distribution (default) or the
 * average-score distribution over a tau grid, every tau from the same replicates.
 */
public final class ProfileEstimates {
    private ProfileEstimates() {
    }

    public static List<IntervalEstimate> compute(ScoreMatrix scores, double[] taus, boolean average, BootstrapSettings s) {
        if (taus.length == 0) {
            throw new IllegalArgumentException("a profile needs at least one tau");
        }
        double[][] x = scores.rows();
        double[] points = profile(x, taus, average);
        StratifiedBootstrap.Statistic statistic = new StratifiedBootstrap.Statistic() {
            @Override
            public int size() {
                return taus.length;
            }

            @Override
            public StratifiedBootstrap.Evaluator newEvaluator(int runs, int tasks) {
                double[][] sample = new double[runs][tasks];
                return (data, r, c, out) -> {
                    gather(data, r, c, sample);
                    System.arraycopy(profile(sample, taus, average), 0, out, 0, taus.length);
                };
            }
        };
        double[][] replicates = StratifiedBootstrap.replicates(x, statistic, s, StratifiedBootstrap.FAMILY_PROFILE);
        double[][] jackknife = s.method() == IntervalMethod.BCA
                ? Jackknife.leaveOneRunOut(x, rows -> profile(rows, taus, average)) : null;
        String metric = average ? "average_score_distribution" : "run_score_distribution";
        List<IntervalEstimate> out = new ArrayList<>();
        for (int k = 0; k < taus.length; k++) {
            double[] ci = Intervals.interval(s.method(), replicates[k], points[k], s.confidence(),
                    jackknife == null ? null : jackknife[k]);
            out.add(IntervalEstimate.of(metric, null, taus[k], points[k], ci, s, scores.runs(), scores.taskCount()));
        }
        return out;
    }

    private static double[] profile(double[][] x, double[] taus, boolean average) {
        return average ? Metrics.averageScoreDistribution(x, taus) : Metrics.runScoreDistribution(x, taus);
    }

    static void gather(double[][] x, int[][] r, int[] c, double[][] sample) {
        if (c == null) {
            Resampling.stratified(x, r, sample);
        } else {
            Resampling.stratifiedWithTasks(x, r, c, sample);
        }
    }
}

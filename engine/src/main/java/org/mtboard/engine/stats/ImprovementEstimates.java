package org.mtboard.engine.stats;

/**
 * P(X > Y) with an interval from the independent stratified bootstrap of both matrices, and the
 * per-task probabilities (STATS.md sections 2 and 3.4).
 */
public final class ImprovementEstimates {
    /** The overall estimate and the per-task point values, in task order. */
    public record Result(IntervalEstimate overall, double[] perTask) {
    }

    private ImprovementEstimates() {
    }

    public static Result compute(ScoreMatrix xs, ScoreMatrix ys, BootstrapSettings s) {
        if (!xs.tasks().equals(ys.tasks())) {
            throw new IllegalArgumentException("both score files need the same tasks in the same order: " + xs.tasks()
                    + " vs " + ys.tasks());
        }
        if (s.taskBootstrap()) {
            throw new IllegalArgumentException("task bootstrap is not defined for the probability of improvement");
        }
        double[][] x = xs.rows();
        double[][] y = ys.rows();
        double point = ImprovementProbability.overall(x, y);
        int m = xs.taskCount();
        double[][] replicates = StratifiedBootstrap.pairReplicates(x, y, 1, () -> {
            double[][] sx = new double[x.length][m];
            double[][] sy = new double[y.length][m];
            return (dx, rx, dy, ry, out) -> {
                Resampling.stratified(dx, rx, sx);
                Resampling.stratified(dy, ry, sy);
                out[0] = ImprovementProbability.overall(sx, sy);
            };
        }, s, StratifiedBootstrap.FAMILY_IMPROVEMENT);
        double[] jackknife = null;
        if (s.method() == IntervalMethod.BCA) {
            if (x.length != y.length) {
                throw new IllegalArgumentException("bca for the probability of improvement needs as many runs in x as in y ("
                        + x.length + " vs " + y.length + ")");
            }
            jackknife = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                jackknife[i] = ImprovementProbability.overall(Jackknife.withoutRow(x, i), Jackknife.withoutRow(y, i));
            }
        }
        double[] ci = Intervals.interval(s.method(), replicates[0], point, s.confidence(), jackknife);
        IntervalEstimate overall = IntervalEstimate.of("probability_of_improvement", null, null, point, ci, s, x.length, m);
        return new Result(overall, ImprovementProbability.perTask(x, y));
    }
}

package org.mtboard.engine.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Mean, median, IQM and optimality gap of one score matrix, with intervals from one shared set
 * of stratified bootstrap replicates (STATS.md section 6, item 2). Mean is the ranking default.
 */
public final class AggregateEstimates {
    public static final List<String> METRICS = List.of("mean", "median", "iqm", "optimality_gap");

    private AggregateEstimates() {
    }

    /** The four point estimates, in METRICS order. */
    public static double[] points(double[][] x, double gamma) {
        return new double[] {Metrics.mean(x), Metrics.median(x), Metrics.iqm(x), Metrics.optimalityGap(x, gamma)};
    }

    public static List<IntervalEstimate> compute(ScoreMatrix scores, double gamma, BootstrapSettings s) {
        double[][] x = scores.rows();
        double[] points = points(x, gamma);
        double[][] replicates = StratifiedBootstrap.replicates(x, statistic(x, gamma), s, StratifiedBootstrap.FAMILY_AGGREGATES);
        double[][] jackknife = s.method() == IntervalMethod.BCA ? Jackknife.leaveOneRunOut(x, row -> points(row, gamma)) : null;
        IntervalEstimate[] out = new IntervalEstimate[METRICS.size()];
        for (int k = 0; k < out.length; k++) {
            double[] ci = Intervals.interval(s.method(), replicates[k], points[k], s.confidence(),
                    jackknife == null ? null : jackknife[k]);
            Double g = METRICS.get(k).equals("optimality_gap") ? gamma : null;
            out[k] = IntervalEstimate.of(METRICS.get(k), g, null, points[k], ci, s, scores.runs(), scores.taskCount());
        }
        return List.of(out);
    }

    /**
     * The four aggregates of a replicate in one pass over its cells. Every resampled value is one
     * of the original N*M scores, so instead of selecting within each replicate the IQM counts how
     * often each original score (in sorted order, ranked once) was drawn and sums the middle of
     * that histogram: no comparisons per replicate, hence no branch misses.
     */
    static StratifiedBootstrap.Statistic statistic(double[][] x, double gamma) {
        int runs = x.length;
        int tasks = x[0].length;
        int cells = runs * tasks;
        Integer[] order = new Integer[cells];
        for (int p = 0; p < cells; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a / tasks][a % tasks], x[b / tasks][b % tasks]));
        double[] sortedValues = new double[cells];
        int[][] rankOf = new int[runs][tasks];
        for (int rank = 0; rank < cells; rank++) {
            int p = order[rank];
            sortedValues[rank] = x[p / tasks][p % tasks];
            rankOf[p / tasks][p % tasks] = rank;
        }
        int trim = cells / 4;
        return new StratifiedBootstrap.Statistic() {
            @Override
            public int size() {
                return 4;
            }

            @Override
            public StratifiedBootstrap.Evaluator newEvaluator(int n, int m) {
                int[] counts = new int[cells];
                double[] taskMeans = new double[tasks];
                return (data, r, c, out) -> {
                    double clippedSum = 0;
                    Arrays.fill(taskMeans, 0.0);
                    Arrays.fill(counts, 0);
                    for (int i = 0; i < runs; i++) {
                        int[] ri = r[i];
                        for (int t = 0; t < tasks; t++) {
                            int column = c == null ? t : c[t];
                            int row = ri[t];
                            double v = data[row][column];
                            taskMeans[t] += v;
                            clippedSum += Math.min(v, gamma);
                            counts[rankOf[row][column]]++;
                        }
                    }
                    double meanSum = 0;
                    for (int t = 0; t < tasks; t++) {
                        taskMeans[t] /= runs;
                        meanSum += taskMeans[t];
                    }
                    out[0] = meanSum / tasks;
                    Arrays.sort(taskMeans);
                    out[1] = tasks % 2 == 1 ? taskMeans[tasks / 2] : 0.5 * (taskMeans[tasks / 2 - 1] + taskMeans[tasks / 2]);
                    out[2] = trimmedMeanOfHistogram(counts, sortedValues, trim, cells - 2 * trim);
                    out[3] = gamma - clippedSum / cells;
                };
            }
        };
    }

    /** Mean of the values of ranks [skip, skip + keep) of the multiset given by counts per sorted value. */
    static double trimmedMeanOfHistogram(int[] counts, double[] sortedValues, int skip, int keep) {
        int toSkip = skip;
        int toKeep = keep;
        double sum = 0;
        for (int rank = 0; rank < counts.length && toKeep > 0; rank++) {
            int count = counts[rank];
            if (toSkip > 0) {
                int skipped = Math.min(count, toSkip);
                toSkip -= skipped;
                count -= skipped;
            }
            int taken = Math.min(count, toKeep);
            sum += taken * sortedValues[rank];
            toKeep -= taken;
        }
        return sum / keep;
    }
}

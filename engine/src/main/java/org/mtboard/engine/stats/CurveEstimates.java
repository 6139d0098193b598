package org.mtboard.engine.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Sample-efficiency curves: the IQM (or mean) at each checkpoint of a runs x tasks x checkpoints array, with
 * pointwise intervals (STATS.md section 3.3). Every (run, task, checkpoint) cell draws its own run
 * index, so the bands are pointwise in time, not a simultaneous band; curve-level quantities (area,
 * time to threshold) must not be bootstrapped through this.
 */
public final class CurveEstimates {
    private CurveEstimates() {
    }

    /** A curve's statistic over the pooled runs x tasks scores of one checkpoint. */
    private enum Statistic {
        IQM("iqm") {
            double ofPooled(double[] values) {
                return TrimmedMean.iqmInPlace(values, values.length);
            }

            double of(double[][] rows) {
                return Metrics.iqm(rows);
            }
        },
        MEAN("mean") {
            double ofPooled(double[] values) {
                double sum = 0;
                for (double v : values) {
                    sum += v;
                }
                return sum / values.length;
            }

            double of(double[][] rows) {
                return Metrics.mean(rows);
            }
        };

        final String label;

        Statistic(String label) {
            this.label = label;
        }

        /** May reorder values (the IQM sorts them in place). */
        abstract double ofPooled(double[] values);

        abstract double of(double[][] rows);
    }

    public static List<IntervalEstimate> iqmCurve(double[][][] x, BootstrapSettings s) {
        return curve(x, s, Statistic.IQM);
    }

    /** The mean over runs and tasks at each checkpoint, with the same pointwise intervals as the IQM curve. */
    public static List<IntervalEstimate> meanCurve(double[][][] x, BootstrapSettings s) {
        return curve(x, s, Statistic.MEAN);
    }

    private static List<IntervalEstimate> curve(double[][][] x, BootstrapSettings s, Statistic statistic) {
        int n = x.length;
        int m = x[0].length;
        int checkpoints = x[0][0].length;
        for (double[][] run : x) {
            for (double[] task : run) {
                if (task.length != checkpoints) {
                    throw new IllegalArgumentException("every run and task needs the same " + checkpoints + " checkpoints");
                }
                for (double v : task) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("curve scores must be finite, got " + v);
                    }
                }
            }
        }
        if (s.taskBootstrap()) {
            throw new IllegalArgumentException("task bootstrap is not offered for curves");
        }
        double[] points = new double[checkpoints];
        for (int t = 0; t < checkpoints; t++) {
            points[t] = statistic.of(slice(x, t));
        }
        double[][] replicates = new double[checkpoints][s.reps()];
        StratifiedBootstrap.forEachChunk(s, (from, to) -> {
            double[] pooled = new double[n * m];
            for (int b = from; b < to; b++) {
                BootstrapRandom random = BootstrapRandom.forReplicate(s.seed(), StratifiedBootstrap.FAMILY_CURVES, b);
                // Draw order is C order over (run, task, checkpoint), as rliable's index array.
                int[][][] r = new int[n][m][checkpoints];
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < m; k++) {
                        for (int t = 0; t < checkpoints; t++) {
                            r[i][k][t] = random.nextInt(n);
                        }
                    }
                }
                for (int t = 0; t < checkpoints; t++) {
                    int p = 0;
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < m; k++) {
                            pooled[p++] = x[r[i][k][t]][k][t];
                        }
                    }
                    replicates[t][b] = statistic.ofPooled(pooled);
                }
            }
        });
        List<IntervalEstimate> out = new ArrayList<>();
        for (int t = 0; t < checkpoints; t++) {
            int checkpoint = t;
            double[] jackknife = s.method() == IntervalMethod.BCA
                    ? Jackknife.leaveOneRunOut(slice(x, t), rows -> new double[] {statistic.of(rows)})[0] : null;
            double[] ci = Intervals.interval(s.method(), replicates[t], points[t], s.confidence(), jackknife);
            out.add(IntervalEstimate.of(statistic.label + "@" + checkpoint, null, null, points[t], ci, s, n, m));
        }
        return out;
    }

    static double[][] slice(double[][][] x, int t) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < x[0].length; k++) {
                out[i][k] = x[i][k][t];
            }
        }
        return out;
    }
}

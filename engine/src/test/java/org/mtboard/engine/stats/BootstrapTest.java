package org.mtboard.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stratified bootstrap intervals: against a large-reps reference, theory, and thread counts. */
class BootstrapTest {
    private static ScoreMatrix randomMatrix(int runs, int tasks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[runs][tasks];
        List<String> names = new ArrayList<>();
        for (int m = 0; m < tasks; m++) {
            names.add("task" + m);
            double level = random.nextDouble();
            for (int i = 0; i < runs; i++) {
                x[i][m] = Math.min(1.0, Math.max(0.0, level + 0.3 * (random.nextDouble() - 0.5)));
            }
        }
        return new ScoreMatrix(x, names);
    }

    private static BootstrapSettings settings(int reps, long seed, int threads) {
        return new BootstrapSettings(reps, seed, IntervalMethod.PERCENTILE, 0.95, false, threads);
    }

    /**
     * 10 x 10: 20,000 replicates against a 400,000-replicate reference with another seed. Monte
     * Carlo error of a 2.5% quantile of the mean at B = 20,000 is about sqrt(.025 * .975 / B) /
     * phi(1.96) * sd = 0.019 sd, sd being the mean's bootstrap standard error; the tolerance of
     * 0.2 sd is about 10 such errors.
     */
    @Test
    void intervalsMatchALargeRepsReferenceWithinMonteCarloError() {
        ScoreMatrix scores = randomMatrix(10, 10, 3);
        List<IntervalEstimate> small = AggregateEstimates.compute(scores, 1.0, settings(20_000, 1, 2));
        List<IntervalEstimate> reference = AggregateEstimates.compute(scores, 1.0, settings(400_000, 99, 2));
        double sd = standardErrorOfMean(scores);
        for (int k = 0; k < small.size(); k++) {
            IntervalEstimate a = small.get(k);
            IntervalEstimate b = reference.get(k);
            assertEquals(b.point(), a.point(), 0.0, a.metric());
            assertEquals(b.ciLow(), a.ciLow(), 0.2 * sd + 1e-12, a.metric() + " low");
            assertEquals(b.ciHigh(), a.ciHigh(), 0.2 * sd + 1e-12, a.metric() + " high");
        }
        // The mean's bootstrap distribution is nearly normal with the plug-in standard error.
        IntervalEstimate mean = reference.get(0);
        assertEquals(mean.point() - 1.959964 * sd, mean.ciLow(), 0.1 * sd);
        assertEquals(mean.point() + 1.959964 * sd, mean.ciHigh(), 0.1 * sd);
    }

    /** sqrt(sum_m var_plugin(column m) / N) / M: the exact bootstrap sd of the mean of task means. */
    private static double standardErrorOfMean(ScoreMatrix s) {
        double total = 0;
        for (int m = 0; m < s.taskCount(); m++) {
            double mean = 0;
            for (int i = 0; i < s.runs(); i++) {
                mean += s.get(i, m);
            }
            mean /= s.runs();
            double var = 0;
            for (int i = 0; i < s.runs(); i++) {
                var += (s.get(i, m) - mean) * (s.get(i, m) - mean);
            }
            total += var / s.runs() / s.runs();
        }
        return Math.sqrt(total) / s.taskCount();
    }

    /** The fused evaluator (histogram IQM) equals the definitions applied to the resampled matrix. */
    @Test
    void fusedAggregatesEqualTheDefinitionsOnEachResample() {
        ScoreMatrix scores = randomMatrix(7, 9, 12);
        double[][] x = scores.toArray();
        StratifiedBootstrap.Evaluator evaluator = AggregateEstimates.statistic(x, 0.8).newEvaluator(7, 9);
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 200; trial++) {
            int[][] r = new int[7][9];
            int[] c = trial % 2 == 0 ? null : new int[9];
            for (int[] row : r) {
                for (int m = 0; m < 9; m++) {
                    row[m] = random.nextInt(7);
                }
            }
            double[][] sample = new double[7][9];
            if (c == null) {
                Resampling.stratified(x, r, sample);
            } else {
                for (int m = 0; m < 9; m++) {
                    c[m] = random.nextInt(9);
                }
                Resampling.stratifiedWithTasks(x, r, c, sample);
            }
            double[] fused = new double[4];
            evaluator.evaluate(x, r, c, fused);
            double[] expected = AggregateEstimates.points(sample, 0.8);
            for (int k = 0; k < 4; k++) {
                assertEquals(expected[k], fused[k], 1e-12, AggregateEstimates.METRICS.get(k) + " trial " + trial);
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalIntervalsOnAnyThreadCount() {
        ScoreMatrix scores = randomMatrix(10, 50, 4);
        List<IntervalEstimate> one = AggregateEstimates.compute(scores, 0.9, settings(3000, 7, 1));
        assertEquals(one, AggregateEstimates.compute(scores, 0.9, settings(3000, 7, Runtime.getRuntime().availableProcessors())));
        assertEquals(one, AggregateEstimates.compute(scores, 0.9, settings(3000, 7, 3)));
        assertTrue(!one.equals(AggregateEstimates.compute(scores, 0.9, settings(3000, 8, 1))), "another seed, other intervals");
    }

    @Test
    void everyRecordCarriesItsProvenance() {
        ScoreMatrix scores = randomMatrix(5, 4, 5);
        BootstrapSettings s = new BootstrapSettings(500, 11, IntervalMethod.BCA, 0.9, false, 2);
        List<IntervalEstimate> all = AggregateEstimates.compute(scores, 0.9, s);
        assertEquals(List.of("mean", "median", "iqm", "optimality_gap"), all.stream().map(IntervalEstimate::metric).toList());
        for (IntervalEstimate e : all) {
            assertEquals("bca", e.method());
            assertEquals(0.9, e.confidence());
            assertEquals(500, e.reps());
            assertEquals(11, e.seed());
            assertEquals(5, e.nRuns());
            assertEquals(4, e.nTasks());
            assertTrue(e.ciLow() <= e.ciHigh(), e.toString());
        }
        assertEquals(0.9, all.get(3).gamma());
    }

    @Test
    void taskBootstrapWidensTheIntervals() {
        ScoreMatrix scores = randomMatrix(10, 10, 6);
        IntervalEstimate runsOnly = AggregateEstimates.compute(scores, 1.0, settings(5000, 2, 2)).get(0);
        IntervalEstimate withTasks = AggregateEstimates.compute(scores, 1.0,
                new BootstrapSettings(5000, 2, IntervalMethod.PERCENTILE, 0.95, true, 2)).get(0);
        assertTrue(withTasks.ciHigh() - withTasks.ciLow() > 3 * (runsOnly.ciHigh() - runsOnly.ciLow()));
    }

    @Test
    void saturatedSuccessRatesGiveAnIqmOfExactlyOne() {
        double[][] x = new double[4][5];
        for (double[] row : x) {
            java.util.Arrays.fill(row, 1.0);
        }
        x[0][0] = 0.2;
        x[1][3] = 0.6;
        ScoreMatrix scores = new ScoreMatrix(x, List.of("a", "b", "c", "d", "e"));
        IntervalEstimate iqm = AggregateEstimates.compute(scores, 1.0, settings(2000, 1, 2)).get(2);
        assertEquals(1.0, iqm.point());
        assertEquals(1.0, iqm.ciLow());
        assertEquals(1.0, iqm.ciHigh());
    }

    @Test
    void profileBandsAreMonotoneInTau() {
        ScoreMatrix scores = randomMatrix(10, 10, 8);
        double[] taus = new double[21];
        for (int k = 0; k < taus.length; k++) {
            taus[k] = k / 20.0;
        }
        List<IntervalEstimate> profile = ProfileEstimates.compute(scores, taus, false, settings(2000, 3, 2));
        for (int k = 1; k < taus.length; k++) {
            assertTrue(profile.get(k).point() <= profile.get(k - 1).point());
            assertTrue(profile.get(k).ciLow() <= profile.get(k - 1).ciLow() + 1e-12);
            assertTrue(profile.get(k).ciHigh() <= profile.get(k - 1).ciHigh() + 1e-12);
        }
        assertEquals(0.0, profile.get(20).point(), "nothing is strictly above 1");
    }

    @Test
    void improvementIntervalAndItsRules() {
        ScoreMatrix better = randomMatrix(10, 10, 9);
        double[][] shifted = better.toArray();
        for (double[] row : shifted) {
            for (int m = 0; m < row.length; m++) {
                row[m] = row[m] * 0.5;
            }
        }
        ScoreMatrix worse = new ScoreMatrix(shifted, better.tasks());
        ImprovementEstimates.Result result = ImprovementEstimates.compute(better, worse, settings(2000, 4, 2));
        assertTrue(result.overall().point() > 0.8, result.toString());
        assertTrue(result.overall().ciLow() <= result.overall().point() && result.overall().point() <= result.overall().ciHigh());
        assertEquals(10, result.perTask().length);
        ScoreMatrix otherTasks = new ScoreMatrix(shifted, List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
        assertThrows(IllegalArgumentException.class, () -> ImprovementEstimates.compute(better, otherTasks, settings(10, 1, 1)));
        ScoreMatrix fewerRuns = new ScoreMatrix(java.util.Arrays.copyOf(shifted, 5), better.tasks());
        assertThrows(IllegalArgumentException.class, () -> ImprovementEstimates.compute(better, fewerRuns,
                new BootstrapSettings(10, 1, IntervalMethod.BCA, 0.95, false, 1)));
    }

    @Test
    void curvesHaveAnIntervalPerCheckpoint() {
        double[][][] x = new double[6][4][3];
        SplittableRandom random = new SplittableRandom(2);
        for (double[][] run : x) {
            for (double[] task : run) {
                for (int t = 0; t < 3; t++) {
                    task[t] = Math.min(1.0, 0.3 * t + 0.2 * random.nextDouble());
                }
            }
        }
        List<IntervalEstimate> curve = CurveEstimates.iqmCurve(x, settings(1000, 5, 2));
        assertEquals(3, curve.size());
        for (int t = 0; t < 3; t++) {
            assertEquals(Metrics.iqm(CurveEstimates.slice(x, t)), curve.get(t).point(), 0.0);
            assertTrue(curve.get(t).ciLow() <= curve.get(t).ciHigh());
        }
        assertTrue(curve.get(2).point() > curve.get(0).point());
        assertEquals(curve, CurveEstimates.iqmCurve(x, settings(1000, 5, 1)));
        List<IntervalEstimate> mean = CurveEstimates.meanCurve(x, settings(1000, 5, 2));
        for (int t = 0; t < 3; t++) {
            assertEquals(Metrics.mean(CurveEstimates.slice(x, t)), mean.get(t).point(), 1e-15);
            assertTrue(mean.get(t).ciLow() <= mean.get(t).point() && mean.get(t).point() <= mean.get(t).ciHigh(), "mean@" + t);
            assertEquals("mean@" + t, mean.get(t).metric());
        }
        assertEquals(mean, CurveEstimates.meanCurve(x, settings(1000, 5, 1)), "same on any thread count");
    }
}

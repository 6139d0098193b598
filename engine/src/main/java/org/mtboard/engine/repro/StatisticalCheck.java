package org.mtboard.engine.repro;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mtboard.engine.run.RunManifest;

/**
 * Whether re-runs on other seeds, or on a machine that cannot match bit for bit, come from the same
 * distribution as the original runs. The unit is the run (seed): episodes inside a run are not
 * independent draws of what a config does, seeds are.
 * <ul>
 *   <li>Decision: two permutation tests ({@link PermutationTest}) of the difference in the per-run
 *       mean over tasks, one on success rate (the board's metric), one on mean return (it moves
 *       even where no run succeeds), each at alpha/2 (Bonferroni), so a same-config re-run is
 *       refused with probability at most alpha.</li>
 *   <li>Naming: the same test per task and metric, Holm-adjusted over the tasks; a task whose
 *       adjusted p-value is below alpha disagrees. With few seeds per-task tests cannot reach
 *       that, so when the decision refuses without one, the tasks that moved most are named.</li>
 * </ul>
 */
public final class StatisticalCheck {
    public static final double DEFAULT_ALPHA = 0.05;
    public static final List<String> METRICS = List.of("success_rate", "mean_return");

    private StatisticalCheck() {
    }

    /** One permutation test of a metric's mean: the original and re-run means and the p-value. */
    public record Test(String metric, String task, int originalRuns, int rerunRuns, double originalMean, double rerunMean,
                       double p, double adjustedP, boolean rejects) {
        public double difference() {
            return rerunMean - originalMean;
        }
    }

    /**
     * @param aggregates the two deciding tests (success rate, mean return over tasks)
     * @param tasks      per task and metric, Holm-adjusted within the metric
     * @param named      the tasks the verdict names: those that disagree, else (when refused) the ones that moved most
     */
    public record Verdict(boolean reproduced, double alpha, List<Test> aggregates, List<Test> tasks, List<String> named, String summary) {
    }

    /** Re-run seeds needed beside n original ones for the check to be able to refuse at alpha. */
    public static int rerunsNeeded(int originalRuns, double alpha) {
        for (int m = 1; m <= 1000; m++) {
            if (PermutationTest.smallestP(originalRuns, m) <= alpha / METRICS.size()) {
                return m;
            }
        }
        throw new IllegalArgumentException("no seed count lets " + originalRuns + " original runs be tested at alpha " + alpha);
    }

    /** @throws IllegalArgumentException when the seed counts cannot reach alpha (the message says how many are needed) */
    public static Verdict compare(List<RunManifest> originals, List<RunManifest> reruns, double alpha) {
        int n = originals.size();
        int m = reruns.size();
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("a statistical check needs original runs and re-runs, got " + n + " and " + m);
        }
        if (PermutationTest.smallestP(n, m) > alpha / METRICS.size()) {
            throw new IllegalArgumentException("a statistical check of " + n + " original runs needs at least " + rerunsNeeded(n, alpha)
                    + " re-run seeds to be able to refuse at alpha " + alpha + " (got " + m + "); with fewer it would pass whatever the scores");
        }
        List<String> taskNames = List.copyOf(originals.get(0).perTask().keySet());
        List<Test> aggregates = new ArrayList<>();
        List<Test> tasks = new ArrayList<>();
        for (String metric : METRICS) {
            double[] a = runMeans(originals, taskNames, metric);
            double[] b = runMeans(reruns, taskNames, metric);
            double p = PermutationTest.pValue(a, b);
            double threshold = alpha / METRICS.size();
            aggregates.add(new Test(metric, null, n, m, mean(a), mean(b), p, Math.min(1.0, p * METRICS.size()), p <= threshold));
            List<Test> raw = new ArrayList<>();
            for (String task : taskNames) {
                double[] ta = taskScores(originals, task, metric);
                double[] tb = taskScores(reruns, task, metric);
                double tp = ta.length == 0 || tb.length == 0 ? 1.0 : PermutationTest.pValue(ta, tb);
                raw.add(new Test(metric, task, ta.length, tb.length, mean(ta), mean(tb), tp, tp, false));
            }
            double[] adjusted = Holm.adjust(raw.stream().mapToDouble(Test::p).toArray());
            for (int k = 0; k < raw.size(); k++) {
                Test t = raw.get(k);
                tasks.add(new Test(metric, t.task(), t.originalRuns(), t.rerunRuns(), t.originalMean(), t.rerunMean(), t.p(), adjusted[k],
                        adjusted[k] <= alpha));
            }
        }
        boolean reproduced = aggregates.stream().noneMatch(Test::rejects);
        List<String> named = new ArrayList<>();
        tasks.stream().filter(Test::rejects).map(Test::task).distinct().forEach(named::add);
        if (!reproduced && named.isEmpty()) {
            tasks.stream().filter(t -> t.metric().equals("success_rate"))
                    .sorted((x, y) -> Double.compare(Math.abs(y.difference()), Math.abs(x.difference())))
                    .limit(3).map(Test::task).forEach(named::add);
        }
        return new Verdict(reproduced, alpha, List.copyOf(aggregates), List.copyOf(tasks), List.copyOf(named),
                summary(reproduced, aggregates, tasks, named, n, m, alpha));
    }

    private static String summary(boolean reproduced, List<Test> aggregates, List<Test> tasks, List<String> named, int n, int m, double alpha) {
        StringBuilder b = new StringBuilder();
        Test success = aggregates.get(0);
        Test ret = aggregates.get(1);
        b.append(String.format(java.util.Locale.ROOT, "%d re-runs against %d original runs: mean success %.3f vs %.3f (p = %.3g), mean return %.1f vs %.1f (p = %.3g); ",
                m, n, success.rerunMean(), success.originalMean(), success.p(), ret.rerunMean(), ret.originalMean(), ret.p()));
        b.append(reproduced ? "no difference at alpha " + alpha : "differs at alpha " + alpha);
        if (!named.isEmpty()) {
            b.append(reproduced ? "; tasks that differ on their own: " : "; tasks: ");
            List<String> parts = new ArrayList<>();
            for (String task : named) {
                tasks.stream().filter(t -> t.task().equals(task) && t.metric().equals("success_rate")).findFirst().ifPresent(t ->
                        parts.add(String.format(java.util.Locale.ROOT, "%s %+.3f (%.3f -> %.3f, Holm p = %.3g)", task, t.difference(),
                                t.originalMean(), t.rerunMean(), t.adjustedP())));
            }
            b.append(String.join(", ", parts));
        }
        return b.toString();
    }

    private static double[] runMeans(List<RunManifest> runs, List<String> taskNames, String metric) {
        double[] means = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            Map<String, RunManifest.TaskScore> scores = runs.get(i).perTask();
            double sum = 0;
            for (String task : taskNames) {
                RunManifest.TaskScore s = scores.get(task);
                if (s == null) {
                    throw new IllegalArgumentException("run of seed " + runs.get(i).seed() + " has no score for task " + task);
                }
                // a task with no finished episode in the scoring window counts as 0 (the board's failed-run policy)
                double v = value(s, metric);
                sum += Double.isNaN(v) ? 0 : v;
            }
            means[i] = sum / taskNames.size();
        }
        return means;
    }

    private static double[] taskScores(List<RunManifest> runs, String task, String metric) {
        return runs.stream().map(r -> r.perTask().get(task)).filter(s -> s != null && !Double.isNaN(value(s, metric)))
                .mapToDouble(s -> value(s, metric)).toArray();
    }

    private static double value(RunManifest.TaskScore s, String metric) {
        return metric.equals("success_rate") ? s.successRate() : s.meanReturn();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}

package org.mtboard.engine.stats;

/**
 * One reported number: the statistic on the original data, its interval, and everything needed
 * to reproduce it. gamma is set for the optimality gap only, tau for profile points only.
 */
public record IntervalEstimate(String metric, Double gamma, Double tau, double point, double ciLow, double ciHigh,
                               String method, double confidence, int reps, boolean taskBootstrap, long seed,
                               int nRuns, int nTasks) {
    static IntervalEstimate of(String metric, Double gamma, Double tau, double point, double[] ci,
                               BootstrapSettings s, int nRuns, int nTasks) {
        return new IntervalEstimate(metric, gamma, tau, point, ci[0], ci[1], s.method().label(), s.confidence(), s.reps(),
                s.taskBootstrap(), s.seed(), nRuns, nTasks);
    }
}

package org.mtboard.engine.run;

/**
 * One epoch's log line. Success rates are over the episodes that ended in the epoch (NaN for
 * every task when none did: episodes last 150 steps, longer than a 32-step rollout).
 */
public record EpochRecord(int epoch, long frames, double wallSeconds, double fps, double meanSuccess, double[] taskSuccess,
                          double meanReturn, double[] taskReturn, int episodesEnded, double simSeconds, double inferenceSeconds,
                          double updateSeconds, double loss) {
    public boolean hasEpisodes() {
        return episodesEnded > 0;
    }
}

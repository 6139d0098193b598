package org.mtboard.engine.run;

/**
 * One epoch's log line. Success rates are over the episodes that ended in the epoch (NaN for a
 * task none of whose episodes did: episodes last 150 steps, longer than a 32-step rollout, and a
 * task with few envs may end none in a given epoch); meanSuccess is over the tasks that did.
 * {@code actionStd} is the policy's exploration noise after the epoch's update (mean of
 * exp(log-std) over the action dimensions): a run whose noise stays high cannot be precise.
 * {@code paramsSha} is the first hex digits of the parameters' SHA-256 after the update
 * ({@link ParameterDigest}); empty in curves written before it was recorded.
 * The epoch's time splits into simulation, copies (host/device transfers: the simulator's and the
 * networks' tensors), inference (policy sampling and the rest of the rollout) and update; copies
 * are 0 in records written before they were measured.
 */
public record EpochRecord(int epoch, long frames, double wallSeconds, double fps, double meanSuccess, double[] taskSuccess,
                          double meanReturn, double[] taskReturn, int episodesEnded, double simSeconds, double inferenceSeconds,
                          double updateSeconds, double copySeconds, double loss, double actionStd, String paramsSha) {
    public boolean hasEpisodes() {
        return episodesEnded > 0;
    }
}

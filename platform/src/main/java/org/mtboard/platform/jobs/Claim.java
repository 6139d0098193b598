package org.mtboard.platform.jobs;

/**
 * What a worker needs to run one claimed run: the config, where it runs, and the checkpoint to resume from (or null);
 * for a re-run, its reproduction request and the backend the request asked for.
 */
public record Claim(long runId, long submissionId, String purpose, int seed, String configText, String benchmark, String tier,
                    byte[] checkpoint, Integer checkpointEpoch, int attempt, Long reproductionId, String backend) {
}

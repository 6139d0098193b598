package org.mtboard.engine.run;

import java.util.List;
import java.util.Map;

/**
 * What a finished run reports. A task's score is its success rate (and mean return) averaged
 * over the last scoreEpochs epochs in which episodes of that task ended (DESIGN.md: per-run score).
 *
 * @param checksum SHA-256 over the final network parameters and these figures
 */
public record TrainResult(Map<String, double[]> perTask, double meanSuccessRate, long frames, double wallSeconds,
                          double fps, String backend, String checksum, List<EpochRecord> curve) {
}

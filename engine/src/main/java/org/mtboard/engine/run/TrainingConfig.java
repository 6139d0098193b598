package org.mtboard.engine.run;

import java.nio.file.Path;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.recipe.Tier;

/**
 * One training run: a submission on a benchmark tier with one of its seeds.
 *
 * @param checkpointEvery epochs between checkpoints (0: none)
 * @param maxEpochs       stop after this many epochs even if the budget is not spent (0: no limit);
 *                        for tests, never for a scored run
 * @param backend         the simulator backend, resolved: cpu or cuda ({@link BackendChoice})
 * @param device          where the networks live, resolved: cpu or gpu ({@link org.mtboard.engine.nn.NetworkDevice})
 */
public record TrainingConfig(Submission submission, BenchmarkDefinition benchmark, Tier tier, int seed, int threads,
                             Path outDir, int checkpointEvery, boolean resume, int maxEpochs, String backend, String device) {
    public TrainingConfig {
        if (!BackendChoice.TRAINS_ON.contains(backend)) {
            throw new IllegalArgumentException("backend must be resolved to one of " + BackendChoice.TRAINS_ON + " (BackendChoice), got '" + backend + "'");
        }
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("device must be resolved to cpu or gpu (NetworkDevice), got '" + device + "'");
        }
    }

    /** On the CPU simulator with CPU networks. */
    public TrainingConfig(Submission submission, BenchmarkDefinition benchmark, Tier tier, int seed, int threads,
                          Path outDir, int checkpointEvery, boolean resume, int maxEpochs) {
        this(submission, benchmark, tier, seed, threads, outDir, checkpointEvery, resume, maxEpochs, "cpu", "cpu");
    }

    public int numEnvs() {
        return RunSpec.numEnvs(tier, submission);
    }

    public int horizon() {
        return submission.hyperparameters().horizon();
    }

    public long framesPerEpoch() {
        return (long) numEnvs() * horizon();
    }

    /** Epochs needed to spend the tier's frame budget. */
    public int epochs() {
        long e = (tier.frames() + framesPerEpoch() - 1) / framesPerEpoch();
        return (int) (maxEpochs > 0 ? Math.min(e, maxEpochs) : e);
    }
}

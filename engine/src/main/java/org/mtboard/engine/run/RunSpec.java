package org.mtboard.engine.run;

import java.util.List;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.recipe.Tier;

/**
 * What one scored run is: a submission on a benchmark tier with one of that tier's frozen seeds.
 * The seed rule lives here so the CLI and the service enforce the same one: a submission never
 * chooses its seeds or budget.
 */
public record RunSpec(Submission submission, BenchmarkDefinition benchmark, Tier tier, int seed) {
    public RunSpec {
        if (!tier.seeds().contains(seed)) {
            throw new ConfigException(List.of(new ConfigException.Problem("seed",
                    "must be one of the " + tier.name() + " tier's frozen seeds " + tier.seeds() + "; got " + seed, "one of " + tier.seeds())));
        }
    }

    /** The tier's env count where it fixes one (small-machine tiers), else the submission's. */
    public static int numEnvs(Tier tier, Submission submission) {
        return tier.numEnvs() > 0 ? tier.numEnvs() : submission.hyperparameters().numEnvs();
    }

    public int numEnvs() {
        return numEnvs(tier, submission);
    }
}

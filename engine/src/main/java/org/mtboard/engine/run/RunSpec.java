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

    /**
     * A reproduction run: the tier's budget and env count on any seed, frozen or not. A statistical
     * re-run uses seeds the entry was not scored on; such a run is compared, never ranked.
     */
    public static RunSpec reproduction(Submission submission, BenchmarkDefinition benchmark, Tier tier, int seed) {
        if (seed < 0) {
            throw new ConfigException(List.of(new ConfigException.Problem("seed", "must be at least 0; got " + seed, "0 or more")));
        }
        if (tier.seeds().contains(seed)) {
            return new RunSpec(submission, benchmark, tier, seed);
        }
        List<Integer> seeds = new java.util.ArrayList<>(tier.seeds());
        seeds.add(seed);
        return new RunSpec(submission, benchmark, new Tier(tier.name(), List.copyOf(seeds), tier.frames(), tier.numEnvs()), seed);
    }

    /** The tier's env count where it fixes one (small-machine tiers), else the submission's. */
    public static int numEnvs(Tier tier, Submission submission) {
        return tier.numEnvs() > 0 ? tier.numEnvs() : submission.hyperparameters().numEnvs();
    }

    public int numEnvs() {
        return numEnvs(tier, submission);
    }
}

package org.mtboard.engine.recipe;

import java.util.List;

/**
 * A benchmark tier: its frozen seeds and frame budget, and (for tiers that must run on small
 * machines) the env count that replaces the submission's.
 *
 * @param numEnvs 0 to keep the submission's num_envs
 */
public record Tier(String name, List<Integer> seeds, long frames, int numEnvs) {
}

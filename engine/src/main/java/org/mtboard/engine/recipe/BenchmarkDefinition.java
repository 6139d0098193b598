package org.mtboard.engine.recipe;

import java.util.List;
import java.util.Map;

/**
 * A benchmark (of the protocol version Protocol.VERSION): the task suite and its variant, the episode length, how a run is
 * scored (success rate averaged over the last scoreEpochs epochs), and its tiers.
 */
public record BenchmarkDefinition(String name, int protocolVersion, String suite, String variant, int episodeLength,
                                  int scoreEpochs, Map<String, Tier> tiers) {
    /** Tier names and their seed counts (DESIGN.md). */
    public static final Map<String, Integer> TIER_SEEDS = Map.of("smoke", 3, "standard", 5, "official", 10);
    public static final List<String> TIER_NAMES = List.of("smoke", "standard", "official");

    /** The tiers this benchmark defines, in TIER_NAMES order (the keySet of Map.copyOf has none that holds from one run to the next). */
    public List<String> tierNames() {
        return TIER_NAMES.stream().filter(tiers::containsKey).toList();
    }

    public Tier tier(String tierName) {
        Tier tier = tiers.get(tierName);
        if (tier == null) {
            String oneOf = "one of " + String.join(", ", tierNames());
            throw new ConfigException(List.of(new ConfigException.Problem("tier", "must be " + oneOf + "; got '" + tierName + "'", oneOf)));
        }
        return tier;
    }
}

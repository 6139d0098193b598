package org.mtboard.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankTiersTest {
    private static IntervalEstimate e(double point, double low, double high) {
        return new IntervalEstimate("mean", null, null, point, low, high, "percentile", 0.95, 100, false, 1, 10, 10);
    }

    @Test
    void overlappingIntervalsShareATierAnchoredOnItsBestEntry() {
        List<String> names = List.of("b", "a", "c", "d");
        // a [0.80, 0.90] leads; b [0.70, 0.82] overlaps a; c [0.60, 0.75] overlaps b but not a: new tier.
        List<IntervalEstimate> estimates = List.of(e(0.76, 0.70, 0.82), e(0.85, 0.80, 0.90), e(0.68, 0.60, 0.75), e(0.66, 0.50, 0.74));
        List<RankTiers.Ranked> ranked = RankTiers.assign(names, estimates, true);
        assertEquals(List.of("a", "b", "c", "d"), ranked.stream().map(RankTiers.Ranked::name).toList());
        assertEquals(List.of(1, 1, 2, 2), ranked.stream().map(RankTiers.Ranked::tier).toList());
        assertEquals(List.of(1, 2, 3, 4), ranked.stream().map(RankTiers.Ranked::position).toList());
    }

    @Test
    void lowerIsBetterForTheOptimalityGap() {
        List<RankTiers.Ranked> ranked = RankTiers.assign(List.of("x", "y"), List.of(e(0.3, 0.25, 0.35), e(0.1, 0.05, 0.15)), false);
        assertEquals("y", ranked.get(0).name());
        assertEquals(2, ranked.get(1).tier());
    }
}

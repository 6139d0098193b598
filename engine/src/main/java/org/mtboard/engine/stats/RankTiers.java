package org.mtboard.engine.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups leaderboard entries into rank tiers on one metric: entries are ordered by their point
 * estimate (best first); an entry joins the current tier when its interval overlaps the interval
 * of the tier's first (best) entry, else it opens the next tier. Anchoring on the tier's best
 * entry keeps tiers from chaining through a series of slightly overlapping neighbours.
 */
public final class RankTiers {
    /** One ranked entry: its position (1-based), tier (1-based) and estimate. */
    public record Ranked(String name, int position, int tier, IntervalEstimate estimate) {
    }

    private RankTiers() {
    }

    /**
     * @param higherIsBetter true for mean, median, IQM; false for the optimality gap
     */
    public static List<Ranked> assign(List<String> names, List<IntervalEstimate> estimates, boolean higherIsBetter) {
        if (names.size() != estimates.size()) {
            throw new IllegalArgumentException("one name per estimate is needed");
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            order.add(k);
        }
        Comparator<Integer> byPoint = Comparator.comparingDouble(k -> estimates.get(k).point());
        order.sort((higherIsBetter ? byPoint.reversed() : byPoint).thenComparing(names::get));
        List<Ranked> out = new ArrayList<>();
        int tier = 0;
        IntervalEstimate leader = null;
        for (int position = 0; position < order.size(); position++) {
            IntervalEstimate e = estimates.get(order.get(position));
            if (leader == null || !overlap(leader, e)) {
                tier++;
                leader = e;
            }
            out.add(new Ranked(names.get(order.get(position)), position + 1, tier, e));
        }
        return out;
    }

    static boolean overlap(IntervalEstimate a, IntervalEstimate b) {
        return a.ciLow() <= b.ciHigh() && b.ciLow() <= a.ciHigh();
    }
}

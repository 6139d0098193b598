package org.mtboard.engine.repro;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtboard.engine.run.RunManifest;

/**
 * The outcome of re-running an entry: bit-exact where {@link BitExactRule} says the re-runs must
 * match the originals bit for bit, statistical ({@link StatisticalCheck}) otherwise. The CLI's
 * `reproduce check` and the service's reproductions both come here, so a badge means the same
 * wherever it was earned.
 *
 * @param seeds      per re-run seed: its checksum beside the original's, where the seed has one
 * @param statistics the statistical comparison (null in bit-exact mode)
 */
public record ReproductionVerdict(Outcome outcome, String mode, String reason, List<SeedMatch> seeds, StatisticalCheck.Verdict statistics,
                                  String summary) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a check concluded; {@link #label} is the badge's text. */
    public enum Outcome {
        REPRODUCED_BIT_EXACT("reproduced bit-exact"),
        REPRODUCED_STATISTICALLY("reproduced statistically"),
        NOT_REPRODUCED("not reproduced");

        public final String label;

        Outcome(String label) {
            this.label = label;
        }

        public boolean reproduced() {
            return this != NOT_REPRODUCED;
        }
    }

    /** @param originalChecksum null when the seed is not one of the original runs */
    public record SeedMatch(int seed, String originalChecksum, String rerunChecksum, boolean identical, double originalMean, double rerunMean) {
    }

    /** Judges re-runs against the original runs of the same entry. */
    public static ReproductionVerdict judge(List<RunManifest> originals, List<RunManifest> reruns, double alpha) {
        if (originals.isEmpty() || reruns.isEmpty()) {
            throw new IllegalArgumentException("a reproduction needs original runs and re-runs, got " + originals.size() + " and " + reruns.size());
        }
        Map<Integer, RunManifest> bySeed = new LinkedHashMap<>();
        originals.forEach(o -> bySeed.put(o.seed(), o));
        List<SeedMatch> seeds = new ArrayList<>();
        String whyNot = null;
        String why = null;
        for (RunManifest r : reruns) {
            RunManifest o = bySeed.get(r.seed());
            if (o == null) {
                seeds.add(new SeedMatch(r.seed(), null, r.checksum(), false, Double.NaN, r.meanSuccessRate()));
                whyNot = whyNot != null ? whyNot : "seed " + r.seed() + " is not one of the original seeds " + bySeed.keySet();
                continue;
            }
            seeds.add(new SeedMatch(r.seed(), o.checksum(), r.checksum(), o.checksum().equals(r.checksum()), o.meanSuccessRate(), r.meanSuccessRate()));
            BitExactRule.Expectation e = BitExactRule.expect(o, r);
            if (!e.bitExact()) {
                whyNot = whyNot != null ? whyNot : e.reason();
            } else if (why == null) {
                why = e.reason();
            }
        }
        if (whyNot == null) {
            List<SeedMatch> differing = seeds.stream().filter(s -> !s.identical()).toList();
            if (differing.isEmpty()) {
                return new ReproductionVerdict(Outcome.REPRODUCED_BIT_EXACT, "bit-exact", why, List.copyOf(seeds), null,
                        "all " + seeds.size() + " re-run seeds match their original checksums");
            }
            List<String> parts = new ArrayList<>();
            for (SeedMatch s : differing) {
                parts.add(String.format(java.util.Locale.ROOT, "seed %d: checksum %s, expected %s (mean success %.3f, original %.3f)", s.seed(),
                        s.rerunChecksum().substring(0, 12), s.originalChecksum().substring(0, 12), s.rerunMean(), s.originalMean()));
            }
            return new ReproductionVerdict(Outcome.NOT_REPRODUCED, "bit-exact", why, List.copyOf(seeds), null,
                    differing.size() + " of " + seeds.size() + " re-run seeds differ from runs that should match bit for bit: " + String.join("; ", parts));
        }
        StatisticalCheck.Verdict stats = StatisticalCheck.compare(originals, reruns, alpha);
        return new ReproductionVerdict(stats.reproduced() ? Outcome.REPRODUCED_STATISTICALLY : Outcome.NOT_REPRODUCED, "statistical", whyNot,
                List.copyOf(seeds), stats, stats.summary());
    }

    public ObjectNode toJsonNode() {
        ObjectNode o = JSON.createObjectNode();
        o.put("outcome", outcome.label).put("reproduced", outcome.reproduced()).put("mode", mode).put("reason", reason).put("summary", summary);
        ArrayNode seedArray = o.putArray("seeds");
        for (SeedMatch s : seeds) {
            ObjectNode n = seedArray.addObject().put("seed", s.seed()).put("original_checksum", s.originalChecksum())
                    .put("rerun_checksum", s.rerunChecksum()).put("identical", s.identical()).put("rerun_mean_success_rate", s.rerunMean());
            if (!Double.isNaN(s.originalMean())) {
                n.put("original_mean_success_rate", s.originalMean());
            }
        }
        if (statistics != null) {
            ObjectNode st = o.putObject("statistics").put("alpha", statistics.alpha()).put("reproduced", statistics.reproduced());
            ArrayNode agg = st.putArray("aggregates");
            statistics.aggregates().forEach(t -> put(agg.addObject(), t));
            ArrayNode tasks = st.putArray("tasks");
            statistics.tasks().forEach(t -> put(tasks.addObject(), t));
            ArrayNode named = st.putArray("named_tasks");
            statistics.named().forEach(named::add);
        }
        return o;
    }

    public String toJson() {
        return toJsonNode().toString();
    }

    private static void put(ObjectNode n, StatisticalCheck.Test t) {
        n.put("metric", t.metric());
        if (t.task() != null) {
            n.put("task", t.task());
        }
        n.put("original_runs", t.originalRuns()).put("rerun_runs", t.rerunRuns()).put("original_mean", t.originalMean())
                .put("rerun_mean", t.rerunMean()).put("difference", t.difference()).put("p", t.p()).put("adjusted_p", t.adjustedP())
                .put("rejects", t.rejects());
    }
}

package org.mtboard.engine.repro;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.run.NetworkPlacement;
import org.mtboard.engine.run.RunManifest;

/**
 * Decides, before anything trains, how re-runs of an entry will be judged: bit-exact when
 * {@link BitExactRule} expects every requested seed to match its original on the machine that will
 * re-run it, statistical otherwise ({@link StatisticalCheck}). A statistical plan with fewer re-run
 * seeds than the check needs to be able to fail is refused, with the reason, so a request is never
 * accepted that would end hours later without a verdict. The CLI's `reproduce check` and the
 * service's reproduction requests both plan here; {@link BitExactRule} stays the per-seed rule and
 * this is the only place that combines seeds and decides the mode.
 */
public final class ReproductionPlanner {
    private ReproductionPlanner() {
    }

    /**
     * The machine that will re-run the seeds, as {@link BitExactRule} compares it with an original.
     *
     * @param backend  the simulator backend (cpu or cuda)
     * @param numerics libtorch's CPU numerics of the process that trains
     * @param networks where the networks train (CPU or GPU, libtorch build, GPU settings)
     * @param threads  the simulation threads
     */
    public record RerunMachine(String backend, CpuNumerics.Settings numerics, NetworkPlacement networks, int threads) {
        public RerunMachine {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(numerics, "numerics");
            Objects.requireNonNull(networks, "networks");
        }

        /** This process, training on the given backend, device (cpu or gpu, resolved) and threads; loads libtorch. */
        public static RerunMachine here(String backend, String device, int threads) {
            return new RerunMachine(backend, CpuNumerics.current(), NetworkPlacement.of(device), threads);
        }
    }

    /**
     * How re-runs will be judged.
     *
     * @param seeds        the seeds to re-run, in the order asked
     * @param bitExact     whether every re-run must match its original bit for bit
     * @param reason       why bit-exact, or why statistical (with the seeds it concerns)
     * @param expectations per requested seed that is one of the originals, {@link BitExactRule}'s expectation
     * @param originalRuns how many original runs the re-runs are compared with
     * @param seedsNeeded  in statistical mode the fewest re-run seeds that let the check fail at alpha (-1 when no count
     *                     does); 0 in bit-exact mode
     * @param refusal      null when the plan can be carried out, else why it cannot be judged and what it would need
     *                     (the seeds field's problem)
     */
    public record Plan(List<Integer> seeds, RerunMachine machine, double alpha, boolean bitExact, String reason,
                       Map<Integer, BitExactRule.Expectation> expectations, int originalRuns, int seedsNeeded, String refusal) {
        public Plan {
            seeds = List.copyOf(seeds);
            expectations = Collections.unmodifiableMap(new LinkedHashMap<>(expectations));
        }

        /** "bit-exact" or "statistical", as {@link ReproductionVerdict#mode()} says it. */
        public String mode() {
            return bitExact ? "bit-exact" : "statistical";
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * Plans re-runs of the given seeds on the given machine.
     *
     * @param originals the original runs by seed (what the re-runs will be judged against)
     * @param seeds     the seeds to re-run, distinct
     * @param alpha     the statistical check's false-alarm rate, in (0, 1)
     * @throws IllegalArgumentException when there are no originals or no seeds, a seed is named twice, or alpha is out of range
     */
    public static Plan plan(Map<Integer, RunManifest> originals, List<Integer> seeds, double alpha, RerunMachine machine) {
        if (originals.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("a reproduction needs original runs and seeds to re-run, got " + originals.size()
                    + " and " + seeds.size());
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1 (exclusive), got " + alpha);
        }
        if (new java.util.HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("the seeds to re-run name a seed twice: " + seeds);
        }
        Map<Integer, BitExactRule.Expectation> expectations = new LinkedHashMap<>();
        List<Integer> others = new ArrayList<>();
        for (int seed : seeds) {
            RunManifest original = originals.get(seed);
            if (original == null) {
                others.add(seed);
            } else {
                expectations.put(seed, BitExactRule.expect(original, machine.backend(), machine.numerics(), machine.networks(),
                        machine.threads()));
            }
        }
        // Each reason statistical, once, with the seeds it concerns (seeds of one original machine share theirs).
        Map<String, List<Integer>> statistical = new LinkedHashMap<>();
        expectations.forEach((seed, e) -> {
            if (!e.bitExact()) {
                statistical.computeIfAbsent(e.reason(), r -> new ArrayList<>()).add(seed);
            }
        });
        if (statistical.isEmpty() && others.isEmpty()) {
            return new Plan(seeds, machine, alpha, true, expectations.values().iterator().next().reason(), expectations,
                    originals.size(), 0, null);
        }
        List<String> why = new ArrayList<>();
        statistical.forEach((r, concerned) -> why.add(seedsText(concerned) + ": " + r));
        if (!others.isEmpty()) {
            why.add(seedsText(others) + (others.size() == 1 ? " is" : " are") + " not among the original seeds " + originals.keySet());
        }
        String reason = String.join("; ", why);
        int needed;
        try {
            needed = StatisticalCheck.rerunsNeeded(originals.size(), alpha);
        } catch (IllegalArgumentException e) {
            return new Plan(seeds, machine, alpha, false, reason, expectations, originals.size(), -1,
                    "this check is statistical (" + reason + "), and " + e.getMessage());
        }
        String refusal = seeds.size() >= needed ? null : "this check is statistical (" + reason + "), and against " + originals.size()
                + " original runs it needs at least " + needed + " re-run seeds to be able to fail at alpha " + alpha + " (got " + seeds.size() + ")";
        return new Plan(seeds, machine, alpha, false, reason, expectations, originals.size(), needed, refusal);
    }

    private static String seedsText(List<Integer> seeds) {
        return seeds.size() == 1 ? "seed " + seeds.get(0) : "seeds " + seeds;
    }
}

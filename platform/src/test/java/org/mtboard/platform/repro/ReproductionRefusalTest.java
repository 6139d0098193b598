package org.mtboard.platform.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.repro.ReproductionPlanner;
import org.mtboard.engine.run.NetworkPlacement;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.platform.store.RunRecord;

/**
 * What this service's CPU workers can judge, planned by the engine's ReproductionPlanner on the workers' machine (this
 * process's numerics and libtorch, CPU networks), and what a refused request is told; without a database.
 */
class ReproductionRefusalTest {
    private final ReproductionService service = new ReproductionService(null, null, null, null, 1);

    private static RunRecord original(int seed, boolean pinned, NetworkPlacement networks) {
        CpuNumerics.Settings numerics = pinned ? new CpuNumerics.Settings(true, CpuNumerics.PINNED, "Intel Xeon", "avx512", 2)
                : new CpuNumerics.Settings(false, Map.of(), "Intel Xeon", "unknown", 0);
        RunRecord r = new RunRecord();
        r.resultJson = new RunManifest("MT-PPO", "mt-ppo", "mt10-rand", 2, "standard", seed,
                Map.of("reach-v2", new RunManifest.TaskScore(0.9, 100)), 0.9, 100_000_000L, 356, 280_000, "cuda", "Intel Xeon", 16,
                4096, false, "0.1.0", "ab".repeat(32), "cd".repeat(32), numerics, networks).toJson();
        return r;
    }

    private static Map<Integer, RunRecord> originals(boolean pinned, NetworkPlacement networks, int... seeds) {
        Map<Integer, RunRecord> m = new LinkedHashMap<>();
        for (int s : seeds) {
            m.put(s, original(s, pinned, networks));
        }
        return m;
    }

    private ReproductionService.Unjudgeable refusal(List<Integer> seeds, Map<Integer, RunRecord> originals) {
        return ReproductionService.unjudgeable(service.plan(seeds, "cpu", originals), service.plan(List.copyOf(originals.keySet()), "cpu", originals));
    }

    @Test
    void pinnedCpuOriginalsAreBitExactOnTheWorkersWhateverTheirSimulator() {
        ReproductionPlanner.Plan p = service.plan(List.of(201), "cpu", originals(true, NetworkPlacement.UNRECORDED, 201));
        assertTrue(p.bitExact(), p.reason());
        assertEquals("cpu", p.machine().networks().device());
        assertNull(ReproductionService.unjudgeable(p, p));
    }

    @Test
    void gpuNetworkOriginalsAreStatisticalOnCpuWorkersAndOneOriginalRunNeedsMoreSeedsThanARequestMayAskFor() {
        NetworkPlacement h200 = new NetworkPlacement("gpu", "NVIDIA H200", "PyTorch", "0.36.0", "2.11.0", "cu130", Map.of());
        ReproductionService.Unjudgeable u = refusal(List.of(201), originals(true, h200, 201));
        assertTrue(u.why().startsWith("this check is statistical (seed 201: the original trained its networks on the gpu, the re-run on the cpu"),
                u.why());
        assertTrue(u.why().endsWith("needs at least 39 re-run seeds to be able to fail at alpha 0.05 (got 1); a request may ask for at most 20"),
                u.why());
        assertEquals("none: this service's workers cannot judge re-runs of this entry", u.allowed());
    }

    @Test
    void originalsTrainedBeforeThePinsAreStatisticalOnPinnedWorkers() {
        ReproductionService.Unjudgeable u = refusal(List.of(11, 12, 13), originals(false, NetworkPlacement.UNRECORDED, 11, 12, 13));
        assertTrue(u.why().contains("seeds [11, 12, 13]: the original ran with libtorch's CPU numerics unpinned"), u.why());
        assertTrue(u.why().contains("needs at least 5 re-run seeds"), u.why());
        assertEquals("at least 5 seeds (at most 20)", u.allowed(), "the entry's own seeds are no way out");
    }

    @Test
    void originalsOfAnotherLibtorchBuildAreStatisticalOnTheWorkers() {
        NetworkPlacement other = new NetworkPlacement("cpu", null, "PyTorch", "0.1.0", "1.0.0-other", "cpu", Map.of());
        ReproductionService.Unjudgeable u = refusal(List.of(11, 12, 13), originals(true, other, 11, 12, 13));
        assertTrue(u.why().contains("the runs used different libtorch builds (1.0.0-other then, "), u.why());
    }

    @Test
    void otherSeedsAreStatisticalAndTheEntrysOwnAreOfferedWhereThoseAreBitExact() {
        Map<Integer, RunRecord> three = originals(true, NetworkPlacement.UNRECORDED, 11, 12, 13);
        ReproductionService.Unjudgeable u = refusal(List.of(101, 102), three);
        assertEquals("this check is statistical (seeds [101, 102] are not among the original seeds [11, 12, 13]), and against 3 original"
                + " runs it needs at least 5 re-run seeds to be able to fail at alpha 0.05 (got 2)", u.why());
        assertEquals("at least 5 seeds (at most 20), or only the entry's own seeds [11, 12, 13]", u.allowed());
        assertNull(refusal(List.of(1, 2, 3, 4, 5), three), "5 other seeds: a statistical check that can fail");
        assertFalse(service.plan(List.of(1, 2, 3, 4, 5), "cpu", three).bitExact());
        ReproductionService.Unjudgeable one = refusal(List.of(7), originals(true, NetworkPlacement.UNRECORDED, 201));
        assertEquals("only the entry's own seeds [201]", one.allowed(), one.why());
    }
}

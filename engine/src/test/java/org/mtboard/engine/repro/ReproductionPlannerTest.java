package org.mtboard.engine.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.nn.PortableMath;
import org.mtboard.engine.repro.ReproductionPlanner.Plan;
import org.mtboard.engine.repro.ReproductionPlanner.RerunMachine;
import org.mtboard.engine.run.NetworkPlacement;
import org.mtboard.engine.run.RunManifest;

/** One test per reason the planner gives, on manifests built as ReproductionVerdictTest builds them. */
class ReproductionPlannerTest {
    private static final CpuNumerics.Settings PINNED_INTEL = new CpuNumerics.Settings(true, CpuNumerics.PINNED, "Intel Xeon", "avx512", 2);
    private static final CpuNumerics.Settings PINNED_AMD = new CpuNumerics.Settings(true, CpuNumerics.PINNED, "AMD EPYC", "avx2", 2);
    private static final CpuNumerics.Settings UNPINNED_AMD = new CpuNumerics.Settings(false, Map.of(), "AMD EPYC", "avx2", 0);
    private static final CpuNumerics.Settings UNPINNED_INTEL = new CpuNumerics.Settings(false, Map.of(), "Intel Xeon", "avx512", 0);
    private static final NetworkPlacement CPU_271 = new NetworkPlacement("cpu", null, "PyTorch", "0.36.0", "2.7.1", "cpu", Map.of());
    private static final NetworkPlacement CPU_211 = new NetworkPlacement("cpu", null, "PyTorch", "0.36.0", "2.11.0", "cu130", Map.of());
    private static final NetworkPlacement H200 = new NetworkPlacement("gpu", "NVIDIA H200", "PyTorch", "0.36.0", "2.11.0", "cu130",
            Map.of("CUBLAS_WORKSPACE_CONFIG", ":4096:8"));
    private static final NetworkPlacement A100 = new NetworkPlacement("gpu", "NVIDIA A100-SXM4-80GB", "PyTorch", "0.36.0", "2.11.0",
            "cu130", Map.of("CUBLAS_WORKSPACE_CONFIG", ":4096:8"));
    private static final List<Integer> OWN = List.of(101, 102, 103);

    private static RunManifest run(int seed, String backend, CpuNumerics.Settings numerics, NetworkPlacement networks, int threads) {
        Map<String, RunManifest.TaskScore> perTask = new LinkedHashMap<>();
        perTask.put("reach-v2", new RunManifest.TaskScore(0.8, 80));
        perTask.put("push-v2", new RunManifest.TaskScore(0.4, 40));
        return new RunManifest("MT-PPO", "mt-ppo", "mt10-rand", 2, "smoke", seed, perTask, 0.6, 15_000_000L, 600, 25_000, backend,
                numerics.cpuModel(), threads, 256, false, "0.1.0", "ab".repeat(32), Integer.toString(seed).repeat(8), numerics, networks);
    }

    /** Seeds 101, 102, 103, trained on the cpu backend with CPU networks on libtorch 2.7.1 and 2 threads. */
    private static Map<Integer, RunManifest> originals(CpuNumerics.Settings numerics, NetworkPlacement networks) {
        Map<Integer, RunManifest> m = new LinkedHashMap<>();
        OWN.forEach(s -> m.put(s, run(s, "cpu", numerics, networks, 2)));
        return m;
    }

    private static Plan plan(Map<Integer, RunManifest> originals, List<Integer> seeds, RerunMachine machine) {
        return ReproductionPlanner.plan(originals, seeds, 0.05, machine);
    }

    private static void assertStatisticalAndRefused(Plan p, String... reasonParts) {
        assertFalse(p.bitExact(), p.reason());
        assertEquals("statistical", p.mode());
        for (String part : reasonParts) {
            assertTrue(p.reason().contains(part), "'" + part + "' in: " + p.reason());
        }
        assertTrue(p.refused(), "3 re-runs beside 3 originals can never fail a statistical check");
        assertTrue(p.refusal().contains(p.reason()) && p.refusal().contains("at least 5"), p.refusal());
    }

    @Test
    void bitExactWhenBothPinTheSameWayOnAnyCpuWithAvx2() {
        Plan p = plan(originals(PINNED_AMD, CPU_271), OWN, new RerunMachine("cpu", PINNED_INTEL, CPU_271, 16));
        assertTrue(p.bitExact(), p.reason());
        assertEquals("bit-exact", p.mode());
        assertTrue(p.reason().startsWith("both runs pin libtorch's CPU numerics the same way"), p.reason());
        assertTrue(p.reason().contains("AMD EPYC then, Intel Xeon now"), p.reason());
        assertNull(p.refusal());
        assertFalse(p.refused());
        assertEquals(0, p.seedsNeeded());
        assertEquals(OWN, List.copyOf(p.expectations().keySet()));
    }

    @Test
    void bitExactOnTheOtherSimulatorBackend() {
        Plan p = plan(originals(PINNED_AMD, CPU_271), List.of(102), new RerunMachine("cuda", PINNED_INTEL, CPU_271, 2));
        assertTrue(p.bitExact(), p.reason());
        assertTrue(p.reason().endsWith("the cpu and cuda simulators step the same bits"), p.reason());
    }

    @Test
    void statisticalWhenThePinsDiffer() {
        Map<String, String> otherPins = new LinkedHashMap<>(CpuNumerics.PINNED);
        otherPins.put("MKL_CBWR", "AUTO");
        CpuNumerics.Settings other = new CpuNumerics.Settings(true, otherPins, "Intel Xeon", "avx512", 2);
        assertStatisticalAndRefused(plan(originals(PINNED_AMD, CPU_271), OWN, new RerunMachine("cpu", other, CPU_271, 2)),
                "seeds [101, 102, 103]: both runs pin libtorch's CPU numerics, but differently");
    }

    @Test
    void statisticalWhenTheOriginalsComputedTheirMathsInOneMklsVectorMaths() {
        // pinned results written before PortableMath: their sqrt followed their CPU vendor
        CpuNumerics.Settings vml = new CpuNumerics.Settings(true, CpuNumerics.PINNED, "Intel(R) Xeon(R) Processor", "avx512", 2,
                PortableMath.SOURCE_BEFORE);
        assertStatisticalAndRefused(plan(originals(vml, CPU_271), OWN, new RerunMachine("cpu", PINNED_AMD, CPU_271, 2)),
                "seeds [101, 102, 103]: the original computed the networks' exp, tanh and sqrt in oneMKL's vector maths");
    }

    @Test
    void statisticalWhenTheRerunIsUnpinned() {
        assertStatisticalAndRefused(plan(originals(PINNED_AMD, CPU_271), OWN, new RerunMachine("cpu", UNPINNED_INTEL, CPU_271, 2)),
                "the re-run ran with libtorch's CPU numerics unpinned", "(Intel Xeon)");
    }

    @Test
    void statisticalWhenTheOriginalIsUnpinnedAsResultsWrittenBeforePinningAre() {
        // the service's old rule "trained before libtorch's CPU numerics were pinned", now BitExactRule's
        assertStatisticalAndRefused(plan(originals(UNPINNED_AMD, NetworkPlacement.UNRECORDED), OWN,
                new RerunMachine("cpu", PINNED_INTEL, CPU_271, 2)),
                "seeds [101, 102, 103]: the original ran with libtorch's CPU numerics unpinned", "(AMD EPYC)",
                "results written before pinning (engine 0.1.0)");
    }

    @Test
    void bitExactWhenNeitherPinsOnTheSameCpuAndThreads() {
        Plan p = plan(originals(UNPINNED_AMD, CPU_271), OWN, new RerunMachine("cpu", UNPINNED_AMD, CPU_271, 2));
        assertTrue(p.bitExact(), p.reason());
        assertTrue(p.reason().startsWith("same CPU model (AMD EPYC) and threads (2)"), p.reason());
    }

    @Test
    void statisticalWhenNeitherPinsAndTheCpusDiffer() {
        assertStatisticalAndRefused(plan(originals(UNPINNED_AMD, CPU_271), OWN, new RerunMachine("cpu", UNPINNED_INTEL, CPU_271, 2)),
                "neither run pins libtorch's CPU numerics and the CPUs differ (AMD EPYC then, Intel Xeon now)");
    }

    @Test
    void statisticalWhenNeitherPinsAndTheThreadsDiffer() {
        assertStatisticalAndRefused(plan(originals(UNPINNED_AMD, CPU_271), OWN, new RerunMachine("cpu", UNPINNED_AMD, CPU_271, 4)),
                "neither run pins libtorch's CPU numerics and the thread counts differ (2 then, 4 now)");
    }

    @Test
    void statisticalOnAnotherLibtorchBuild() {
        assertStatisticalAndRefused(plan(originals(PINNED_AMD, CPU_271), OWN, new RerunMachine("cpu", PINNED_INTEL, CPU_211, 2)),
                "the runs used different libtorch builds (2.7.1 then, 2.11.0 now)");
        assertTrue(plan(originals(PINNED_AMD, NetworkPlacement.UNRECORDED), OWN, new RerunMachine("cpu", PINNED_INTEL, CPU_211, 2)).bitExact(),
                "an original that did not record its libtorch is not held against it");
    }

    @Test
    void statisticalOnACpuWithoutAvx2() {
        CpuNumerics.Settings noAvx2 = new CpuNumerics.Settings(true, CpuNumerics.PINNED, "Intel Atom", "default", 2);
        assertStatisticalAndRefused(plan(originals(PINNED_AMD, CPU_271), OWN, new RerunMachine("cpu", noAvx2, CPU_271, 2)),
                "this CPU (Intel Atom) has no AVX2, which the pinned kernels need");
    }

    @Test
    void statisticalWhenGpuNetworkOriginalsAreRerunOnCpuNetworks() {
        // the service's case: its workers train the networks on the CPU
        Map<Integer, RunManifest> onGpu = new LinkedHashMap<>();
        OWN.forEach(s -> onGpu.put(s, run(s, "cuda", PINNED_INTEL, H200, 16)));
        assertStatisticalAndRefused(plan(onGpu, OWN, new RerunMachine("cpu", PINNED_INTEL, CPU_211, 2)),
                "seeds [101, 102, 103]: the original trained its networks on the gpu, the re-run on the cpu");
        assertTrue(plan(onGpu, OWN, new RerunMachine("cuda", PINNED_INTEL, H200, 16)).bitExact(), "same GPU, libtorch and cuBLAS settings");
    }

    @Test
    void statisticalOnAnotherGpuModel() {
        Map<Integer, RunManifest> onGpu = new LinkedHashMap<>();
        OWN.forEach(s -> onGpu.put(s, run(s, "cuda", PINNED_INTEL, H200, 16)));
        assertStatisticalAndRefused(plan(onGpu, OWN, new RerunMachine("cuda", PINNED_INTEL, A100, 16)),
                "GPU networks give the same bits only on the same GPU model", "NVIDIA H200", "NVIDIA A100");
    }

    @Test
    void statisticalForSeedsNotAmongTheOriginals() {
        Plan p = plan(originals(PINNED_AMD, CPU_271), List.of(7, 8), new RerunMachine("cpu", PINNED_INTEL, CPU_271, 2));
        assertStatisticalAndRefused(p, "seeds [7, 8] are not among the original seeds [101, 102, 103]");
        assertEquals(p.reason(), "seeds [7, 8] are not among the original seeds [101, 102, 103]");
        assertTrue(p.expectations().isEmpty());
        Plan one = plan(originals(PINNED_AMD, CPU_271), List.of(101, 7), new RerunMachine("cpu", PINNED_INTEL, CPU_271, 2));
        assertEquals("seed 7 is not among the original seeds [101, 102, 103]", one.reason(), "seed 101 alone would be bit-exact");
    }

    @Test
    void everyReasonIsNamedWithItsSeeds() {
        Map<Integer, RunManifest> mixed = new LinkedHashMap<>();
        mixed.put(101, run(101, "cpu", PINNED_AMD, CPU_271, 2));
        mixed.put(102, run(102, "cpu", UNPINNED_AMD, CPU_271, 2));
        mixed.put(103, run(103, "cuda", PINNED_INTEL, H200, 16));
        Plan p = plan(mixed, List.of(101, 102, 103, 9), new RerunMachine("cpu", PINNED_INTEL, CPU_271, 2));
        assertFalse(p.bitExact());
        assertTrue(p.reason().startsWith("seed 102: the original ran with libtorch's CPU numerics unpinned"), p.reason());
        assertTrue(p.reason().contains("; seed 103: the original trained its networks on the gpu"), p.reason());
        assertTrue(p.reason().endsWith("; seed 9 is not among the original seeds [101, 102, 103]"), p.reason());
        assertTrue(p.expectations().get(101).bitExact());
    }

    @Test
    void tooFewStatisticalSeedsAreRefusedNamingHowManyAreNeeded() {
        Plan p = plan(originals(PINNED_AMD, CPU_271), List.of(7, 8), new RerunMachine("cpu", PINNED_INTEL, CPU_271, 2));
        assertEquals(5, p.seedsNeeded());
        assertEquals("this check is statistical (seeds [7, 8] are not among the original seeds [101, 102, 103]), and against 3 original"
                + " runs it needs at least 5 re-run seeds to be able to fail at alpha 0.05 (got 2)", p.refusal());
        // alpha so small that no seed count could reach it
        Map<Integer, RunManifest> single = Map.of(101, run(101, "cpu", PINNED_AMD, CPU_271, 2));
        Plan never = ReproductionPlanner.plan(single, List.of(7), 1e-9, new RerunMachine("cpu", PINNED_INTEL, CPU_271, 2));
        assertTrue(never.refused());
        assertEquals(-1, never.seedsNeeded());
        assertTrue(never.refusal().contains("no seed count lets 1 original runs be tested at alpha 1.0E-9"), never.refusal());
    }

    @Test
    void enoughStatisticalSeedsAreAccepted() {
        Plan p = plan(originals(PINNED_AMD, CPU_271), List.of(1, 2, 3, 4, 5), new RerunMachine("cpu", PINNED_INTEL, CPU_271, 2));
        assertEquals("statistical", p.mode());
        assertNull(p.refusal(), p.refusal());
        assertEquals(5, p.seedsNeeded());
        assertEquals(3, p.originalRuns());
    }

    @Test
    void malformedInputIsAnError() {
        RerunMachine m = new RerunMachine("cpu", PINNED_INTEL, CPU_271, 2);
        Map<Integer, RunManifest> o = originals(PINNED_AMD, CPU_271);
        assertThrows(IllegalArgumentException.class, () -> ReproductionPlanner.plan(o, List.of(), 0.05, m));
        assertThrows(IllegalArgumentException.class, () -> ReproductionPlanner.plan(Map.of(), OWN, 0.05, m));
        assertThrows(IllegalArgumentException.class, () -> ReproductionPlanner.plan(o, List.of(101, 101), 0.05, m));
        assertThrows(IllegalArgumentException.class, () -> ReproductionPlanner.plan(o, OWN, 1.0, m));
    }
}

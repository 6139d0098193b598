package org.mtboard.engine.repro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.mtboard.engine.run.NetworkPlacement;
import org.mtboard.engine.run.RunManifest;

class ReproductionVerdictTest {
    private static final CpuNumerics.Settings PINNED_INTEL = new CpuNumerics.Settings(true, CpuNumerics.PINNED, "Intel Xeon", "avx512", 2);
    private static final CpuNumerics.Settings PINNED_AMD = new CpuNumerics.Settings(true, CpuNumerics.PINNED, "AMD EPYC", "avx2", 2);
    private static final CpuNumerics.Settings UNPINNED_AMD = new CpuNumerics.Settings(false, Map.of(), "AMD EPYC", "unknown", 0);

    private static RunManifest run(int seed, String checksum, double success, CpuNumerics.Settings numerics) {
        Map<String, RunManifest.TaskScore> perTask = new LinkedHashMap<>();
        perTask.put("reach-v2", new RunManifest.TaskScore(success, 100 * success));
        perTask.put("push-v2", new RunManifest.TaskScore(success / 2, 50 * success));
        return new RunManifest("MT-PPO", "mt-ppo", "mt10-rand", 2, "smoke", seed, perTask, 0.75 * success, 15_000_000L, 600, 25_000,
                "cpu", numerics.cpuModel(), 2, 256, false, "0.1.0", "ab".repeat(32), checksum, numerics);
    }

    @Test
    void permutationTestIsExactForSmallSamples() {
        assertEquals(0.1, PermutationTest.pValue(new double[] {0, 0, 0}, new double[] {1, 1, 1}), 1e-12, "2 of the 20 splits are as extreme");
        assertEquals(1.0, PermutationTest.pValue(new double[] {0.5, 0.5}, new double[] {0.5, 0.5, 0.5}), 1e-12);
        assertEquals(1.0 / 56, PermutationTest.smallestP(3, 5), 1e-15);
        assertEquals(2.0 / 252, PermutationTest.smallestP(5, 5), 1e-15);
        assertEquals(5, StatisticalCheck.rerunsNeeded(3, 0.05), "3 vs 4 cannot reach 0.025 (1/35), 3 vs 5 can (1/56)");
        assertThrows(IllegalArgumentException.class, () -> PermutationTest.pValue(new double[0], new double[] {1}));
    }

    @Test
    void holmAdjustsInStepsAndStaysMonotone() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06}, Holm.adjust(new double[] {0.01, 0.04, 0.03}), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.9}), 1e-12);
    }

    @Test
    void pinnedRunsMustMatchAcrossCpuKindsAndUnpinnedOnesAreJudgedStatistically() {
        RunManifest original = run(101, "aa".repeat(32), 0.8, PINNED_AMD);
        assertTrue(BitExactRule.expect(original, "cpu", PINNED_INTEL, 16).bitExact(), "pinned on both: any CPU, any threads");
        BitExactRule.Expectation old = BitExactRule.expect(run(101, "aa".repeat(32), 0.8, UNPINNED_AMD), "cpu", PINNED_INTEL, 2);
        assertFalse(old.bitExact());
        assertTrue(old.reason().contains("unpinned") && old.reason().contains("AMD EPYC"), old.reason());
        BitExactRule.Expectation otherSimulator = BitExactRule.expect(original, "cuda", PINNED_INTEL, 2);
        assertTrue(otherSimulator.bitExact(), "the cpu and cuda simulators step the same bits: " + otherSimulator.reason());
        assertTrue(otherSimulator.reason().endsWith("the cpu and cuda simulators step the same bits"), otherSimulator.reason());
        assertTrue(BitExactRule.expect(run(1, "x", 0, UNPINNED_AMD), "cpu", UNPINNED_AMD, 2).bitExact(), "unpinned, same CPU and threads");
        assertFalse(BitExactRule.expect(run(1, "x", 0, UNPINNED_AMD), "cpu", UNPINNED_AMD, 4).bitExact(), "unpinned, other threads");
    }

    @Test
    void pinnedRunsFromBeforePortableMathMatchOnlyTheirOwnCpuVendorAndNeverThisEngine() {
        CpuNumerics.Settings vmlIntel = new CpuNumerics.Settings(true, CpuNumerics.PINNED, "Intel(R) Xeon(R) Processor", "avx512", 2,
                PortableMath.SOURCE_BEFORE);
        CpuNumerics.Settings vmlAmd = new CpuNumerics.Settings(true, CpuNumerics.PINNED, "AMD EPYC", "avx2", 2, PortableMath.SOURCE_BEFORE);
        RunManifest old = run(102, "bb".repeat(32), 0.68, vmlIntel);
        BitExactRule.Expectation now = BitExactRule.expect(old, "cpu", PINNED_AMD, 2);
        assertFalse(now.bitExact(), now.reason());
        assertTrue(now.reason().contains("oneMKL's vector maths") && now.reason().contains("original"), now.reason());
        BitExactRule.Expectation otherVendor = BitExactRule.expect(old, "cpu", vmlAmd, 2);
        assertFalse(otherVendor.bitExact(), otherVendor.reason());
        assertTrue(otherVendor.reason().contains("AMD and Intel"), otherVendor.reason());
        assertTrue(BitExactRule.expect(old, "cpu", new CpuNumerics.Settings(true, CpuNumerics.PINNED, "Intel Xeon Gold", "avx2", 2,
                PortableMath.SOURCE_BEFORE), 2).bitExact(), "the same vendor's VML kernels");
        BitExactRule.Expectation newer = BitExactRule.expect(run(102, "bb".repeat(32), 0.68, PINNED_AMD), "cpu", vmlIntel, 2);
        assertFalse(newer.bitExact());
        assertTrue(newer.reason().startsWith("the re-run computed"), newer.reason());
    }

    @Test
    void gpuNetworksMatchOnlyTheSameGpuLibtorchAndCublasSettings() {
        NetworkPlacement h200 = new NetworkPlacement("gpu", "NVIDIA H200", "PyTorch", "0.36.0", "2.11.0", "cuda",
                Map.of("CUBLAS_WORKSPACE_CONFIG", ":4096:8"));
        RunManifest onGpu = gpuRun(h200);
        assertTrue(BitExactRule.expect(onGpu, "cuda", PINNED_INTEL, h200, 16).bitExact());
        BitExactRule.Expectation otherGpu = BitExactRule.expect(onGpu, "cuda", PINNED_INTEL,
                new NetworkPlacement("gpu", "NVIDIA A100-SXM4-80GB", "PyTorch", "0.36.0", "2.11.0", "cuda", h200.settings()), 16);
        assertFalse(otherGpu.bitExact());
        assertTrue(otherGpu.reason().contains("A100") && otherGpu.reason().contains("H200"), otherGpu.reason());
        assertFalse(BitExactRule.expect(onGpu, "cuda", PINNED_INTEL, new NetworkPlacement("gpu", "NVIDIA H200", "PyTorch", "0.36.0",
                "2.11.0", "cuda", Map.of()), 16).bitExact(), "another cuBLAS workspace");
        BitExactRule.Expectation onCpu = BitExactRule.expect(onGpu, "cuda", PINNED_INTEL, null, 16);
        assertFalse(onCpu.bitExact());
        assertTrue(onCpu.reason().contains("on the gpu, the re-run on the cpu"), onCpu.reason());
        NetworkPlacement cpu271 = new NetworkPlacement("cpu", null, "PyTorch", "0.36.0", "2.7.1", "cpu", Map.of());
        NetworkPlacement cpu211 = new NetworkPlacement("cpu", null, "PyTorch", "0.36.0", "2.11.0", "cu130", Map.of());
        RunManifest pinnedOn271 = gpuRun(cpu271);
        assertTrue(BitExactRule.expect(pinnedOn271, "cpu", PINNED_INTEL, cpu271, 2).bitExact());
        BitExactRule.Expectation otherLibtorch = BitExactRule.expect(pinnedOn271, "cpu", PINNED_INTEL, cpu211, 2);
        assertFalse(otherLibtorch.bitExact(), "pinned CPU networks on another libtorch build");
        assertTrue(otherLibtorch.reason().contains("2.7.1 then, 2.11.0 now"), otherLibtorch.reason());
        assertTrue(BitExactRule.expect(run(101, "aa".repeat(32), 0.8, PINNED_AMD), "cpu", PINNED_INTEL, cpu211, 2).bitExact(),
                "an original that did not record its libtorch is not held against it");
        RunManifest back = RunManifest.fromJson(onGpu.toJson());
        assertEquals(h200, back.networks(), "the placement survives result.json");
        assertEquals(NetworkPlacement.UNRECORDED, RunManifest.fromJson(run(1, "x", 0, PINNED_AMD).toJson().replaceAll(",\"networks\":\\{[^}]*\\{[^}]*\\}\\}", "")).networks(),
                "older manifests read as CPU networks");
    }

    private static RunManifest gpuRun(NetworkPlacement placement) {
        RunManifest r = run(101, "aa".repeat(32), 0.8, PINNED_INTEL);
        return new RunManifest(r.submission(), r.algorithm(), r.benchmark(), r.protocolVersion(), r.tier(), r.seed(), r.perTask(),
                r.meanSuccessRate(), r.frames(), r.wallSeconds(), r.fps(), "cuda", r.device(), r.threads(), r.numEnvs(), r.partial(),
                r.engineVersion(), r.configHash(), r.checksum(), r.numerics(), placement);
    }

    @Test
    void bitExactVerdictNamesTheSeedThatDiffers() {
        List<RunManifest> originals = List.of(run(101, "aa".repeat(32), 0.8, PINNED_AMD), run(102, "bb".repeat(32), 0.6, PINNED_AMD));
        ReproductionVerdict same = ReproductionVerdict.judge(originals, List.of(run(102, "bb".repeat(32), 0.6, PINNED_INTEL)), 0.05);
        assertEquals(ReproductionVerdict.Outcome.REPRODUCED_BIT_EXACT, same.outcome());
        assertNull(same.statistics());
        ReproductionVerdict differs = ReproductionVerdict.judge(originals, List.of(run(102, "cc".repeat(32), 0.5, PINNED_INTEL)), 0.05);
        assertEquals(ReproductionVerdict.Outcome.NOT_REPRODUCED, differs.outcome());
        assertEquals("bit-exact", differs.mode());
        assertTrue(differs.summary().contains("seed 102") && differs.summary().contains("cccccccccccc"), differs.summary());
        assertTrue(differs.toJson().contains("\"outcome\":\"not reproduced\""), differs.toJson());
    }

    @Test
    void otherSeedsAreJudgedStatisticallyAndTooFewAreRefused() {
        List<RunManifest> originals = List.of(run(101, "a", 0.80, PINNED_AMD), run(102, "b", 0.82, PINNED_AMD), run(103, "c", 0.78, PINNED_AMD));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> ReproductionVerdict.judge(originals, List.of(run(7, "d", 0.8, PINNED_INTEL)), 0.05));
        assertTrue(few.getMessage().contains("at least 5"), few.getMessage());
        List<RunManifest> similar = List.of(run(1, "1", 0.79, PINNED_INTEL), run(2, "2", 0.81, PINNED_INTEL), run(3, "3", 0.80, PINNED_INTEL),
                run(4, "4", 0.83, PINNED_INTEL), run(5, "5", 0.77, PINNED_INTEL));
        ReproductionVerdict ok = ReproductionVerdict.judge(originals, similar, 0.05);
        assertEquals(ReproductionVerdict.Outcome.REPRODUCED_STATISTICALLY, ok.outcome(), ok.summary());
        assertTrue(ok.reason().contains("seed 1 is not one of the original seeds"), ok.reason());
        List<RunManifest> worse = List.of(run(1, "1", 0.30, PINNED_INTEL), run(2, "2", 0.31, PINNED_INTEL), run(3, "3", 0.29, PINNED_INTEL),
                run(4, "4", 0.33, PINNED_INTEL), run(5, "5", 0.32, PINNED_INTEL));
        ReproductionVerdict bad = ReproductionVerdict.judge(originals, worse, 0.05);
        assertEquals(ReproductionVerdict.Outcome.NOT_REPRODUCED, bad.outcome());
        assertFalse(bad.statistics().named().isEmpty(), bad.summary());
        assertTrue(bad.summary().contains("reach-v2"), bad.summary());
    }
}

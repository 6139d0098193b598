package org.mtboard.platform.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.run.NetworkPlacement;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.platform.store.RunRecord;

/** Which originals this service's CPU workers can re-run bit for bit, without a database. */
class StatisticalReasonTest {
    private static RunRecord original(int seed, boolean pinned, NetworkPlacement networks) {
        CpuNumerics.Settings numerics = pinned ? new CpuNumerics.Settings(true, CpuNumerics.PINNED, "Intel Xeon", "avx512", 2)
                : new CpuNumerics.Settings(false, Map.of(), "Intel Xeon", "unknown", 0);
        RunRecord r = new RunRecord();
        r.resultJson = new RunManifest("MT-PPO", "mt-ppo", "mt10-rand", 2, "standard", seed,
                Map.of("reach-v2", new RunManifest.TaskScore(0.9, 100)), 0.9, 100_000_000L, 356, 280_000, "cuda", "Intel Xeon", 16,
                4096, false, "0.1.0", "ab".repeat(32), "cd".repeat(32), numerics, networks).toJson();
        return r;
    }

    @Test
    void gpuNetworksOtherSeedsAndUnpinnedOriginalsAreStatisticalOnCpuWorkers() {
        NetworkPlacement h200 = new NetworkPlacement("gpu", "NVIDIA H200", "PyTorch", "0.36.0", "2.11.0", "cu130", Map.of());
        Map<Integer, RunRecord> onGpu = Map.of(201, original(201, true, h200));
        assertEquals("seeds [201] trained their networks on a GPU, and this service's workers train them on the CPU",
                ReproductionService.statisticalBecause(List.of(201), onGpu));
        Map<Integer, RunRecord> onCpu = Map.of(201, original(201, true, NetworkPlacement.UNRECORDED));
        assertNull(ReproductionService.statisticalBecause(List.of(201), onCpu), "pinned CPU networks on the cuda simulator: bit for bit");
        assertEquals("seeds [7] are not the entry's own [201]", ReproductionService.statisticalBecause(List.of(7), onCpu));
        Map<Integer, RunRecord> unpinned = Map.of(201, original(201, false, NetworkPlacement.UNRECORDED));
        assertEquals("seeds [201] were trained before libtorch's CPU numerics were pinned, so a pinned worker cannot match them bit for bit",
                ReproductionService.statisticalBecause(List.of(201), unpinned));
    }
}

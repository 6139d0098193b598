package org.mtboard.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.engine.recipe.RecipeFiles;
import org.mtboard.engine.nn.NetworkDevice;
import org.mtboard.engine.sim.cuda.CudaProbe;

/** The backend and network-device rules mtboard train and the service share. */
class BackendChoiceTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static ConfigException refused(String backend) {
        ConfigException e = assertThrows(ConfigException.class, () -> BackendChoice.forTraining(backend, line -> { }));
        assertEquals("backend", e.field());
        return e;
    }

    @Test
    void cpuIsTheCpuInAnyCase() {
        List<String> notices = new ArrayList<>();
        assertEquals("cpu", BackendChoice.forTraining("cpu", notices::add));
        assertEquals("cpu", BackendChoice.forTraining("CPU", notices::add));
        assertEquals(List.of(), notices);
    }

    @Test
    void unknownNamesAreRefusedSayingWhatIsAllowed() {
        ConfigException gpu = refused("GPU");
        assertEquals("backend: must be one of cpu, cuda, auto; got 'GPU'", gpu.getMessage());
        assertEquals("one of cpu, cuda, auto", gpu.problems().get(0).allowed());
        assertEquals("backend: must be one of cpu, cuda, auto; got ''", refused("").getMessage());
    }

    /** Either branch, whichever this machine has: cuda where a GPU is usable, else refused (cuda) or the CPU with a notice (auto). */
    @Test
    void cudaTrainsWhereAGpuIsUsableAndAutoFallsBackToTheCpuWithANotice() {
        List<String> notices = new ArrayList<>();
        if (CudaProbe.available()) {
            assertEquals("cuda", BackendChoice.forTraining("cuda", notices::add));
            assertEquals("cuda", BackendChoice.forTraining("auto", notices::add));
            assertEquals(List.of(), notices);
        } else {
            ConfigException e = refused("cuda");
            assertEquals("backend: cuda: the cuda backend is not available here (" + CudaProbe.unavailableReason() + "); use cpu or auto",
                    e.getMessage());
            assertEquals("cpu", BackendChoice.forTraining("auto", notices::add));
            assertEquals(List.of("mtboard: CUDA is not available (" + CudaProbe.unavailableReason() + "); using the CPU backend"), notices);
        }
    }

    /** Networks: cpu always; gpu only where DJL's libtorch sees one, else refused naming the field; auto falls back. */
    @Test
    void networkDeviceRuleNamesTheFieldAndFallsBackOnAuto() {
        List<String> notices = new ArrayList<>();
        assertEquals("cpu", NetworkDevice.resolve("CPU", notices::add));
        ConfigException unknown = assertThrows(ConfigException.class, () -> NetworkDevice.resolve("cuda", notices::add));
        assertEquals("device", unknown.field());
        assertEquals("device: must be one of cpu, gpu, auto; got 'cuda'", unknown.getMessage());
        String reason = NetworkDevice.gpuUnavailableReason();
        if (reason == null) {
            assertEquals("gpu", NetworkDevice.resolve("auto", notices::add));
        } else {
            ConfigException gpu = assertThrows(ConfigException.class, () -> NetworkDevice.resolve("gpu", notices::add));
            assertEquals("device: gpu: " + reason + "; use cpu, or see `mtboard doctor`", gpu.getMessage());
            assertEquals("cpu", NetworkDevice.resolve("auto", notices::add));
            assertEquals(List.of("mtboard: no GPU for the networks (" + reason + "); training them on the CPU"), notices);
        }
    }

    @Test
    void settingsDefaultToTheCpuAndRunsRefuseABackendBeforeTraining(@TempDir Path dir) {
        assertEquals("cpu", new Runs.Settings(1, dir, 0, false, 1).backend());
        assertEquals("cpu", new Runs.Settings(1, dir, 0, false, 1, null).backend());
        BenchmarkDefinition bench = RecipeFiles.readBenchmark(ROOT.resolve("submissions/benchmarks/mt10-rand.yaml"));
        RunSpec spec = new RunSpec(RecipeFiles.readSubmission(ROOT.resolve("submissions/baselines/mt-ppo.yaml")), bench,
                bench.tier("smoke"), 101);
        List<String> epochs = new ArrayList<>();
        ConfigException e = assertThrows(ConfigException.class, () -> Runs.train(spec, new Runs.Settings(1, dir, 0, false, 1, "tpu"), null,
                (record, total) -> epochs.add("epoch " + record.epoch())));
        assertEquals("backend", e.field());
        if (NetworkDevice.gpuUnavailableReason() != null) {
            ConfigException d = assertThrows(ConfigException.class, () -> Runs.train(spec, new Runs.Settings(1, dir, 0, false, 1, "cpu", "gpu"),
                    null, (record, total) -> epochs.add("epoch " + record.epoch())));
            assertEquals("device", d.field());
        }
        assertTrue(epochs.isEmpty(), "nothing ran");
    }
}

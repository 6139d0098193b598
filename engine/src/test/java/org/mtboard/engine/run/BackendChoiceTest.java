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
import org.mtboard.engine.sim.cuda.CudaProbe;

/** The backend rule mtboard train and the service share; training runs on the CPU backend today. */
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
    void cudaAndUnknownNamesAreRefusedSayingWhatIsAllowed() {
        ConfigException cuda = refused("cuda");
        assertEquals("backend: cuda: training on the cuda backend is not available yet; allowed: cpu, auto", cuda.getMessage());
        assertEquals("one of cpu, auto", cuda.problems().get(0).allowed());
        assertEquals("backend: must be one of cpu, auto; got 'GPU'", refused("GPU").getMessage());
        assertEquals("backend: must be one of cpu, auto; got ''", refused("").getMessage());
    }

    /** Either branch, whichever this machine has: never the CPU behind the caller's back where a GPU is usable. */
    @Test
    void autoIsTheCpuWithANoticeWhereThereIsNoGpuAndRefusedWhereThereIsOne() {
        if (CudaProbe.available()) {
            ConfigException e = refused("auto");
            assertEquals("backend: auto found a GPU, but training on the cuda backend is not available yet; use cpu", e.getMessage());
        } else {
            List<String> notices = new ArrayList<>();
            assertEquals("cpu", BackendChoice.forTraining("auto", notices::add));
            assertEquals(List.of("mtboard: CUDA is not available (" + CudaProbe.unavailableReason() + "); using the CPU backend"), notices);
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
        ConfigException e = assertThrows(ConfigException.class, () -> Runs.train(spec, new Runs.Settings(1, dir, 0, false, 1, "cuda"), null,
                (record, total) -> epochs.add("epoch " + record.epoch())));
        assertEquals("backend", e.field());
        assertTrue(epochs.isEmpty(), "nothing ran");
    }
}

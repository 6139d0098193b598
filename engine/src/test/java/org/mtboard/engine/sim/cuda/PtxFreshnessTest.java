package org.mtboard.engine.sim.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed PTX must be what sim.cu compiles to today (checked where nvcc exists). */
class PtxFreshnessTest {
    private static final Path CU_DIR = Path.of("src/main/cuda");
    private static final Path COMMITTED = Path.of("src/main/resources/org/mtboard/engine/sim/cuda/sim.ptx");

    private static boolean nvccAvailable() {
        for (String dir : (System.getenv("PATH") + File.pathSeparator + "/usr/local/cuda/bin").split(File.pathSeparator)) {
            if (new File(dir, "nvcc").canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** The PTX without its comment header, which names the compiler build. */
    private static List<String> code(Path ptx) throws IOException {
        return Files.readAllLines(ptx).stream().filter(line -> !line.startsWith("//")).collect(Collectors.toList());
    }

    @Test
    void committedPtxMatchesTheCudaSources() throws Exception {
        boolean nvcc = nvccAvailable();
        if (!nvcc) {
            System.err.println("[PtxFreshnessTest] SKIPPED: nvcc not found, the committed sim.ptx was not recompiled");
        }
        assumeTrue(nvcc, "nvcc not found: the committed sim.ptx was not recompiled");
        Path fresh = Files.createTempFile("sim", ".ptx");
        Process build = new ProcessBuilder("bash", CU_DIR.resolve("build-ptx.sh").toString(), fresh.toString())
                .redirectErrorStream(true).start();
        String log = new String(build.getInputStream().readAllBytes());
        assertEquals(0, build.waitFor(), "build-ptx.sh failed: " + log);
        assertEquals(code(COMMITTED), code(fresh),
                "src/main/resources/.../sim.ptx is stale: run engine/src/main/cuda/build-ptx.sh " + COMMITTED);
        Files.delete(fresh);
    }
}

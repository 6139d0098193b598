package org.mtboard.engine.sim.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.sim.EnvStepper;
import org.mtboard.engine.sim.Observation;
import org.mtboard.engine.sim.Suites;
import org.mtboard.engine.sim.TaskId;
import org.mtboard.engine.sim.VecEnv;

/** Constants the CUDA source repeats from the Java simulator must agree with it (runs without a GPU). */
class CudaSourceConsistencyTest {
    private static Map<String, String> defines() throws Exception {
        String source = Files.readString(Path.of("src/main/cuda/sim.cu"));
        Matcher m = Pattern.compile("(?m)^#define (\\w+) (\\S+)").matcher(source);
        Map<String, String> defines = new HashMap<>();
        while (m.find()) {
            defines.put(m.group(1), m.group(2));
        }
        return defines;
    }

    @Test
    void taskCatalogIndicesAndShapesAgree() throws Exception {
        Map<String, String> defines = defines();
        for (TaskId task : Suites.MT10) {
            String name = "TASK_" + task.name();
            assertTrue(defines.containsKey(name), name + " missing from sim.cu");
            assertEquals(String.valueOf(task.catalogIndex()), defines.get(name), name);
        }
        assertEquals(String.valueOf(Observation.SIZE), defines.get("OBS_SIZE"));
        assertEquals(String.valueOf(Observation.FRAME), defines.get("FRAME"));
        assertEquals(String.valueOf(VecEnv.EPISODE_LENGTH), defines.get("EPISODE_LENGTH"));
        assertEquals(String.valueOf(EnvStepper.SUBSTEPS), defines.get("SUBSTEPS"));
    }
}

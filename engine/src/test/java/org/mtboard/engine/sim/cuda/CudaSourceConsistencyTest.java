package org.mtboard.engine.sim.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.sim.EnvStepper;
import org.mtboard.engine.sim.Observation;
import org.mtboard.engine.sim.SimState;
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

    /** The Java side passes kernel arguments positionally: names and order must match STATE_PARAMS. */
    @Test
    void kernelArgumentsMatchStateParams() throws Exception {
        String source = Files.readString(Path.of("src/main/cuda/sim.cu"));
        StringBuilder macro = new StringBuilder();
        boolean inMacro = false;
        for (String line : source.lines().toList()) {
            if (line.startsWith("#define STATE_PARAMS")) {
                inMacro = true;
                continue;
            }
            if (inMacro) {
                boolean continues = line.endsWith("\\");
                macro.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
                if (!continues) {
                    break;
                }
            }
        }
        assertTrue(macro.length() > 0, "STATE_PARAMS not found in sim.cu");
        List<String> names = new ArrayList<>();
        for (String param : macro.toString().split(",")) {
            String[] words = param.trim().split("[\\s*]+");
            names.add(words[words.length - 1]);
        }
        assertEquals(JCudaSimDevice.STATE_PARAM_NAMES, names);
    }

    /** JCudaSimDevice allocates and copies the state buffers in SimState.deviceArrays() order. */
    @Test
    void deviceArraysAreTheStateParamsInOrder() throws Exception {
        List<String> stateParams = JCudaSimDevice.STATE_PARAM_NAMES.subList(
                JCudaSimDevice.STATE_PARAM_NAMES.indexOf("hand"), JCudaSimDevice.STATE_PARAM_NAMES.indexOf("obs"));
        SimState state = new SimState(3);
        Object[] arrays = state.deviceArrays();
        assertEquals(stateParams.size(), arrays.length);
        for (int k = 0; k < arrays.length; k++) {
            String field = stateParams.get(k).equals("stepCount") ? "step" : stateParams.get(k);
            assertSame(SimState.class.getField(field).get(state), arrays[k], "deviceArrays()[" + k + "] should be " + field);
        }
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

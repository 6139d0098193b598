package org.mtboard.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No training operation reaches oneMKL's vector maths (VML), whose kernels follow the CPU and
 * ignore MKL_CBWR (docs/reproduce.md). A child JVM runs with src/test/native/vml-guard.c preloaded,
 * which logs every VML function libtorch calls; it trains MT-PPO (shared and multi-head), MT-GRPO
 * and a tanh network, then calls libtorch's own exp, tanh and sqrt as a control. The training part
 * of the log must be empty and the control part must name those three, so the guard is shown to
 * see VML calls on this machine.
 */
class VectorMathGuardTest {
    @TempDir
    Path dir;

    @Test
    void trainingCallsNoVectorMathsWhileLibtorchsOwnExpTanhAndSqrtDo() throws Exception {
        Path guard = compileGuard();
        Path log = dir.resolve("vml.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                VectorMathGuardChild.class.getName(), dir.resolve("runs").toString());
        pb.environment().put("LD_PRELOAD", guard.toString());
        pb.environment().put("MTBOARD_VML_GUARD_LOG", log.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile());
        Process child = pb.start();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the guarded child did not finish in 5 minutes");
        assertEquals(0, child.exitValue(), () -> "the guarded child failed:\n" + read(dir.resolve("child.out")));

        List<String> lines = Files.readAllLines(log);
        List<String> training = between(lines, VectorMathGuardChild.TRAINING, VectorMathGuardChild.CONTROL);
        List<String> control = between(lines, VectorMathGuardChild.CONTROL, VectorMathGuardChild.END);
        assertEquals(List.of(), training, "training reached oneMKL's vector maths on " + org.mtboard.engine.nn.CpuNumerics.cpuModel()
                + " (these calls follow the CPU vendor; route them through PortableMath)");
        String seen = String.join("\n", control);
        for (String function : List.of("vmsExp", "vmsTanh", "vmsSqrt")) {
            assertTrue(seen.contains("VML " + function + " "), "the guard did not see libtorch's own " + function
                    + " (so it could not have seen one in training either):\n" + seen);
        }
    }

    private Path compileGuard() throws IOException, InterruptedException {
        Path source = Path.of("src/test/native/vml-guard.c").toAbsolutePath();
        Path lib = dir.resolve("libvml-guard.so");
        ProcessBuilder pb = new ProcessBuilder("gcc", "-O2", "-fPIC", "-shared", "-o", lib.toString(), source.toString(), "-ldl");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("gcc.out").toFile());
        Process gcc;
        try {
            gcc = pb.start();
        } catch (IOException e) {
            throw new AssertionError("this test builds its VML guard with gcc, which is not on the PATH (apt-get install gcc)", e);
        }
        assertTrue(gcc.waitFor(2, TimeUnit.MINUTES) && gcc.exitValue() == 0, () -> "gcc failed:\n" + read(dir.resolve("gcc.out")));
        return lib;
    }

    private static List<String> between(List<String> lines, String from, String to) {
        int a = lines.indexOf(from);
        int b = lines.indexOf(to);
        assertTrue(a >= 0 && b > a, "the child's markers are missing from the guard's log: " + lines);
        return new ArrayList<>(lines.subList(a + 1, b));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}

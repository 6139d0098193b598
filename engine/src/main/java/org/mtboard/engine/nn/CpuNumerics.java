package org.mtboard.engine.nn;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pins libtorch's CPU numerics so a run gives the same bits on any x86-64 CPU with AVX2 and FMA, Intel
 * or AMD, whatever its core count. Left alone, the networks' float rounding follows the machine:
 * <ul>
 *   <li>ATen picks its vector kernels (default / AVX2 / AVX-512) from the CPU: pinned to AVX2;</li>
 *   <li>oneMKL (inside libtorch_cpu.so: sgemm, the vector maths) picks a code path per CPU and,
 *       on AMD, ignores every reproducibility branch except AUTO and COMPATIBLE (Intel's CNR
 *       documentation), so the only branch that is the same on both vendors is COMPATIBLE
 *       (SSE2 without the approximate rcpps/rsqrtps, whose results differ between vendors);</li>
 *   <li>oneDNN JITs for the widest ISA it finds: capped at AVX2;</li>
 *   <li>parallel reductions and MKL's blocking depend on the thread count, and MKL and OpenMP may
 *       shrink it under load (the dynamic settings): libtorch runs on exactly {@value #TORCH_THREADS}
 *       threads on every machine, whatever its core count (two, not one: a second thread buys back
 *       a third of what the COMPATIBLE branch costs, BENCHMARKS.md). The simulator's own threads
 *       do not change any result (each env is stepped on its own), so --threads still buys speed
 *       without changing the checksum.</li>
 * </ul>
 * No setting reaches oneMKL's vector maths (exp, log, tanh, sqrt), whose kernels follow the CPU
 * whatever MKL_CBWR says: training computes those in Java instead ({@link PortableMath}), recorded
 * as {@link Settings#math()}.
 * The settings are environment variables these libraries read when they first run, so they are
 * set in this process (through libc's setenv) before DJL loads libtorch: the CLI, the service
 * and its workers all pin them the same way, with no launcher to forget. The JVM's own floats
 * need nothing: Java has no fused or reassociated float arithmetic, and the engine uses
 * StrictMath where a result feeds training.
 *
 * <p>-Dmtboard.numerics=native leaves the machine's own choice (for measuring what pinning costs);
 * such runs are marked unpinned in their manifest and never reproduce bit-exact across CPUs.
 */
public final class CpuNumerics {
    /** The pinned settings, in the order they are applied. */
    public static final Map<String, String> PINNED = pinned();
    /** libtorch's intra-op and inter-op threads when pinned. */
    public static final int TORCH_THREADS = 2;

    private static Settings applied;

    /**
     * What a run's numerics were: whether pinned, the settings in force, the CPU and its widest vector
     * instruction set, and libtorch's threads.
     */
    public record Settings(boolean pinned, Map<String, String> values, String cpuModel, String cpuIsa, int torchThreads, String math) {
        public Settings {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** A run of this engine: its networks' exp, tanh and sqrt come from {@link PortableMath}. */
        public Settings(boolean pinned, Map<String, String> values, String cpuModel, String cpuIsa, int torchThreads) {
            this(pinned, values, cpuModel, cpuIsa, torchThreads, PortableMath.SOURCE);
        }

        /** The instruction set the network kernels use: ATen's pinned capability, else the CPU's own. */
        public String isaUsed() {
            return pinned ? values.getOrDefault("ATEN_CPU_CAPABILITY", cpuIsa) : cpuIsa;
        }
    }

    private CpuNumerics() {
    }

    private static Map<String, String> pinned() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ATEN_CPU_CAPABILITY", "avx2");
        m.put("MKL_CBWR", "COMPATIBLE,STRICT");
        m.put("MKL_ENABLE_INSTRUCTIONS", "AVX2");
        m.put("MKL_DYNAMIC", "FALSE");
        m.put("MKL_NUM_THREADS", Integer.toString(TORCH_THREADS));
        m.put("OMP_DYNAMIC", "FALSE");
        m.put("OMP_NUM_THREADS", Integer.toString(TORCH_THREADS));
        m.put("ONEDNN_MAX_CPU_ISA", "AVX2");
        return Collections.unmodifiableMap(m);
    }

    /** Whether this process pins (the default) or was started with -Dmtboard.numerics=native. */
    public static boolean pinning() {
        String mode = System.getProperty("mtboard.numerics", "pinned");
        if (!mode.equals("pinned") && !mode.equals("native")) {
            throw new IllegalArgumentException("-Dmtboard.numerics must be pinned or native, got '" + mode + "'");
        }
        return mode.equals("pinned");
    }

    /**
     * Applies the settings once per process, before libtorch loads; later calls return the first
     * answer. Called by {@link Djl#engine()}.
     */
    static synchronized Settings apply() {
        if (applied != null) {
            return applied;
        }
        boolean pin = pinning();
        Map<String, String> values = new LinkedHashMap<>();
        if (pin) {
            LibC libc = Native.load("c", LibC.class);
            PINNED.forEach((name, value) -> {
                if (libc.setenv(name, value, 1) != 0) {
                    throw new IllegalStateException("cannot set " + name + " for libtorch (setenv failed)");
                }
                values.put(name, value);
            });
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(TORCH_THREADS));
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(TORCH_THREADS));
        } else {
            for (String name : PINNED.keySet()) {
                String v = System.getenv(name);
                if (v != null) {
                    values.put(name, v);
                }
            }
        }
        applied = new Settings(pin, values, cpuModel(), widestIsa(cpuFlags()), pin ? TORCH_THREADS : 0);
        return applied;
    }

    /** The settings of this process's runs (applies them if libtorch has not loaded yet). */
    public static Settings current() {
        Djl.engine();
        return apply();
    }

    /** The CPU's model name as `lscpu` reports it (machines differ in speed and rounding). */
    public static String cpuModel() {
        String name = cpuInfoField("model name");
        return name != null ? name : System.getProperty("os.arch");
    }

    static List<String> cpuFlags() {
        String flags = cpuInfoField("flags");
        return flags == null ? List.of() : List.of(flags.trim().split("\\s+"));
    }

    /** The widest x86 vector extension in the CPU's flags, named as ATen names its capabilities. */
    static String widestIsa(List<String> flags) {
        if (flags.contains("avx512f") && flags.contains("avx512bw") && flags.contains("avx512vl") && flags.contains("avx512dq")) {
            return "avx512";
        }
        if (flags.contains("avx2") && flags.contains("fma")) {
            return "avx2";
        }
        return flags.isEmpty() ? "unknown" : "default";
    }

    private static String cpuInfoField(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the caller falls back.
        }
        return null;
    }

    /** libc's setenv: the libraries read the C environment, which Java cannot change. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }
}

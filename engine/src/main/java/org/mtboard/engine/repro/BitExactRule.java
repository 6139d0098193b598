package org.mtboard.engine.repro;

import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.run.RunManifest;

/**
 * When a re-run must match the original bit for bit. Runs that pin libtorch's CPU numerics the
 * same way ({@link CpuNumerics}) give the same bits on any x86-64 CPU with AVX2 and any core
 * count; unpinned runs only on the same CPU model with the same threads (and even then an
 * oversubscribed machine has been seen to change one update). Anything else is judged
 * statistically, and the reason says why.
 */
public final class BitExactRule {
    /** Whether bit-exact is expected, and why (or why not). */
    public record Expectation(boolean bitExact, String reason) {
    }

    private BitExactRule() {
    }

    /** A re-run on the original's seed, with the given backend, numerics and simulation threads. */
    public static Expectation expect(RunManifest original, String backend, CpuNumerics.Settings numerics, int threads) {
        if (!original.backend().equals(backend)) {
            return new Expectation(false, "the original ran on the " + original.backend() + " backend, the re-run on " + backend);
        }
        CpuNumerics.Settings before = original.numerics();
        if (before.pinned() && numerics.pinned()) {
            if (!before.values().equals(numerics.values()) || before.torchThreads() != numerics.torchThreads()) {
                return new Expectation(false, "both runs pin libtorch's CPU numerics, but differently (original " + before.values()
                        + " on " + before.torchThreads() + " threads, re-run " + numerics.values() + " on " + numerics.torchThreads() + ")");
            }
            if (numerics.cpuIsa().equals("default")) {
                return new Expectation(false, "this CPU (" + numerics.cpuModel() + ") has no AVX2, which the pinned kernels need");
            }
            return new Expectation(true, "both runs pin libtorch's CPU numerics the same way (ATen " + numerics.isaUsed()
                    + ", MKL " + numerics.values().get("MKL_CBWR") + ", " + numerics.torchThreads() + " libtorch threads), "
                    + "which gives the same bits on any x86-64 CPU with AVX2 (" + before.cpuModel() + " then, " + numerics.cpuModel() + " now)");
        }
        if (before.pinned() != numerics.pinned()) {
            String unpinned = before.pinned() ? "the re-run" : "the original";
            String device = before.pinned() ? numerics.cpuModel() : original.device();
            return new Expectation(false, unpinned + " ran with libtorch's CPU numerics unpinned, so its float rounding followed its CPU ("
                    + device + ")" + (before.pinned() ? "" : "; results written before pinning (engine " + original.engineVersion() + ") are like that"));
        }
        if (!original.device().equals(numerics.cpuModel())) {
            return new Expectation(false, "neither run pins libtorch's CPU numerics and the CPUs differ (" + original.device() + " then, "
                    + numerics.cpuModel() + " now)");
        }
        if (original.threads() != threads) {
            return new Expectation(false, "neither run pins libtorch's CPU numerics and the thread counts differ (" + original.threads()
                    + " then, " + threads + " now)");
        }
        return new Expectation(true, "same backend, CPU model (" + numerics.cpuModel() + ") and threads (" + threads
                + "), numerics unpinned on both: bit-exact on an idle machine");
    }

    /** The same question for a finished re-run, from its manifest. */
    public static Expectation expect(RunManifest original, RunManifest rerun) {
        return expect(original, rerun.backend(), rerun.numerics(), rerun.threads());
    }
}

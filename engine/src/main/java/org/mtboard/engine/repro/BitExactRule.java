package org.mtboard.engine.repro;

import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.nn.PortableMath;
import org.mtboard.engine.run.NetworkPlacement;
import org.mtboard.engine.run.RunManifest;

/**
 * When a re-run must match the original bit for bit. Runs that pin libtorch's CPU numerics the
 * same way ({@link CpuNumerics}) and compute exp, tanh and sqrt in Java ({@link PortableMath}) give
 * the same bits on any x86-64 CPU with AVX2 and FMA and any core count (pinned runs from before
 * PortableMath only on the same CPU vendor); unpinned runs only on the same CPU model with the same threads (and even then an
 * oversubscribed machine has been seen to change one update). GPU networks give the same bits only
 * on the same GPU model with the same libtorch and cuBLAS settings. The simulator backend does not
 * matter: the cpu and cuda simulators step the same bits. Anything else is judged statistically,
 * and the reason says why.
 */
public final class BitExactRule {
    /** Whether bit-exact is expected, and why (or why not). */
    public record Expectation(boolean bitExact, String reason) {
    }

    private BitExactRule() {
    }

    /** A re-run on the original's seed with CPU networks, with the given backend, numerics and simulation threads. */
    public static Expectation expect(RunManifest original, String backend, CpuNumerics.Settings numerics, int threads) {
        return expect(original, backend, numerics, null, threads);
    }

    /**
     * A re-run on the original's seed, with the given backend, numerics, network placement (null:
     * CPU networks) and simulation threads.
     */
    public static Expectation expect(RunManifest original, String backend, CpuNumerics.Settings numerics, NetworkPlacement networks,
                                     int threads) {
        String then = original.networks().device();
        String now = networks == null ? "cpu" : networks.device();
        if (!then.equals(now)) {
            return new Expectation(false, "the original trained its networks on the " + then + ", the re-run on the " + now
                    + " (their float rounding differs)");
        }
        if (now.equals("gpu")) {
            return expectOnGpu(original.networks(), networks);
        }
        String libtorchThen = original.networks().libtorchVersion();
        String libtorchNow = networks == null ? "unknown" : networks.libtorchVersion();
        if (!libtorchThen.equals("unknown") && !libtorchNow.equals("unknown") && !libtorchThen.equals(libtorchNow)) {
            return new Expectation(false, "the runs used different libtorch builds (" + libtorchThen + " then, " + libtorchNow
                    + " now), whose CPU kernels may round differently");
        }
        Expectation cpu = expectOnCpu(original, numerics, threads);
        if (cpu.bitExact() && !original.backend().equals(backend)) {
            return new Expectation(true, cpu.reason() + "; the " + original.backend() + " and " + backend
                    + " simulators step the same bits");
        }
        return cpu;
    }

    private static Expectation expectOnGpu(NetworkPlacement then, NetworkPlacement now) {
        if (!java.util.Objects.equals(then.gpu(), now.gpu()) || !then.libtorchVersion().equals(now.libtorchVersion())
                || !then.libtorchFlavor().equals(now.libtorchFlavor()) || !then.settings().equals(now.settings())) {
            return new Expectation(false, "GPU networks give the same bits only on the same GPU model, libtorch and cuBLAS settings ("
                    + then.describe() + " " + then.settings() + " then, " + now.describe() + " " + now.settings() + " now)");
        }
        return new Expectation(true, "same GPU model, libtorch and cuBLAS settings (" + now.describe() + " " + now.settings() + ")");
    }

    private static Expectation expectOnCpu(RunManifest original, CpuNumerics.Settings numerics, int threads) {
        CpuNumerics.Settings before = original.numerics();
        if (before.pinned() && numerics.pinned()) {
            if (!before.values().equals(numerics.values()) || before.torchThreads() != numerics.torchThreads()) {
                return new Expectation(false, "both runs pin libtorch's CPU numerics, but differently (original " + before.values()
                        + " on " + before.torchThreads() + " threads, re-run " + numerics.values() + " on " + numerics.torchThreads() + ")");
            }
            Expectation maths = expectSameMaths(before, numerics);
            if (maths != null) {
                return maths;
            }
            if (numerics.cpuIsa().equals("default")) {
                return new Expectation(false, "this CPU (" + numerics.cpuModel() + ") has no AVX2, which the pinned kernels need");
            }
            return new Expectation(true, "both runs pin libtorch's CPU numerics the same way (ATen " + numerics.isaUsed()
                    + ", MKL " + numerics.values().get("MKL_CBWR") + ", " + numerics.torchThreads() + " libtorch threads), "
                    + (before.math().equals(PortableMath.SOURCE)
                            ? "and compute exp, tanh and sqrt in Java, which gives the same bits on any x86-64 CPU with AVX2 and FMA ("
                            : "and compute exp, tanh and sqrt in oneMKL's vector maths on the same CPU vendor (")
                    + before.cpuModel() + " then, " + numerics.cpuModel() + " now)");
        }
        if (before.pinned() != numerics.pinned()) {
            String unpinned = before.pinned() ? "the re-run" : "the original";
            String device = before.pinned() ? numerics.cpuModel() : original.device();
            return new Expectation(false, unpinned + " ran with libtorch's CPU numerics unpinned, so its float rounding followed its CPU ("
                    + device + ")" + (before.pinned() ? "" : "; results written before pinning (engine " + original.engineVersion() + ") are like that"));
        }
        Expectation maths = expectSameMaths(before, numerics);
        if (maths != null) {
            return maths;
        }
        if (!original.device().equals(numerics.cpuModel())) {
            return new Expectation(false, "neither run pins libtorch's CPU numerics and the CPUs differ (" + original.device() + " then, "
                    + numerics.cpuModel() + " now)");
        }
        if (original.threads() != threads) {
            return new Expectation(false, "neither run pins libtorch's CPU numerics and the thread counts differ (" + original.threads()
                    + " then, " + threads + " now)");
        }
        return new Expectation(true, "same CPU model (" + numerics.cpuModel() + ") and threads (" + threads
                + "), numerics unpinned on both: bit-exact on an idle machine");
    }

    /** Null when both runs computed exp, tanh and sqrt where the same bits follow; else why not. */
    private static Expectation expectSameMaths(CpuNumerics.Settings before, CpuNumerics.Settings numerics) {
        if (!before.math().equals(numerics.math())) {
            boolean originalOld = before.math().equals(PortableMath.SOURCE_BEFORE);
            return new Expectation(false, "the " + (originalOld ? "original" : "re-run") + " computed the networks' exp, tanh and sqrt "
                    + "in oneMKL's vector maths (an engine from before PortableMath), whose kernels follow the CPU vendor; the "
                    + (originalOld ? "re-run" : "original") + " computes them in Java");
        }
        if (before.math().equals(PortableMath.SOURCE_BEFORE) && before.pinned() && numerics.pinned()
                && !cpuVendor(before.cpuModel()).equals(cpuVendor(numerics.cpuModel()))) {
            return new Expectation(false, "both runs computed exp, tanh and sqrt in oneMKL's vector maths, whose square root "
                    + "rounds differently on AMD and Intel CPUs (" + before.cpuModel() + " then, " + numerics.cpuModel() + " now)");
        }
        return null;
    }

    /** AMD, Intel or the model name itself: what oneMKL's vector maths followed in runs before PortableMath. */
    static String cpuVendor(String cpuModel) {
        if (cpuModel.contains("AMD")) {
            return "AMD";
        }
        return cpuModel.contains("Intel") ? "Intel" : cpuModel;
    }

    /** The same question for a finished re-run, from its manifest. */
    public static Expectation expect(RunManifest original, RunManifest rerun) {
        return expect(original, rerun.backend(), rerun.numerics(), rerun.networks(), rerun.threads());
    }
}

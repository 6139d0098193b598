package org.mtboard.engine.sim;

import java.util.List;
import java.util.function.Consumer;
import org.mtboard.engine.sim.cuda.CudaProbe;
import org.mtboard.engine.sim.cuda.CudaVecEnv;

/** Creates the vector env for a backend name: cpu, cuda, or auto (cuda where available, else cpu). */
public final class Backends {
    public static final List<String> NAMES = List.of("cpu", "cuda", "auto");

    private Backends() {
    }

    /**
     * The concrete backend a name stands for: auto becomes cuda where a GPU is usable, else cpu
     * with one line to the log saying why.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static String resolve(String backend, Consumer<String> log) {
        switch (backend) {
            case "cpu":
            case "cuda":
                return backend;
            case "auto":
                String reason = CudaProbe.unavailableReason();
                if (reason == null) {
                    return "cuda";
                }
                log.accept("mtboard: CUDA is not available (" + reason + "); using the CPU backend");
                return "cpu";
            default:
                throw new IllegalArgumentException("unknown backend '" + backend + "'; allowed: " + String.join(", ", NAMES));
        }
    }

    /**
     * @param log receives one line when auto falls back to the CPU
     * @throws BackendUnavailableException for cuda on a machine without a usable GPU
     * @throws IllegalArgumentException for an unknown name
     */
    public static VecEnv create(String backend, TaskSet set, int seed, int cpuThreads, Consumer<String> log) {
        return resolve(backend, log).equals("cuda") ? new CudaVecEnv(set, seed) : new CpuVecEnv(set, seed, cpuThreads);
    }
}

package org.mtboard.engine.nn;

import com.sun.jna.Native;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one setting GPU networks need for run-to-run determinism: cuBLAS's workspace configuration.
 * With the default workspace, cuBLAS may pick a different split of a matrix product's reduction
 * from one call to the next when several streams share its workspace (NVIDIA's cuBLAS
 * documentation, "Results reproducibility"); ":4096:8" fixes the workspace so it cannot. It is
 * an environment variable cuBLAS reads when libtorch creates its handle, so it is set in this
 * process (libc's setenv) before DJL loads libtorch, like {@link CpuNumerics}' pins. A value the
 * operator set already is kept and recorded as it is.
 */
public final class GpuNumerics {
    public static final String CUBLAS_WORKSPACE_CONFIG = "CUBLAS_WORKSPACE_CONFIG";
    public static final String DETERMINISTIC_WORKSPACE = ":4096:8";

    private static Map<String, String> applied;

    private GpuNumerics() {
    }

    /** Sets the workspace once per process (unless -Dmtboard.numerics=native); later calls return the first answer. */
    static synchronized Map<String, String> apply() {
        if (applied != null) {
            return applied;
        }
        Map<String, String> values = new LinkedHashMap<>();
        String existing = System.getenv(CUBLAS_WORKSPACE_CONFIG);
        if (existing != null) {
            values.put(CUBLAS_WORKSPACE_CONFIG, existing);
        } else if (CpuNumerics.pinning()) {
            CpuNumerics.LibC libc = Native.load("c", CpuNumerics.LibC.class);
            if (libc.setenv(CUBLAS_WORKSPACE_CONFIG, DETERMINISTIC_WORKSPACE, 1) != 0) {
                throw new IllegalStateException("cannot set " + CUBLAS_WORKSPACE_CONFIG + " for cuBLAS (setenv failed)");
            }
            values.put(CUBLAS_WORKSPACE_CONFIG, DETERMINISTIC_WORKSPACE);
        }
        applied = Collections.unmodifiableMap(values);
        return applied;
    }

    /** The settings in force for this process's GPU networks. */
    public static Map<String, String> current() {
        Djl.engine();
        return apply();
    }
}

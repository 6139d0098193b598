package org.mtboard.engine.sim.cuda;

import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuInit;

import jcuda.CudaException;
import jcuda.driver.JCudaDriver;

/**
 * Whether this machine can run the CUDA backend, asked once. Without a driver, JCuda's first
 * call throws UnsatisfiedLinkError and every later one NoClassDefFoundError, so the answer is
 * cached rather than asked again.
 */
public final class CudaProbe {
    private static volatile String cachedReason;
    private static volatile boolean probed;

    private CudaProbe() {
    }

    /** Null when a CUDA device is usable, else one line saying why not. */
    public static synchronized String unavailableReason() {
        if (!probed) {
            cachedReason = probe();
            probed = true;
        }
        return cachedReason;
    }

    public static boolean available() {
        return unavailableReason() == null;
    }

    private static String probe() {
        try {
            JCudaDriver.setExceptionsEnabled(true);
            cuInit(0);
            int[] count = {0};
            cuDeviceGetCount(count);
            return count[0] > 0 ? null : "no CUDA device found";
        } catch (LinkageError e) {
            return "no CUDA driver found (libcuda.so.1 could not be loaded)";
        } catch (CudaException e) {
            return "the CUDA driver reported " + e.getMessage();
        }
    }
}

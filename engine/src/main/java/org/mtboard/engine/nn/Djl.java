package org.mtboard.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * Entry to DJL's PyTorch engine. Offline by default: the CPU libtorch comes with the
 * pytorch-native-cpu jar; set -Dai.djl.offline=false where DJL may fetch a CUDA build.
 */
public final class Djl {
    private Djl() {
    }

    public static synchronized Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // before libtorch loads: its CPU dispatch, BLAS and threads read these once (CpuNumerics)
        CpuNumerics.apply();
        GpuNumerics.apply();
        return Engine.getEngine("PyTorch");
    }

    /**
     * Gradient recording off in the calling thread. DJL assumes it is off outside a gradient
     * collector, and sets it so only in the thread that loads the engine; PyTorch keeps the flag
     * per thread and starts every other thread with it on, where the parameters' in-place
     * initialisation then fails. A service trains on pool threads, so every trainer calls this.
     */
    public static void recordNoGradientsInThisThread() {
        engine();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    public static NDManager newManager() {
        return engine().newBaseManager();
    }

    /** A base manager whose arrays live on the given device (NetworkDevice#djl). */
    public static NDManager newManager(ai.djl.Device device) {
        return engine().newBaseManager(device);
    }
}

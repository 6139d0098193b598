package org.mtboard.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

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

    /**
     * Records gradients in the calling thread until closed, as DJL's GradientCollector does, but
     * without its one process-wide "collecting" flag: with that flag, a second run taking a
     * gradient step at the same moment in the same JVM (a service with several workers, or tests
     * training side by side) failed, or not, depending on how the threads happened to interleave.
     * libtorch keeps the gradient mode per thread, and its autograd engine runs CPU backward passes
     * of separate graphs on their calling threads, so runs on different threads do not meet here.
     */
    public static GradientRecording recordGradients() {
        engine();
        return new GradientRecording();
    }

    /** See {@link #recordGradients()}. */
    public static final class GradientRecording implements AutoCloseable {
        private final boolean wasRecording;

        private GradientRecording() {
            wasRecording = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
        }

        /** Back-propagates from target (seeded with ones, as GradientCollector.backward does) into the parameters' gradients. */
        public void backward(NDArray target) {
            NDArray ones = target.getManager().ones(target.getShape(), target.getDataType()).toDevice(target.getDevice(), false);
            JniUtils.backward((PtNDArray) target, (PtNDArray) ones, false, false);
        }

        @Override
        public void close() {
            if (!wasRecording) {
                JniUtils.setGradMode(false);
            }
        }
    }

    public static NDManager newManager() {
        return engine().newBaseManager();
    }

    /** A base manager whose arrays live on the given device (NetworkDevice#djl). */
    public static NDManager newManager(ai.djl.Device device) {
        return engine().newBaseManager(device);
    }
}

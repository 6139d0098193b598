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
        return Engine.getEngine("PyTorch");
    }

    public static NDManager newManager() {
        return engine().newBaseManager();
    }
}

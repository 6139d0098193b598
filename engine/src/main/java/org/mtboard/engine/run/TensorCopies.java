package org.mtboard.engine.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Moves float arrays between Java and DJL's tensors and counts the time, for the epoch's phase
 * split. On a GPU the upload is libtorch's host-to-device copy; the download waits for the
 * kernels that produce the tensor, then copies it back (DJL 0.36 cannot wrap memory already on
 * the device: its from-blob call takes host buffers only, so the simulator's observations come
 * through the host either way).
 */
final class TensorCopies {
    private long nanos;

    NDArray upload(NDManager manager, float[] values, Shape shape) {
        long start = System.nanoTime();
        NDArray array = manager.create(values, shape);
        nanos += System.nanoTime() - start;
        return array;
    }

    NDArray upload(NDManager manager, float[] values) {
        return upload(manager, values, new Shape(values.length));
    }

    NDArray upload(NDManager manager, long[] values) {
        long start = System.nanoTime();
        NDArray array = manager.create(values);
        nanos += System.nanoTime() - start;
        return array;
    }

    float[] download(NDArray array) {
        long start = System.nanoTime();
        float[] values = array.toFloatArray();
        nanos += System.nanoTime() - start;
        return values;
    }

    /** Nanoseconds spent since the last call. */
    long takeNanos() {
        long n = nanos;
        nanos = 0;
        return n;
    }
}

package org.mtboard.engine.sim.cuda;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxDestroy;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoD;
import static jcuda.driver.JCudaDriver.cuMemsetD8;

import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import org.mtboard.engine.sim.BackendUnavailableException;

/**
 * The device-memory bandwidth a kernel can reach, measured as a device-to-device copy (bytes
 * read plus bytes written per second), and the simulator's memory-bound step rate from it.
 */
public final class DeviceBandwidth {
    /**
     * Global-memory bytes one env-step of sim_step must move (sim.cu), between resets and with no
     * object held: reads 190 (actions 16, task id 4, state 98, previous frame 72 from the last
     * observation) and writes 208 (observation 156, state 46, reward 4, success and done flags 2).
     * A held object adds its 12-byte grasp offset to the reads.
     */
    public static final int BYTES_PER_ENV_STEP = 398;

    private DeviceBandwidth() {
    }

    /** Best of several copies of a buffer of the given size, in bytes per second (read + write). */
    public static double measureCopy(long bufferBytes, int repeats) {
        String reason = CudaProbe.unavailableReason();
        if (reason != null) {
            throw new BackendUnavailableException("cannot measure device bandwidth: " + reason);
        }
        CUdevice device = new CUdevice();
        cuDeviceGet(device, 0);
        CUcontext context = new CUcontext();
        cuCtxCreate(context, 0, device);
        CUdeviceptr src = new CUdeviceptr();
        CUdeviceptr dst = new CUdeviceptr();
        try {
            cuMemAlloc(src, bufferBytes);
            cuMemAlloc(dst, bufferBytes);
            cuMemsetD8(src, (byte) 1, bufferBytes);
            cuMemcpyDtoD(dst, src, bufferBytes);
            cuCtxSynchronize();
            double best = 0;
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                cuMemcpyDtoD(dst, src, bufferBytes);
                cuCtxSynchronize();
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.max(best, 2.0 * bufferBytes / seconds);
            }
            return best;
        } finally {
            cuMemFree(src);
            cuMemFree(dst);
            cuCtxDestroy(context);
        }
    }
}

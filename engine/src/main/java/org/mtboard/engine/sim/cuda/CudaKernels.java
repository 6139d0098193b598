package org.mtboard.engine.sim.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.io.IOException;
import java.io.InputStream;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import org.mtboard.engine.sim.BackendUnavailableException;

/**
 * GPU 0's primary context with sim.ptx loaded: its two kernels and the one stream they run on.
 * The primary context is the one the CUDA runtime (and so libtorch, for GPU networks) uses: a
 * context of our own would make every step switch contexts, and the runtime adopts whatever
 * context is current on a thread it first sees, so libtorch could end up on ours and lose it
 * when the env closes. Sharing the primary one avoids both.
 */
final class CudaKernels implements AutoCloseable {
    static final String PTX_RESOURCE = "/org/mtboard/engine/sim/cuda/sim.ptx";
    static final String PTX_OVERRIDE_PROPERTY = "mtboard.ptx";
    /** Threads per block; sim.cu stages a block's observation rows in shared memory sized by it. */
    private static final int BLOCK = 128;

    private final CUcontext context = new CUcontext();
    private final CUmodule module = new CUmodule();
    private final CUfunction resetKernel = new CUfunction();
    private final CUfunction stepKernel = new CUfunction();
    private final CUstream stream = new CUstream();
    private final String deviceName;
    private final CUdevice device = new CUdevice();

    /** @throws BackendUnavailableException where no GPU is usable or the kernels do not load */
    CudaKernels() {
        String reason = CudaProbe.unavailableReason();
        if (reason != null) {
            throw new BackendUnavailableException("the cuda backend is not available: " + reason);
        }
        boolean retained = false;
        try {
            cuDeviceGet(device, 0);
            byte[] name = new byte[256];
            cuDeviceGetName(name, name.length, device);
            this.deviceName = new String(name).trim().replace("\u0000", "");
            cuDevicePrimaryCtxRetain(context, device);
            retained = true;
            cuCtxSetCurrent(context);
            cuModuleLoadData(module, loadPtx());
            cuModuleGetFunction(resetKernel, module, "sim_reset");
            cuModuleGetFunction(stepKernel, module, "sim_step");
            cuStreamCreate(stream, 0);
        } catch (CudaException e) {
            if (retained) {
                cuDevicePrimaryCtxRelease(device);
            }
            throw new BackendUnavailableException("the cuda backend could not start: " + e.getMessage());
        }
    }

    /**
     * The kernels: the PTX in the jar, or the file named by the system property mtboard.ptx (for
     * trying a kernel variant on a GPU machine without rebuilding the jar).
     */
    private static byte[] loadPtx() {
        String override = System.getProperty(PTX_OVERRIDE_PROPERTY);
        try (InputStream in = override != null
                ? java.nio.file.Files.newInputStream(java.nio.file.Path.of(override))
                : CudaKernels.class.getResourceAsStream(PTX_RESOURCE)) {
            if (in == null) {
                throw new BackendUnavailableException("the cuda backend is missing its kernels (" + PTX_RESOURCE + ")");
            }
            byte[] text = in.readAllBytes();
            byte[] terminated = new byte[text.length + 1]; // cuModuleLoadData wants a NUL-terminated image
            System.arraycopy(text, 0, terminated, 0, text.length);
            return terminated;
        } catch (IOException e) {
            throw new BackendUnavailableException("the cuda backend could not read its kernels: " + e.getMessage());
        }
    }

    String deviceName() {
        return deviceName;
    }

    CUstream stream() {
        return stream;
    }

    /** Binds this context to the calling thread: an env may be stepped from any thread. */
    void makeCurrent() {
        cuCtxSetCurrent(context);
    }

    void launchReset(int n, Pointer params) {
        launch(resetKernel, n, params);
    }

    void launchStep(int n, Pointer params) {
        launch(stepKernel, n, params);
    }

    private void launch(CUfunction kernel, int n, Pointer params) {
        cuLaunchKernel(kernel, (n + BLOCK - 1) / BLOCK, 1, 1, BLOCK, 1, 1, 0, stream, params, null);
    }

    void synchronize() {
        cuStreamSynchronize(stream);
    }

    /** Call after freeing this env's memory; the primary context lives on while others hold it. */
    @Override
    public void close() {
        cuCtxSetCurrent(context);
        cuStreamDestroy(stream);
        cuModuleUnload(module);
        cuDevicePrimaryCtxRelease(device);
    }
}

package org.mtboard.engine.sim.cuda;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxDestroy;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemsetD8;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import jcuda.CudaException;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import org.mtboard.engine.sim.BackendUnavailableException;
import org.mtboard.engine.sim.Observation;
import org.mtboard.engine.sim.BufferedVecEnv;
import org.mtboard.engine.sim.TaskSet;

/**
 * The GPU backend: the simulator's state lives in device memory and sim.ptx (built from
 * src/main/cuda/sim.cu) steps one env per thread. {@link #step(float[])} copies actions in and
 * observations, rewards and flags out through pinned buffers on one stream; a learner on the
 * same GPU can instead call {@link #stepOnDevice(CUdeviceptr)} and read the device buffers of
 * {@link #deviceObservations()} etc. without any host copy.
 */
public final class CudaVecEnv extends BufferedVecEnv {
    static final String PTX_RESOURCE = "/org/mtboard/engine/sim/cuda/sim.ptx";
    static final String PTX_OVERRIDE_PROPERTY = "mtboard.ptx";
    private static final int BLOCK = 128;

    private final TaskSet taskSet;
    private final int n;
    private final int seed;
    private final CUcontext context = new CUcontext();
    private final CUmodule module = new CUmodule();
    private final CUfunction resetKernel = new CUfunction();
    private final CUfunction stepKernel = new CUfunction();
    private final CUstream stream = new CUstream();
    private final String deviceName;
    private final List<CUdeviceptr> deviceBuffers = new ArrayList<>();
    private final List<Pointer> hostBuffers = new ArrayList<>();

    private final CUdeviceptr dActions;
    private final CUdeviceptr dObs;
    private final CUdeviceptr dRewards;
    private final CUdeviceptr dSuccesses;
    private final CUdeviceptr dDones;
    private final CUdeviceptr dFinalObs;
    private final CUdeviceptr dFinalReturns;
    private final CUdeviceptr dFinalSuccesses;
    /** Kernel arguments after the actions pointer, in sim.cu's STATE_PARAMS order (see STATE_PARAM_NAMES). */
    private final NativePointerObject[] stateArgs;
    /** The names of stateArgs, as sim.cu's STATE_PARAMS declares them; a test keeps the two in step. */
    static final List<String> STATE_PARAM_NAMES = List.of(
            "n", "seed", "taskOfEnv", "envInTask", "hand", "gap", "hand0", "obj", "obj0", "objVz", "grasped",
            "graspOffset", "joint", "fixture", "goal", "stepCount", "episode", "episodeReturn", "episodeSuccess",
            "obs", "rewards", "successes", "dones", "finalObs", "finalReturns", "finalSuccesses");

    private final Pointer hActions;
    private final Pointer hObs;
    private final Pointer hRewards;
    private final Pointer hFlags;
    private final Pointer hFinalObs;
    private final Pointer hFinalReturns;
    private final Pointer hFinalSuccesses;
    private final FloatBuffer actionsView;
    private final FloatBuffer obsView;
    private final FloatBuffer rewardsView;
    private final ByteBuffer flagsView;
    private final FloatBuffer finalObsView;
    private final FloatBuffer finalReturnsView;
    private final ByteBuffer finalSuccessesView;
    private final Pointer resetParams;
    private final Pointer stepParams;
    private int stepsSinceReset;
    private boolean closed;

    public CudaVecEnv(TaskSet taskSet, int seed) {
        super(taskSet.numEnvs());
        String reason = CudaProbe.unavailableReason();
        if (reason != null) {
            throw new BackendUnavailableException("the cuda backend is not available: " + reason);
        }
        this.taskSet = taskSet;
        this.n = taskSet.numEnvs();
        this.seed = seed;
        try {
            CUdevice device = new CUdevice();
            cuDeviceGet(device, 0);
            byte[] name = new byte[256];
            cuDeviceGetName(name, name.length, device);
            this.deviceName = new String(name).trim().replace("\u0000", "");
            cuCtxCreate(context, 0, device);
            cuModuleLoadData(module, loadPtx());
            cuModuleGetFunction(resetKernel, module, "sim_reset");
            cuModuleGetFunction(stepKernel, module, "sim_step");
            cuStreamCreate(stream, 0);
        } catch (CudaException e) {
            throw new BackendUnavailableException("the cuda backend could not start: " + e.getMessage());
        }
        int[] taskOfEnv = new int[n];
        int[] envInTask = new int[n];
        for (int t = 0; t < taskSet.taskCount(); t++) {
            for (int j = 0; j < taskSet.envCount(t); j++) {
                taskOfEnv[taskSet.firstEnv(t) + j] = taskSet.task(t).id().catalogIndex();
                envInTask[taskSet.firstEnv(t) + j] = j;
            }
        }
        CUdeviceptr dTaskOfEnv = upload(taskOfEnv);
        CUdeviceptr dEnvInTask = upload(envInTask);
        dActions = device(4L * 4 * n);
        CUdeviceptr dHand = device(4L * 3 * n);
        CUdeviceptr dGap = device(4L * n);
        CUdeviceptr dHand0 = device(4L * 3 * n);
        CUdeviceptr dObj = device(4L * 3 * n);
        CUdeviceptr dObj0 = device(4L * 3 * n);
        CUdeviceptr dObjVz = device(4L * n);
        CUdeviceptr dGrasped = device(n);
        CUdeviceptr dGraspOffset = device(4L * 3 * n);
        CUdeviceptr dJoint = device(4L * n);
        CUdeviceptr dFixture = device(4L * 3 * n);
        CUdeviceptr dGoal = device(4L * 3 * n);
        CUdeviceptr dStep = device(4L * n);
        CUdeviceptr dEpisode = device(4L * n);
        CUdeviceptr dEpisodeReturn = device(4L * n);
        CUdeviceptr dEpisodeSuccess = device(n);
        dObs = device(4L * Observation.SIZE * n);
        dRewards = device(4L * n);
        // successes and dones share one allocation so one copy brings both back.
        CUdeviceptr dFlags = device(2L * n);
        dSuccesses = dFlags;
        dDones = dFlags.withByteOffset(n);
        dFinalObs = device(4L * Observation.SIZE * n);
        dFinalReturns = device(4L * n);
        dFinalSuccesses = device(n);
        stateArgs = new NativePointerObject[] {
            Pointer.to(new int[] {n}), Pointer.to(new int[] {seed}), Pointer.to(dTaskOfEnv), Pointer.to(dEnvInTask),
            Pointer.to(dHand), Pointer.to(dGap), Pointer.to(dHand0), Pointer.to(dObj), Pointer.to(dObj0),
            Pointer.to(dObjVz), Pointer.to(dGrasped), Pointer.to(dGraspOffset), Pointer.to(dJoint),
            Pointer.to(dFixture), Pointer.to(dGoal), Pointer.to(dStep), Pointer.to(dEpisode),
            Pointer.to(dEpisodeReturn), Pointer.to(dEpisodeSuccess), Pointer.to(dObs), Pointer.to(dRewards), Pointer.to(dSuccesses), Pointer.to(dDones),
            Pointer.to(dFinalObs), Pointer.to(dFinalReturns), Pointer.to(dFinalSuccesses),
        };
        resetParams = Pointer.to(stateArgs);
        stepParams = stepParams(dActions);

        hActions = pinned(4L * 4 * n);
        hObs = pinned(4L * Observation.SIZE * n);
        hRewards = pinned(4L * n);
        hFlags = pinned(2L * n);
        hFinalObs = pinned(4L * Observation.SIZE * n);
        hFinalReturns = pinned(4L * n);
        hFinalSuccesses = pinned(n);
        actionsView = floats(hActions, 4L * n);
        obsView = floats(hObs, (long) Observation.SIZE * n);
        rewardsView = floats(hRewards, n);
        flagsView = hFlags.getByteBuffer(0, 2L * n);
        finalObsView = floats(hFinalObs, (long) Observation.SIZE * n);
        finalReturnsView = floats(hFinalReturns, n);
        finalSuccessesView = hFinalSuccesses.getByteBuffer(0, n);
    }

    /**
     * The kernels: the PTX in the jar, or the file named by the system property mtboard.ptx (for
     * trying a kernel variant on a GPU machine without rebuilding the jar).
     */
    private static byte[] loadPtx() {
        String override = System.getProperty(PTX_OVERRIDE_PROPERTY);
        try (InputStream in = override != null
                ? java.nio.file.Files.newInputStream(java.nio.file.Path.of(override))
                : CudaVecEnv.class.getResourceAsStream(PTX_RESOURCE)) {
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

    private CUdeviceptr device(long bytes) {
        CUdeviceptr ptr = new CUdeviceptr();
        cuMemAlloc(ptr, Math.max(bytes, 1));
        cuMemsetD8(ptr, (byte) 0, Math.max(bytes, 1));
        deviceBuffers.add(ptr);
        return ptr;
    }

    private CUdeviceptr upload(int[] values) {
        CUdeviceptr ptr = device(4L * values.length);
        cuMemcpyHtoD(ptr, Pointer.to(values), 4L * values.length);
        return ptr;
    }

    private Pointer pinned(long bytes) {
        Pointer ptr = new Pointer();
        cuMemAllocHost(ptr, Math.max(bytes, 1));
        hostBuffers.add(ptr);
        return ptr;
    }

    private static FloatBuffer floats(Pointer pinned, long count) {
        return pinned.getByteBuffer(0, 4 * count).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private Pointer stepParams(CUdeviceptr actions) {
        NativePointerObject[] args = new NativePointerObject[stateArgs.length + 1];
        args[0] = Pointer.to(actions);
        System.arraycopy(stateArgs, 0, args, 1, stateArgs.length);
        return Pointer.to(args);
    }

    public String deviceName() {
        return deviceName;
    }

    @Override
    public TaskSet taskSet() {
        return taskSet;
    }

    @Override
    public int numEnvs() {
        return n;
    }

    @Override
    public String backend() {
        return "cuda";
    }

    private int blocks() {
        return (n + BLOCK - 1) / BLOCK;
    }

    @Override
    public void reset() {
        cuCtxSetCurrent(context);
        cuLaunchKernel(resetKernel, blocks(), 1, 1, BLOCK, 1, 1, 0, stream, resetParams, null);
        stepsSinceReset = 0;
        copyOutputsToHost(false);
    }

    @Override
    public void step(float[] actions) {
        if (actions.length < 4 * n) {
            throw new IllegalArgumentException("actions must hold 4 floats per env: need " + 4 * n + ", got " + actions.length);
        }
        cuCtxSetCurrent(context);
        actionsView.put(0, actions, 0, 4 * n);
        cuMemcpyHtoDAsync(dActions, hActions, 16L * n, stream);
        cuLaunchKernel(stepKernel, blocks(), 1, 1, BLOCK, 1, 1, 0, stream, stepParams, null);
        stepsSinceReset++;
        // Every env is reset together, so every episode ends on the same step.
        copyOutputsToHost(stepsSinceReset % EPISODE_LENGTH == 0);
    }

    /**
     * Steps with actions already on this GPU (4 floats per env) and leaves every output on the
     * device; the launch is asynchronous, {@link #synchronize()} waits for it.
     */
    public void stepOnDevice(CUdeviceptr actions) {
        cuCtxSetCurrent(context);
        Pointer params = actions == dActions ? stepParams : stepParams(actions);
        cuLaunchKernel(stepKernel, blocks(), 1, 1, BLOCK, 1, 1, 0, stream, params, null);
        stepsSinceReset++;
    }

    public void synchronize() {
        cuCtxSetCurrent(context);
        cuStreamSynchronize(stream);
    }

    /** Device buffer of N x 39 observations (row-major), valid after a step. */
    public CUdeviceptr deviceObservations() {
        return dObs;
    }

    public CUdeviceptr deviceRewards() {
        return dRewards;
    }

    /** N bytes: 1 where the episode ended at the last step. */
    public CUdeviceptr deviceDones() {
        return dDones;
    }

    /** Copies host actions to a new device buffer owned by this env (freed on close). */
    public CUdeviceptr uploadActions(float[] actions) {
        cuCtxSetCurrent(context);
        CUdeviceptr ptr = device(4L * actions.length);
        cuMemcpyHtoD(ptr, Pointer.to(actions), 4L * actions.length);
        return ptr;
    }

    private void copyOutputsToHost(boolean withFinals) {
        cuMemcpyDtoHAsync(hObs, dObs, 4L * Observation.SIZE * n, stream);
        cuMemcpyDtoHAsync(hRewards, dRewards, 4L * n, stream);
        cuMemcpyDtoHAsync(hFlags, dSuccesses, 2L * n, stream);
        if (withFinals) {
            cuMemcpyDtoHAsync(hFinalObs, dFinalObs, 4L * Observation.SIZE * n, stream);
            cuMemcpyDtoHAsync(hFinalReturns, dFinalReturns, 4L * n, stream);
            cuMemcpyDtoHAsync(hFinalSuccesses, dFinalSuccesses, n, stream);
        }
        cuStreamSynchronize(stream);
        obsView.get(0, outputs.observations);
        rewardsView.get(0, outputs.rewards);
        flagsView.get(0, outputs.successes);
        flagsView.get(n, outputs.dones);
        if (withFinals) {
            finalObsView.get(0, outputs.finalObservations);
            finalReturnsView.get(0, outputs.finalReturns);
            finalSuccessesView.get(0, outputs.finalSuccesses);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cuCtxSetCurrent(context);
        for (CUdeviceptr ptr : deviceBuffers) {
            cuMemFree(ptr);
        }
        for (Pointer ptr : hostBuffers) {
            cuMemFreeHost(ptr);
        }
        cuStreamDestroy(stream);
        cuModuleUnload(module);
        cuCtxDestroy(context);
    }
}

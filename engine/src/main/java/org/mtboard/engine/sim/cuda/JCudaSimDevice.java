package org.mtboard.engine.sim.cuda;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemsetD8;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import jcuda.CudaException;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import org.mtboard.engine.sim.BackendUnavailableException;
import org.mtboard.engine.sim.Observation;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.StepOutputs;
import org.mtboard.engine.sim.TaskSet;

/**
 * sim.ptx on GPU 0 through JCuda's driver API. The per-step copies (actions in, outputs out) go
 * through pinned host buffers on the kernels' stream; the rare whole-state copies of checkpoints
 * go straight from and to Java arrays.
 */
public final class JCudaSimDevice implements SimDevice {
    /** The kernels' parameters, as sim.cu's STATE_PARAMS declares them; a test keeps the two in step. */
    static final List<String> STATE_PARAM_NAMES = List.of(
            "n", "seed", "taskOfEnv", "envInTask", "hand", "gap", "hand0", "obj", "obj0", "objVz", "grasped",
            "graspOffset", "joint", "fixture", "goal", "stepCount", "episode", "episodeReturn", "episodeSuccess",
            "obs", "rewards", "successes", "dones", "finalObs", "finalReturns", "finalSuccesses");
    /** Index of stepCount among {@link SimState#deviceArrays()}. */
    private static final int STEP_COUNT = STATE_PARAM_NAMES.indexOf("stepCount") - STATE_PARAM_NAMES.indexOf("hand");

    private final CudaKernels kernels;
    private final int n;
    private final int seed;
    private final List<CUdeviceptr> deviceBuffers = new ArrayList<>();
    private final List<Pointer> hostBuffers = new ArrayList<>();

    private final CUdeviceptr dActions;
    /** One buffer per {@link SimState#deviceArrays()} entry, in that order. */
    private final CUdeviceptr[] dState;
    private final CUdeviceptr dObs;
    private final CUdeviceptr dRewards;
    /** successes then dones, in one allocation so one copy brings both back. */
    private final CUdeviceptr dFlags;
    private final CUdeviceptr dFinalObs;
    private final CUdeviceptr dFinalReturns;
    private final CUdeviceptr dFinalSuccesses;
    /** Kernel arguments after sim_step's actions pointer, in STATE_PARAMS order. */
    private final NativePointerObject[] stateArgs;
    private final Pointer resetParams;
    private final Pointer stepParams;

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
    private boolean closed;

    /** @throws org.mtboard.engine.sim.BackendUnavailableException where no GPU is usable */
    public JCudaSimDevice(TaskSet taskSet, int seed) {
        this.kernels = new CudaKernels();
        this.n = taskSet.numEnvs();
        this.seed = seed;
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
        Object[] stateLayout = new SimState(n).deviceArrays();
        dState = new CUdeviceptr[stateLayout.length];
        for (int k = 0; k < stateLayout.length; k++) {
            dState[k] = device(bytes(stateLayout[k]));
        }
        dObs = device(4L * Observation.SIZE * n);
        dRewards = device(4L * n);
        dFlags = device(2L * n);
        dFinalObs = device(4L * Observation.SIZE * n);
        dFinalReturns = device(4L * n);
        dFinalSuccesses = device(n);

        List<NativePointerObject> args = new ArrayList<>();
        args.add(Pointer.to(new int[] {n}));
        args.add(Pointer.to(new int[] {seed}));
        args.add(Pointer.to(dTaskOfEnv));
        args.add(Pointer.to(dEnvInTask));
        for (CUdeviceptr ptr : dState) {
            args.add(Pointer.to(ptr));
        }
        for (CUdeviceptr ptr : new CUdeviceptr[] {dObs, dRewards, dFlags, dFlags.withByteOffset(n), dFinalObs, dFinalReturns, dFinalSuccesses}) {
            args.add(Pointer.to(ptr));
        }
        stateArgs = args.toArray(new NativePointerObject[0]);
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

    private CUdeviceptr device(long bytes) {
        CUdeviceptr ptr = new CUdeviceptr();
        try {
            cuMemAlloc(ptr, Math.max(bytes, 1));
        } catch (CudaException e) {
            throw allocationFailed(bytes, "device", e);
        }
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
        try {
            cuMemAllocHost(ptr, Math.max(bytes, 1));
        } catch (CudaException e) {
            throw allocationFailed(bytes, "pinned host", e);
        }
        hostBuffers.add(ptr);
        return ptr;
    }

    /** Frees what the constructor allocated so far (it never returns the half-built device), and says why. */
    private BackendUnavailableException allocationFailed(long bytes, String kind, CudaException e) {
        close();
        return new BackendUnavailableException("the cuda backend could not allocate " + bytes + " bytes of " + kind + " memory for "
                + n + " envs: " + e.getMessage());
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

    /** A float[], int[] or byte[] of the state, as JCuda addresses it for a synchronous copy. */
    private static Pointer hostPointer(Object array) {
        if (array instanceof float[] f) {
            return Pointer.to(f);
        }
        if (array instanceof int[] i) {
            return Pointer.to(i);
        }
        return Pointer.to((byte[]) array);
    }

    private static long bytes(Object array) {
        if (array instanceof float[] f) {
            return 4L * f.length;
        }
        if (array instanceof int[] i) {
            return 4L * i.length;
        }
        return ((byte[]) array).length;
    }

    @Override
    public String name() {
        return kernels.deviceName();
    }

    @Override
    public int numEnvs() {
        return n;
    }

    @Override
    public int seed() {
        return seed;
    }

    @Override
    public void launchReset() {
        kernels.makeCurrent();
        kernels.launchReset(n, resetParams);
        kernels.synchronize();
    }

    @Override
    public void uploadActions(float[] actions) {
        kernels.makeCurrent();
        actionsView.put(0, actions, 0, 4 * n);
        cuMemcpyHtoDAsync(dActions, hActions, 16L * n, kernels.stream());
        kernels.synchronize();
    }

    @Override
    public void launchStep() {
        kernels.makeCurrent();
        kernels.launchStep(n, stepParams);
        kernels.synchronize();
    }

    @Override
    public void downloadOutputs(StepOutputs into) {
        kernels.makeCurrent();
        cuMemcpyDtoHAsync(hObs, dObs, 4L * Observation.SIZE * n, kernels.stream());
        cuMemcpyDtoHAsync(hRewards, dRewards, 4L * n, kernels.stream());
        cuMemcpyDtoHAsync(hFlags, dFlags, 2L * n, kernels.stream());
        kernels.synchronize();
        obsView.get(0, into.observations);
        rewardsView.get(0, into.rewards);
        flagsView.get(0, into.successes);
        flagsView.get(n, into.dones);
    }

    @Override
    public void downloadFinals(StepOutputs into) {
        kernels.makeCurrent();
        cuMemcpyDtoHAsync(hFinalObs, dFinalObs, 4L * Observation.SIZE * n, kernels.stream());
        cuMemcpyDtoHAsync(hFinalReturns, dFinalReturns, 4L * n, kernels.stream());
        cuMemcpyDtoHAsync(hFinalSuccesses, dFinalSuccesses, n, kernels.stream());
        kernels.synchronize();
        finalObsView.get(0, into.finalObservations);
        finalReturnsView.get(0, into.finalReturns);
        finalSuccessesView.get(0, into.finalSuccesses);
    }

    @Override
    public void uploadOutputs(StepOutputs from) {
        kernels.makeCurrent();
        cuMemcpyHtoD(dObs, Pointer.to(from.observations), 4L * Observation.SIZE * n);
        cuMemcpyHtoD(dRewards, Pointer.to(from.rewards), 4L * n);
        cuMemcpyHtoD(dFlags, Pointer.to(from.successes), n);
        cuMemcpyHtoD(dFlags.withByteOffset(n), Pointer.to(from.dones), n);
        cuMemcpyHtoD(dFinalObs, Pointer.to(from.finalObservations), 4L * Observation.SIZE * n);
        cuMemcpyHtoD(dFinalReturns, Pointer.to(from.finalReturns), 4L * n);
        cuMemcpyHtoD(dFinalSuccesses, Pointer.to(from.finalSuccesses), n);
    }

    @Override
    public void uploadStepCounts(int[] steps) {
        kernels.makeCurrent();
        cuMemcpyHtoD(dState[STEP_COUNT], Pointer.to(steps), 4L * n);
    }

    @Override
    public void downloadState(SimState into) {
        kernels.makeCurrent();
        Object[] arrays = into.deviceArrays();
        for (int k = 0; k < arrays.length; k++) {
            cuMemcpyDtoH(hostPointer(arrays[k]), dState[k], bytes(arrays[k]));
        }
    }

    @Override
    public void uploadState(SimState from) {
        kernels.makeCurrent();
        Object[] arrays = from.deviceArrays();
        for (int k = 0; k < arrays.length; k++) {
            cuMemcpyHtoD(dState[k], hostPointer(arrays[k]), bytes(arrays[k]));
        }
    }

    /** Copies actions to a new device buffer owned by this device (freed on close), for {@link #launchStepAsync}. */
    public CUdeviceptr uploadActionBuffer(float[] actions) {
        kernels.makeCurrent();
        CUdeviceptr ptr = device(4L * actions.length);
        cuMemcpyHtoD(ptr, Pointer.to(actions), 4L * actions.length);
        return ptr;
    }

    /**
     * Launches sim_step over actions already on this GPU (4 floats per env) and returns at once,
     * every output staying on the device: the throughput a learner on the same GPU would see.
     * {@link #synchronize()} waits for it.
     */
    public void launchStepAsync(CUdeviceptr actions) {
        kernels.makeCurrent();
        kernels.launchStep(n, actions == dActions ? stepParams : stepParams(actions));
    }

    public void synchronize() {
        kernels.makeCurrent();
        kernels.synchronize();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        kernels.makeCurrent();
        for (CUdeviceptr ptr : deviceBuffers) {
            cuMemFree(ptr);
        }
        for (Pointer ptr : hostBuffers) {
            cuMemFreeHost(ptr);
        }
        kernels.close();
    }
}

package org.mtboard.engine.sim;

import org.mtboard.engine.rng.CounterRandom;

/** The CPU backend: envs split into contiguous chunks, one per thread, stepped in place. */
public final class CpuVecEnv extends BufferedVecEnv {
    private final TaskSet taskSet;
    private final SimState state;
    private final EnvStepper stepper;
    private final ChunkPool pool;
    private final CounterRandom[] randoms;
    private final ChunkPool.ChunkJob resetJob = this::resetRange;
    private final ChunkPool.ChunkJob stepJob = this::stepRange;
    private float[] pendingActions;

    public CpuVecEnv(TaskSet taskSet, int seed, int threads) {
        super(taskSet.numEnvs());
        this.taskSet = taskSet;
        this.state = new SimState(taskSet.numEnvs());
        this.stepper = new EnvStepper(state, outputs, seed);
        this.pool = new ChunkPool(threads, "mtboard-sim");
        this.randoms = new CounterRandom[threads];
        for (int k = 0; k < threads; k++) {
            randoms[k] = new CounterRandom();
        }
    }

    /** All available cores. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public TaskSet taskSet() {
        return taskSet;
    }

    @Override
    public int numEnvs() {
        return taskSet.numEnvs();
    }

    @Override
    public String backend() {
        return "cpu";
    }

    public int threads() {
        return pool.threads();
    }

    /** The pool's worker threads, for allocation accounting in benchmarks and tests. */
    Thread[] workerThreads() {
        return pool.workerThreads();
    }

    /** Read-only view for tests and tools; do not modify. */
    public SimState state() {
        return state;
    }

    @Override
    public void saveState(java.io.DataOutputStream out) throws java.io.IOException {
        StateIo.write(out, state, outputs);
    }

    @Override
    public void loadState(java.io.DataInputStream in) throws java.io.IOException {
        StateIo.read(in, state, outputs);
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(state.episode, 0);
        pool.run(resetJob, numEnvs());
    }

    @Override
    public void startEpisodesAt(int[] firstSteps) {
        EpisodeStarts.check(firstSteps, numEnvs());
        System.arraycopy(firstSteps, 0, state.step, 0, firstSteps.length);
    }

    @Override
    public void step(float[] actions) {
        checkActions(actions);
        pendingActions = actions;
        pool.run(stepJob, numEnvs());
        pendingActions = null;
    }

    private void resetRange(int from, int to, int worker) {
        runRange(from, to, worker, null);
    }

    private void stepRange(int from, int to, int worker) {
        runRange(from, to, worker, pendingActions);
    }

    /** Resets (actions == null) or steps the envs in [from, to), task block by task block. */
    private void runRange(int from, int to, int worker, float[] actions) {
        for (int t = 0; t < taskSet.taskCount(); t++) {
            int first = taskSet.firstEnv(t);
            int lo = Math.max(from, first);
            int hi = Math.min(to, first + taskSet.envCount(t));
            Task task = taskSet.task(t);
            for (int i = lo; i < hi; i++) {
                if (actions == null) {
                    stepper.reset(task, i, i - first, randoms[worker]);
                    outputs.rewards[i] = 0.0f;
                    outputs.successes[i] = 0;
                    outputs.dones[i] = 0;
                } else {
                    stepper.step(task, i, i - first, actions, randoms[worker]);
                }
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

package org.mtboard.engine.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.mtboard.engine.nn.ActorCritic;
import org.mtboard.engine.nn.Adam;
import org.mtboard.engine.nn.Djl;
import org.mtboard.engine.nn.NetworkDevice;
import org.mtboard.engine.nn.SeededInit;
import org.mtboard.engine.recipe.Hyperparameters;
import org.mtboard.engine.rl.Advantages;
import org.mtboard.engine.rl.Gae;
import org.mtboard.engine.rl.PerTaskRunningStats;
import org.mtboard.engine.rl.PpoLoss;
import org.mtboard.engine.rng.CounterRandom;
import org.mtboard.engine.sim.Backends;
import org.mtboard.engine.sim.ChunkPool;
import org.mtboard.engine.sim.Observation;
import org.mtboard.engine.sim.Suites;
import org.mtboard.engine.sim.TaskSet;
import org.mtboard.engine.sim.VecEnv;

/**
 * Trains one submission on one seed (MT-PPO or MT-GRPO): rollouts on a vector env (either
 * simulator backend; both step the same bits), networks on the CPU or a GPU,
 * per-task observation and value normalisation, advantages, clipped PPO updates with DJL, a log
 * line per epoch and checkpoints that resume bit-identically. All randomness is keyed by the
 * seed and counters (epoch, step, env), so nothing but the checkpoint is needed to go on.
 */
public final class Trainer implements AutoCloseable {
    /** Called after every epoch; a caller that wants the run to stop says so between epochs. */
    public interface Progress {
        /** Once, before the first new epoch: the suite's task names and the epochs a resumed run already has. */
        default void onStart(List<String> taskNames, List<EpochRecord> epochsSoFar) {
        }

        void onEpoch(EpochRecord record, int totalEpochs);

        /** Asked after each epoch (and its checkpoint): true ends the run there, scored as partial. */
        default boolean cancelled() {
            return false;
        }

        /** Each checkpoint as it is taken, as bytes (the service stores them); also written to the out dir. */
        default void onCheckpoint(byte[] checkpoint) {
        }

        /**
         * Asked after each epoch: true takes a checkpoint now, besides the every-N-epochs ones
         * (the service checkpoints by the clock, so it encodes one only when it will store it).
         */
        default boolean checkpointDue() {
            return false;
        }

        /** A line for the log, e.g. that auto found no GPU and the run uses the CPU backend. */
        default void onNotice(String line) {
        }
    }

    private static final int STREAM_POLICY_NOISE = 2;
    private static final long STREAM_SHUFFLE = 3;
    private static final int STREAM_FIRST_EPISODE_STEP = 4;
    private static final float OBS_CLIP = 5.0f;
    private static final int A = ActorCritic.ACTION_DIM;
    private static final int O = Observation.SIZE;

    private final TrainingConfig config;
    private final Hyperparameters hp;
    private final TaskSet set;
    private final VecEnv env;
    private final TensorCopies copies = new TensorCopies();
    /** Host loops over envs (inputs, policy noise) split across the run's threads; each env's values are its own. */
    private final ChunkPool hostPool;
    private final CounterRandom[] noiseByWorker;
    private final NDManager manager;
    private final ActorCritic net;
    private final Adam adam;
    private final PerTaskRunningStats obsStats;
    private final PerTaskRunningStats valueStats;
    private final int tasks;
    private final int n;
    private final int h;
    private final int d;
    private final int[] taskOfEnv;
    private final int[] taskOfSample;
    private final List<EpochRecord> curve = new ArrayList<>();
    private final CounterRandom noise = new CounterRandom();
    private int epochsDone;
    private double wallBefore;
    private boolean restored;

    // Rollout buffers, sample j = t * n + i.
    private final float[] inputs;
    private final float[] rawObs;
    private final float[] actions;
    private final float[] logProbs;
    private final float[] values;
    private final float[] rewards;
    private final byte[] dones;
    private final float[] finalValues;
    private final float[] advantages;
    private final float[] returns;
    private final float[] stepActions;

    /** On the config's simulator backend (cpu or cuda). */
    public Trainer(TrainingConfig config) {
        this(config, set -> Backends.create(config.backend(), set, config.seed(), config.threads(), line -> { }));
    }

    /** On the env the factory makes for the run's task set (tests drive a backend's host side this way). */
    public Trainer(TrainingConfig config, Function<TaskSet, VecEnv> envFactory) {
        this.config = config;
        this.hp = config.submission().hyperparameters();
        this.set = TaskSet.evenSplit(Suites.resolve(config.benchmark().suite()), config.numEnvs());
        this.tasks = set.taskCount();
        this.n = set.numEnvs();
        this.h = config.horizon();
        this.d = O + tasks;
        VecEnv made = envFactory.apply(set);
        ChunkPool pool = null;
        NDManager base = null;
        // What holds native memory (the env's GPU buffers, the networks) is freed if a later step fails.
        try {
            if (made.numEnvs() != n) {
                throw new IllegalArgumentException("the env has " + made.numEnvs() + " envs, the run needs " + n);
            }
            pool = new ChunkPool(Math.max(1, Math.min(config.threads(), n)), "mtboard-host");
            Djl.recordNoGradientsInThisThread();
            base = Djl.newManager(NetworkDevice.djl(config.device()));
            this.net = new ActorCritic(base, config.submission().network(), d, tasks, config.seed());
            this.adam = new Adam(net.parameters(), (float) hp.learningRate());
        } catch (RuntimeException | Error e) {
            if (base != null) {
                base.close();
            }
            if (pool != null) {
                pool.close();
            }
            made.close();
            throw e;
        }
        this.env = made;
        this.hostPool = pool;
        this.manager = base;
        this.noiseByWorker = new CounterRandom[hostPool.threads()];
        for (int k = 0; k < noiseByWorker.length; k++) {
            noiseByWorker[k] = new CounterRandom();
        }
        this.obsStats = new PerTaskRunningStats(tasks, O, OBS_CLIP);
        this.valueStats = new PerTaskRunningStats(tasks, 1, 1e9);
        this.taskOfEnv = new int[n];
        for (int i = 0; i < n; i++) {
            taskOfEnv[i] = set.taskOfEnv(i);
        }
        int samples = h * n;
        this.taskOfSample = new int[samples];
        for (int j = 0; j < samples; j++) {
            taskOfSample[j] = taskOfEnv[j % n];
        }
        inputs = new float[samples * d];
        rawObs = new float[samples * O];
        actions = new float[samples * A];
        logProbs = new float[samples];
        values = new float[samples];
        rewards = new float[samples];
        dones = new byte[samples];
        finalValues = new float[samples];
        advantages = new float[samples];
        returns = new float[samples];
        stepActions = new float[n * A];
    }

    public TaskSet taskSet() {
        return set;
    }

    /**
     * Continues from checkpoint bytes (e.g. from the service's database) instead of starting fresh;
     * call before {@link #train}. Refuses bytes of another run, naming both.
     */
    public void restore(byte[] checkpoint) throws IOException {
        CheckpointFile.decode(this, checkpoint, "checkpoint bytes");
        restored = true;
    }

    /** Runs every remaining epoch, checkpointing as configured, and scores the run. */
    public TrainResult train(Progress progress) throws IOException {
        CheckpointFile checkpoint = new CheckpointFile(config.outDir().resolve("checkpoint.bin"));
        // A run restored from bytes (restore) is set up already; otherwise resume from the file or start.
        if (!restored && config.resume() && checkpoint.exists()) {
            checkpoint.read(this);
        } else if (!restored) {
            env.reset();
            // GAE bootstraps across rollout ends, so PPO can take episodes in any phase; GRPO's
            // reward-to-go needs whole episodes, which its 150-step rollouts hold only in lockstep.
            if (net.hasCritic()) {
                env.startEpisodesAt(staggeredFirstSteps());
            }
        }
        int total = config.epochs();
        progress.onStart(set.names(), List.copyOf(curve));
        long start = System.nanoTime();
        while (epochsDone < total) {
            EpochRecord record = runEpoch(epochsDone, start);
            curve.add(record);
            epochsDone++;
            progress.onEpoch(record, total);
            boolean cancelled = progress.cancelled();
            boolean scheduled = config.checkpointEvery() > 0 && (epochsDone % config.checkpointEvery() == 0 || epochsDone == total || cancelled);
            if (scheduled || progress.checkpointDue()) {
                byte[] bytes = CheckpointFile.encode(this);
                checkpoint.write(bytes);
                progress.onCheckpoint(bytes);
            }
            if (cancelled) {
                break;
            }
        }
        return Scoring.result(this, (System.nanoTime() - start) / 1e9 + wallBefore);
    }

    private EpochRecord runEpoch(int epoch, long runStart) {
        long t0 = System.nanoTime();
        long simNanos = 0;
        long rolloutNanos = 0;
        long envCopiesBefore = env.copyNanos();
        copies.takeNanos();
        int[] ended = new int[tasks];
        int[] succeeded = new int[tasks];
        double[] returnSum = new double[tasks];
        for (int t = 0; t < h; t++) {
            long a = System.nanoTime();
            int base = t * n;
            float[] obs = env.observations();
            System.arraycopy(obs, 0, rawObs, base * O, n * O);
            buildInputs(obs, inputs, base * d);
            act(t, epoch);
            long b = System.nanoTime();
            env.step(stepActions);
            long c = System.nanoTime();
            System.arraycopy(env.rewards(), 0, rewards, base, n);
            System.arraycopy(env.dones(), 0, dones, base, n);
            boolean anyDone = false;
            for (int i = 0; i < n; i++) {
                if (env.dones()[i] != 0) {
                    anyDone = true;
                    int task = taskOfEnv[i];
                    ended[task]++;
                    succeeded[task] += env.finalSuccesses()[i];
                    returnSum[task] += env.finalReturns()[i];
                }
            }
            if (anyDone && net.hasCritic()) {
                float[] finalInputs = new float[n * d];
                buildInputs(env.finalObservations(), finalInputs, 0);
                float[] v = predictValues(finalInputs);
                for (int i = 0; i < n; i++) {
                    finalValues[base + i] = valueStats.denormalize(taskOfEnv[i], 0, v[i]);
                }
            }
            simNanos += c - b;
            rolloutNanos += System.nanoTime() - a;
        }
        long envCopies = env.copyNanos() - envCopiesBefore;
        long rolloutCopies = copies.takeNanos();
        long u0 = System.nanoTime();
        float[] lastValues = new float[n];
        if (net.hasCritic()) {
            float[] lastInputs = new float[n * d];
            buildInputs(env.observations(), lastInputs, 0);
            float[] v = predictValues(lastInputs);
            for (int i = 0; i < n; i++) {
                lastValues[i] = valueStats.denormalize(taskOfEnv[i], 0, v[i]);
            }
        }
        float[] oldValues = prepareTargets(lastValues);
        obsStats.update(rawObs, O, 0, taskOfSample, h * n);
        double loss = update(epoch, oldValues);
        long end = System.nanoTime();
        long updateCopies = copies.takeNanos();
        // The phases add up to the epoch: the simulator's own transfers come out of its step time,
        // the networks' out of inference and update (last-value predictions count as update).
        Phases phases = new Phases(simNanos - envCopies, envCopies + rolloutCopies + updateCopies,
                rolloutNanos - simNanos - rolloutCopies, end - u0 - updateCopies);
        return record(epoch, runStart, end - t0, phases, ended, succeeded, returnSum, loss);
    }

    /**
     * Each env's first episode starts at a step drawn uniformly from [0, 150), keyed by (seed,
     * env), so every rollout holds all phases of an episode and about 1/150 of the envs end an
     * episode on every step (episodes are otherwise in lockstep: all 150 steps long, no early
     * termination).
     */
    private int[] staggeredFirstSteps() {
        int[] steps = new int[n];
        for (int i = 0; i < n; i++) {
            noise.position(config.seed(), STREAM_FIRST_EPISODE_STEP, 0, i, 0, 0);
            steps[i] = (int) (noise.nextFloat() * VecEnv.EPISODE_LENGTH);
        }
        return steps;
    }

    /** [per-task normalised observation, one-hot] rows for n envs into dst at offset. */
    private void buildInputs(float[] obs, float[] dst, int offset) {
        hostPool.run((from, to, worker) -> buildRows(obs, dst, offset, from, to), n);
    }

    private void buildRows(float[] obs, float[] dst, int offset, int from, int to) {
        for (int i = from; i < to; i++) {
            int task = taskOfEnv[i];
            int row = offset + i * d;
            for (int k = 0; k < O; k++) {
                dst[row + k] = obsStats.normalize(task, k, obs[i * O + k]);
            }
            for (int k = 0; k < tasks; k++) {
                dst[row + O + k] = k == task ? 1.0f : 0.0f;
            }
        }
    }

    /** Samples this step's actions from the policy and records their log-probs and values. */
    private void act(int t, int epoch) {
        int base = t * n;
        try (NDManager scope = manager.newSubManager()) {
            borrowLogStd(scope);
            NDArray x = copies.upload(scope, Arrays.copyOfRange(inputs, base * d, (base + n) * d), new Shape(n, d));
            NDArray mean = net.mean(x);
            float[] mu = copies.download(mean);
            float[] logStd = copies.download(net.logStd());
            // Hoisted out of the loop below: the same StrictMath.exp of the same float, so the same bits.
            double[] std = new double[A];
            for (int k = 0; k < A; k++) {
                std[k] = StrictMath.exp(logStd[k]);
            }
            long globalStep = (long) epoch * h + t;
            hostPool.run((from, to, worker) -> sampleActions(mu, std, globalStep, noiseByWorker[worker], from, to), n);
            System.arraycopy(stepActions, 0, actions, base * A, n * A);
            NDArray a = copies.upload(scope, stepActions, new Shape(n, A));
            float[] lp = copies.download(PpoLoss.logProb(mean, net.logStd(), a));
            System.arraycopy(lp, 0, logProbs, base, n);
            if (net.hasCritic()) {
                float[] v = copies.download(net.value(x));
                for (int i = 0; i < n; i++) {
                    values[base + i] = valueStats.denormalize(taskOfEnv[i], 0, v[i]);
                }
            }
        }
    }

    /** Gaussian actions around the policy means for envs [from, to), each from its own counter-keyed noise. */
    private void sampleActions(float[] mu, double[] std, long globalStep, CounterRandom noise, int from, int to) {
        for (int i = from; i < to; i++) {
            // Philox keyed by (seed, policy-noise stream), counter (draw, step, env, step high bits).
            noise.position(config.seed(), STREAM_POLICY_NOISE, (int) (globalStep >>> 31), i, (int) (globalStep & 0x7FFFFFFF), 0);
            for (int k = 0; k < A; k += 2) {
                // Box-Muller with StrictMath (identical on every JVM): two normals from two uniforms.
                double u1 = 1.0 - noise.nextFloat();
                double u2 = noise.nextFloat();
                double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
                stepActions[i * A + k] = (float) (mu[i * A + k] + std[k] * r * StrictMath.cos(2 * Math.PI * u2));
                stepActions[i * A + k + 1] = (float) (mu[i * A + k + 1] + std[k + 1] * r * StrictMath.sin(2 * Math.PI * u2));
            }
        }
    }

    /**
     * Lends the log-std parameter to a scope: operations whose first operand it is would
     * otherwise leave their results in the parameters' long-lived manager, one per step.
     */
    private void borrowLogStd(NDManager scope) {
        scope.tempAttachAll(new ai.djl.ndarray.NDList(net.logStd()));
    }

    private float[] predictValues(float[] rows) {
        try (NDManager scope = manager.newSubManager()) {
            return copies.download(net.value(copies.upload(scope, rows, new Shape(rows.length / d, d))));
        }
    }

    /**
     * Advantages and critic targets. PPO: GAE in raw units, then the value normaliser learns the
     * returns and targets and old values move to its (updated) normalised units; advantages are
     * normalised over the batch. GRPO: per-task normalised reward-to-go.
     *
     * @return old values in normalised units (null for GRPO)
     */
    private float[] prepareTargets(float[] lastValues) {
        if (!net.hasCritic()) {
            Advantages.grpo(rewards, dones, h, n, (float) hp.gamma(), taskOfEnv, tasks, advantages);
            return null;
        }
        Gae.compute(rewards, values, lastValues, dones, finalValues, h, n, (float) hp.gamma(),
                hp.gaeLambda().floatValue(), advantages, returns);
        valueStats.update(returns, 1, 0, taskOfSample, h * n);
        float[] oldValues = new float[h * n];
        for (int j = 0; j < h * n; j++) {
            int task = taskOfSample[j];
            oldValues[j] = valueStats.normalize(task, 0, values[j]);
            returns[j] = valueStats.normalize(task, 0, returns[j]);
        }
        Advantages.normalize(advantages, 0, h * n);
        return oldValues;
    }

    /** Mini-epochs of shuffled minibatches; returns the mean loss. */
    private double update(int epoch, float[] oldValues) {
        int samples = h * n;
        int minibatch = samples / hp.minibatches();
        PpoLoss.Settings settings = new PpoLoss.Settings((float) hp.clip(),
                hp.valueClip() == null ? 0f : hp.valueClip().floatValue(),
                hp.criticCoef() == null ? 0f : hp.criticCoef().floatValue(), (float) hp.entropyCoef(),
                (float) hp.boundsLossCoef());
        int[] order = new int[samples];
        int[] batch = new int[minibatch];
        float[] mbAdv = new float[samples];
        double lossSum = 0;
        int updates = 0;
        // The rollout goes to the networks' device once; minibatches are gathered there by index
        // (exact copies, so the same bits as gathering on the host).
        try (NDManager epochScope = manager.newSubManager()) {
            RolloutTensors rollout = new RolloutTensors(epochScope, oldValues);
            for (int e = 0; e < hp.miniEpochs(); e++) {
                shuffle(order, new SeededInit(config.seed(), STREAM_SHUFFLE + 1000L * (epoch * (long) hp.miniEpochs() + e)));
                for (int mb = 0; mb + minibatch <= samples; mb += minibatch) {
                    System.arraycopy(order, mb, batch, 0, minibatch);
                    // Only this minibatch's entries are normalised and read, so only they are copied.
                    for (int j : batch) {
                        mbAdv[j] = advantages[j];
                    }
                    if (net.hasCritic()) {
                        Advantages.normalizePerTask(mbAdv, batch, minibatch, taskOfSample, tasks);
                    }
                    lossSum += step(batch, mbAdv, rollout, settings);
                    updates++;
                }
            }
        }
        return updates == 0 ? Double.NaN : lossSum / updates;
    }

    /** The epoch's samples on the networks' device, row j = sample j (critic targets only with a critic). */
    private final class RolloutTensors {
        final NDArray inputs;
        final NDArray actions;
        final NDArray logProbs;
        final NDArray returns;
        final NDArray oldValues;

        RolloutTensors(NDManager scope, float[] oldValues) {
            int samples = h * n;
            this.inputs = copies.upload(scope, Trainer.this.inputs, new Shape(samples, d));
            this.actions = copies.upload(scope, Trainer.this.actions, new Shape(samples, A));
            this.logProbs = copies.upload(scope, Trainer.this.logProbs);
            this.returns = oldValues == null ? null : copies.upload(scope, Trainer.this.returns);
            this.oldValues = oldValues == null ? null : copies.upload(scope, oldValues);
        }
    }

    private double step(int[] batch, float[] adv, RolloutTensors rollout, PpoLoss.Settings settings) {
        int b = batch.length;
        long[] rows = new long[b];
        float[] advantage = new float[b];
        for (int k = 0; k < b; k++) {
            rows[k] = batch[k];
            advantage[k] = adv[batch[k]];
        }
        try (NDManager scope = manager.newSubManager()) {
            borrowLogStd(scope);
            NDIndex pick = new NDIndex("{}", copies.upload(scope, rows));
            float loss;
            // Gradients start at zero: Adam.step zeroes them after every update.
            try (Djl.GradientRecording gc = Djl.recordGradients()) {
                NDArray input = rollout.inputs.get(scope, pick);
                NDArray value = net.hasCritic() ? net.value(input) : null;
                PpoLoss.Terms terms = PpoLoss.compute(net.mean(input), net.logStd(), value, rollout.actions.get(scope, pick),
                        rollout.logProbs.get(scope, pick), copies.upload(scope, advantage),
                        net.hasCritic() ? rollout.returns.get(scope, pick) : null,
                        net.hasCritic() ? rollout.oldValues.get(scope, pick) : null, settings);
                gc.backward(terms.total());
                loss = terms.total().getFloat();
            }
            // The optimiser updates parameters in place, which autograd allows only outside the collector.
            adam.step((float) hp.maxGradNorm());
            return loss;
        }
    }

    private static void shuffle(int[] order, SeededInit random) {
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        for (int k = order.length - 1; k > 0; k--) {
            int j = (int) (random.nextDouble() * (k + 1));
            int tmp = order[k];
            order[k] = order[j];
            order[j] = tmp;
        }
    }

    /** An epoch's nanoseconds by phase (EpochRecord). */
    private record Phases(long sim, long copies, long inference, long update) {
    }

    private EpochRecord record(int epoch, long runStart, long epochNanos, Phases phases, int[] ended, int[] succeeded,
                               double[] returnSum, double loss) {
        double[] taskSuccess = new double[tasks];
        double[] taskReturn = new double[tasks];
        int episodes = 0;
        double successSum = 0;
        int tasksWithEpisodes = 0;
        double returnTotal = 0;
        for (int t = 0; t < tasks; t++) {
            taskSuccess[t] = ended[t] == 0 ? Double.NaN : (double) succeeded[t] / ended[t];
            taskReturn[t] = ended[t] == 0 ? Double.NaN : returnSum[t] / ended[t];
            episodes += ended[t];
            returnTotal += returnSum[t];
            if (ended[t] > 0) {
                successSum += taskSuccess[t];
                tasksWithEpisodes++;
            }
        }
        // The epoch's mean over the tasks that ended episodes in it (with few envs per task and
        // staggered episodes, some may not); the run's score averages each task on its own.
        double meanSuccess = tasksWithEpisodes == 0 ? Double.NaN : successSum / tasksWithEpisodes;
        long frames = (epoch + 1L) * config.framesPerEpoch();
        double wall = (System.nanoTime() - runStart) / 1e9 + wallBefore;
        return new EpochRecord(epoch, frames, wall, config.framesPerEpoch() / (epochNanos / 1e9), meanSuccess, taskSuccess,
                episodes == 0 ? Double.NaN : returnTotal / episodes, taskReturn, episodes, phases.sim() / 1e9, phases.inference() / 1e9,
                phases.update() / 1e9, phases.copies() / 1e9, loss, meanActionStd(), ParameterDigest.shortHex(net.parameters().export()));
    }

    private double meanActionStd() {
        float[] logStd = net.logStd().toFloatArray();
        double sum = 0;
        for (float v : logStd) {
            sum += StrictMath.exp(v);
        }
        return sum / logStd.length;
    }

    // Accessors for checkpoints and scoring (same package).
    TrainingConfig config() {
        return config;
    }

    VecEnv env() {
        return env;
    }

    ActorCritic network() {
        return net;
    }

    Adam adam() {
        return adam;
    }

    PerTaskRunningStats obsStats() {
        return obsStats;
    }

    PerTaskRunningStats valueStats() {
        return valueStats;
    }

    /** Every epoch's record so far, restored ones included (read-only view). */
    public List<EpochRecord> curve() {
        return java.util.Collections.unmodifiableList(curve);
    }

    int epochsDone() {
        return epochsDone;
    }

    void restoreProgress(int epochs, double wallSeconds, List<EpochRecord> records) {
        this.epochsDone = epochs;
        this.wallBefore = wallSeconds;
        curve.clear();
        curve.addAll(records);
    }

    @Override
    public void close() {
        hostPool.close();
        net.close();
        manager.close();
        env.close();
    }
}

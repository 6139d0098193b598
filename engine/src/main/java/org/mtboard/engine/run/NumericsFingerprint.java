package org.mtboard.engine.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mtboard.engine.nn.ActorCritic;
import org.mtboard.engine.nn.Adam;
import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.nn.Djl;
import org.mtboard.engine.nn.PortableMath;
import org.mtboard.engine.recipe.NetworkConfig;
import org.mtboard.engine.rl.PpoLoss;

/**
 * The CPU numerics of training, operation by operation: every libtorch operation the trainer uses,
 * in the shapes of MT-PPO's smoke recipe (minibatches of 2048 rows, rollout inference on 256, input
 * width 49, hidden 256-128-64, 4 actions), on inputs from a fixed integer hash, each with inputs of
 * its own so that a difference in one does not feed the next; then the engine's own networks, loss
 * and optimiser, recording gradients as Trainer.step does (Djl.recordGradients): one PPO gradient,
 * one Adam step and the 20 updates of one epoch (elu, tanh and
 * multi-head networks). One line per operation with the first 16 hex digits of the SHA-256 of its
 * outputs (and gradients).
 *
 * <p>Two machines that train bit-identically print the same lines, so a new CPU kind whose
 * rounding differs is named operation by operation in seconds ({@code NumericsFingerprintTest},
 * against the committed {@code numerics-fingerprint.txt}), not as an opaque replay diff after a
 * minute of training. It follows ../shared/numerics-probe/NumericsProbe.java, through the engine's
 * classes (so PortableMath's exp, tanh and sqrt, not libtorch's).
 */
public final class NumericsFingerprint {
    /** Rows of a minibatch, of a rollout's inference, and samples of one epoch (256 envs x 32 steps). */
    static final int B = 2048;
    static final int R = 256;
    static final int S = 8192;
    static final int OBS = 39;
    static final int TASKS = 10;
    static final int D = OBS + TASKS;
    static final int A = ActorCritic.ACTION_DIM;
    static final List<Integer> HIDDEN = List.of(256, 128, 64);
    /** The committed digests, one "name digest" line each. */
    public static final String EXPECTED = "numerics-fingerprint.txt";

    /** One operation's digest. */
    public record Line(String name, String digest) {
        @Override
        public String toString() {
            return name + " " + digest;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final NDManager manager;
    private int inputStream;

    private NumericsFingerprint(NDManager manager) {
        this.manager = manager;
    }

    /** Runs every operation with this process's numerics (pinned unless -Dmtboard.numerics=native). */
    public static List<Line> compute() {
        Djl.recordNoGradientsInThisThread();
        try (NDManager m = Djl.newManager()) {
            NumericsFingerprint f = new NumericsFingerprint(m);
            f.operations();
            f.networks();
            return List.copyOf(f.lines);
        }
    }

    /** The committed digests (the engine's resource). */
    public static List<Line> expected() throws IOException {
        try (InputStream in = NumericsFingerprint.class.getResourceAsStream(EXPECTED)) {
            if (in == null) {
                throw new IOException(EXPECTED + " is missing from the engine's resources");
            }
            List<Line> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.trim().split("\\s+");
                    out.add(new Line(parts[0], parts[1]));
                }
            }
            return out;
        }
    }

    /** Each operation whose digest differs from the expected one (or is missing on either side), naming it. */
    public static List<String> differences(List<Line> actual, List<Line> expected) {
        Map<String, String> want = new LinkedHashMap<>();
        expected.forEach(l -> want.put(l.name(), l.digest()));
        Map<String, String> got = new LinkedHashMap<>();
        actual.forEach(l -> got.put(l.name(), l.digest()));
        List<String> out = new ArrayList<>();
        got.forEach((name, digest) -> {
            String w = want.get(name);
            if (w == null) {
                out.add(name + ": " + digest + " here, not in the committed fingerprint");
            } else if (!w.equals(digest)) {
                out.add(name + ": " + digest + " here, " + w + " committed");
            }
        });
        want.keySet().stream().filter(n -> !got.containsKey(n)).forEach(n -> out.add(n + ": committed, not computed here"));
        return out;
    }

    /** The machine the digests were computed on, for messages. */
    public static String machine() {
        CpuNumerics.Settings s = CpuNumerics.current();
        return s.cpuModel() + " (" + s.cpuIsa() + ", numerics " + (s.pinned() ? "pinned" : "unpinned") + ", math " + s.math() + ")";
    }

    // ---- single operations, each on its own inputs ----

    private void operations() {
        int in = D;
        for (int out : List.of(256, 128, 64, A, 1)) {
            int width = out == A || out == 1 ? 64 : in;
            for (int rows : new int[] {R, B}) {
                NDArray x = input(rows, width);
                record("linear." + width + "x" + out + ".rows" + rows, x.matMul(input(width, out)).add(input(out)));
            }
            layerBackward(width, out);
            in = out;
        }
        elementwise("elu.2048x256", x -> Activation.elu(x, 1.0f), 4f);
        elementwise("relu.2048x256", Activation::relu, 4f);
        elementwise("exp.2048", PortableMath::exp, B, 3f);
        elementwise("exp.4", PortableMath::exp, A, 1f);
        elementwise("tanh.2048x256", PortableMath::tanh, 4f);
        record("sqrt.49x256", PortableMath.sqrt(input(D, 256).abs()));
        record("sqrt.2048x256", PortableMath.sqrt(input(B, 256).abs()));
        record("square.2048x256", input(B, 256).square());
        record("sum.all.2048x256", input(B, 256).sum());
        record("sum.axis1.2048x4", input(B, A).sum(new int[] {1}));
        record("mean.2048", input(B).mean());
        record("clip.2048", input(B).clip(0.8f, 1.2f));
        record("minimum.2048", input(B).minimum(input(B)));
        record("maximum.2048", input(B).maximum(0f));
        logProb();
        NDArray samples = input(S, D);
        long[] rows = new long[B];
        for (int k = 0; k < B; k++) {
            rows[k] = (k * 2654435761L) % S;
        }
        record("gather.8192x49.rows2048", samples.get(new NDIndex("{}", manager.create(rows))));
        NDList partials = new NDList();
        for (int k = 0; k < 17; k++) {
            partials.add(input(1));
        }
        record("concat.17", NDArrays.concat(partials));
        NDArray heads = input(B, TASKS * A);
        NDArray oneHot = oneHot(B);
        record("multihead.select.2048", heads.reshape(B, TASKS, A).mul(oneHot.reshape(B, TASKS, 1)).sum(new int[] {1}));
    }

    /** One elu layer's forward and backward: the transposed products of dW and dx, and the bias sum. */
    private void layerBackward(int in, int out) {
        NDArray x = input(B, in);
        NDArray w = input(in, out);
        NDArray b = input(out);
        NDArray upstream = input(B, out);
        for (NDArray p : new NDArray[] {x, w, b}) {
            p.setRequiresGradient(true);
        }
        try (Djl.GradientRecording gc = Djl.recordGradients()) {
            gc.backward(Activation.elu(x.matMul(w).add(b), 1.0f).mul(upstream).sum());
        }
        record("linear." + in + "x" + out + ".backward.dx", x.getGradient());
        record("linear." + in + "x" + out + ".backward.dw", w.getGradient());
        record("linear." + in + "x" + out + ".backward.db", b.getGradient());
    }

    private void elementwise(String name, Function<NDArray, NDArray> op, float scale) {
        elementwise(name, op, -1, scale);
    }

    /** The operation's output and its gradient (of sum(out * r) for a fixed r). */
    private void elementwise(String name, Function<NDArray, NDArray> op, int length, float scale) {
        NDArray x = (length < 0 ? input(B, 256) : input(length)).mul(scale);
        NDArray r = length < 0 ? input(B, 256) : input(length);
        x.setRequiresGradient(true);
        NDArray y;
        try (Djl.GradientRecording gc = Djl.recordGradients()) {
            y = op.apply(x);
            gc.backward(y.mul(r).sum());
        }
        record(name, y, x.getGradient());
    }

    private void logProb() {
        NDArray mean = input(B, A);
        NDArray logStd = input(A).mul(0.5f);
        NDArray actions = input(B, A);
        mean.setRequiresGradient(true);
        logStd.setRequiresGradient(true);
        NDArray lp;
        try (Djl.GradientRecording gc = Djl.recordGradients()) {
            lp = PpoLoss.logProb(mean, logStd, actions);
            gc.backward(lp.sum());
        }
        record("logprob.2048", lp, mean.getGradient(), logStd.getGradient());
    }

    // ---- the engine's networks, loss and optimiser ----

    private void networks() {
        network("ppo.elu", new NetworkConfig(HIDDEN, HIDDEN, "elu", false, 0.0), 20);
        network("ppo.tanh", new NetworkConfig(HIDDEN, HIDDEN, "tanh", false, 0.0), 4);
        network("ppo.multihead", new NetworkConfig(HIDDEN, HIDDEN, "elu", true, 0.0), 4);
    }

    /** Rollout inference, then updates of MT-PPO's loss with Adam over one epoch's samples, as Trainer.step does. */
    private void network(String name, NetworkConfig config, int updates) {
        try (ActorCritic net = new ActorCritic(manager, config, D, TASKS, 101)) {
            Adam adam = new Adam(net.parameters(), 5e-4f);
            NDArray rollout = observations(R);
            record(name + ".rollout", net.mean(rollout), net.value(rollout));
            PpoLoss.Settings settings = new PpoLoss.Settings(0.2f, 0.2f, 4.0f, 0.005f, 1e-4f);
            NDArray inputs = observations(S);
            NDArray actions = input(S, A);
            NDArray oldLogProb = input(S).mul(2f).sub(6f);
            NDArray advantages = input(S);
            NDArray returns = input(S);
            NDArray oldValues = input(S).mul(0.5f);
            for (int u = 0; u < updates; u++) {
                try (NDManager scope = manager.newSubManager()) {
                    scope.tempAttachAll(new NDList(net.logStd()));
                    NDIndex pick = new NDIndex("{}", scope.arange(u % 4 * B, (u % 4 + 1) * B).toType(ai.djl.ndarray.types.DataType.INT64, false));
                    float loss;
                    try (Djl.GradientRecording gc = Djl.recordGradients()) {
                        NDArray x = inputs.get(scope, pick);
                        PpoLoss.Terms terms = PpoLoss.compute(net.mean(x), net.logStd(), net.value(x), actions.get(scope, pick),
                                oldLogProb.get(scope, pick), advantages.get(scope, pick), returns.get(scope, pick),
                                oldValues.get(scope, pick), settings);
                        gc.backward(terms.total());
                        loss = terms.total().getFloat();
                    }
                    if (u == 0) {
                        NDList grads = new NDList();
                        net.parameters().all().forEach(p -> grads.add(p.getGradient().duplicate()));
                        record(name + ".gradients", grads.toArray(new NDArray[0]));
                    }
                    float norm = adam.step(1.0f);
                    lines.add(new Line(String.format("%s.update.%02d", name, u),
                            digest(new float[] {loss, norm}, net.parameters().export().values().toArray(new float[0][]))));
                }
            }
        }
    }

    // ---- inputs and digests ----

    /** Observations in the trainer's layout: 39 normalised values, then the task one-hot. */
    private NDArray observations(int rows) {
        return NDArrays.concat(new NDList(input(rows, OBS), oneHot(rows)), 1);
    }

    private NDArray oneHot(int rows) {
        float[] v = new float[rows * TASKS];
        for (int i = 0; i < rows; i++) {
            v[i * TASKS + i % TASKS] = 1f;
        }
        return manager.create(v, new Shape(rows, TASKS));
    }

    /** Floats in (-1, 1) from a fixed hash of (this input's number, index). */
    private NDArray input(int... shape) {
        int stream = inputStream++;
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        float[] v = new float[(int) count];
        for (int k = 0; k < v.length; k++) {
            long z = (stream * 0x9E3779B97F4A7C15L) ^ (k * 0xBF58476D1CE4E5B9L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            v[k] = (float) ((z >>> 40) / (double) (1L << 24) * 2.0 - 1.0);
        }
        long[] dims = new long[shape.length];
        for (int k = 0; k < shape.length; k++) {
            dims[k] = shape[k];
        }
        return manager.create(v, new Shape(dims));
    }

    private void record(String name, NDArray... outputs) {
        float[][] values = new float[outputs.length][];
        for (int k = 0; k < outputs.length; k++) {
            values[k] = outputs[k].toFloatArray();
        }
        lines.add(new Line(name, digest(values)));
    }

    private static String digest(float[]... arrays) {
        MessageDigest sha = ParameterDigest.sha256();
        for (float[] a : arrays) {
            ByteBuffer buffer = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : a) {
                buffer.putInt(Float.floatToRawIntBits(v));
            }
            sha.update(buffer.array());
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static String digest(float[] head, float[][] rest) {
        float[][] all = new float[rest.length + 1][];
        all[0] = head;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return digest(all);
    }

    /** Prints the fingerprint ("name digest" lines), e.g. to refresh the committed file on a deliberate change. */
    public static void main(String[] args) {
        System.out.println("# " + machine());
        compute().forEach(System.out::println);
    }
}

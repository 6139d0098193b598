package org.mtboard.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;

/**
 * An MLP over [observation, task one-hot] (the one-hot is the last `tasks` inputs). With
 * multiHead, the output layer has one head per task and each row takes its own task's head;
 * otherwise one head is shared. Weights are (in, out) so a layer is x.matMul(W).add(b).
 */
public final class MultiTaskMlp {
    private final Parameters params;
    private final String prefix;
    private final int layers;
    private final int tasks;
    private final int outputs;
    private final boolean multiHead;
    private final String activation;

    /**
     * @param outputGain scale of the output layer's initial weights (small for a policy mean)
     */
    public MultiTaskMlp(Parameters params, String prefix, int inputs, List<Integer> hidden, int outputs, int tasks,
                        boolean multiHead, String activation, SeededInit init, double outputGain) {
        this.params = params;
        this.prefix = prefix;
        this.layers = hidden.size() + 1;
        this.tasks = tasks;
        this.outputs = outputs;
        this.multiHead = multiHead;
        this.activation = activation;
        int in = inputs;
        for (int l = 0; l < layers; l++) {
            boolean last = l == layers - 1;
            int out = last ? (multiHead ? outputs * tasks : outputs) : hidden.get(l);
            params.add(prefix + ".w" + l, init.glorotUniform(in, out, last ? outputGain : 1.0), new Shape(in, out));
            params.add(prefix + ".b" + l, new float[out], new Shape(out));
            in = out;
        }
    }

    /** x: (batch, inputs) -> (batch, outputs). */
    public NDArray forward(NDArray x) {
        NDArray h = x;
        for (int l = 0; l < layers; l++) {
            h = h.matMul(params.get(prefix + ".w" + l)).add(params.get(prefix + ".b" + l));
            if (l < layers - 1) {
                h = activate(h);
            }
        }
        if (!multiHead) {
            return h;
        }
        long batch = x.getShape().get(0);
        long inputs = x.getShape().get(1);
        NDArray oneHot = x.get(new NDIndex(":, {}:", inputs - tasks)).reshape(batch, tasks, 1);
        return h.reshape(batch, tasks, outputs).mul(oneHot).sum(new int[] {1});
    }

    private NDArray activate(NDArray h) {
        switch (activation) {
            case "elu":
                return Activation.elu(h, 1.0f);
            case "relu":
                return Activation.relu(h);
            case "tanh":
                // not Activation.tanh: libtorch's tanh goes to oneMKL's vector maths (PortableMath says why)
                return PortableMath.tanh(h);
            default:
                throw new IllegalArgumentException("unknown activation " + activation);
        }
    }
}

package org.mtboard.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with a fixed learning rate and global gradient-norm clipping, written on NDArrays so its
 * moments can be checkpointed (DJL's built-in optimiser keeps them out of reach) and a resumed
 * run continues bit for bit.
 */
public final class Adam {
    private final Parameters params;
    private final float learningRate;
    private final float beta1 = 0.9f;
    private final float beta2 = 0.999f;
    private final float epsilon = 1e-8f;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long steps;

    public Adam(Parameters params, float learningRate) {
        this.params = params;
        this.learningRate = learningRate;
        NDManager manager = params.manager();
        for (String name : params.names()) {
            NDArray p = params.get(name);
            m.put(name, manager.zeros(p.getShape()));
            v.put(name, manager.zeros(p.getShape()));
        }
    }

    /**
     * Clips the gradients to a global L2 norm of maxNorm, takes one Adam step, and zeroes the
     * gradients for the next backward pass.
     *
     * @return the gradient norm before clipping
     */
    public float step(float maxNorm) {
        // Temporaries go to a scope closed at the end; parameters, gradients and moments are only
        // lent to it (tempAttach), so they survive while everything else is freed.
        try (NDManager scope = params.manager().newSubManager()) {
            List<NDArray> grads = new ArrayList<>();
            NDList squares = new NDList();
            for (String name : params.names()) {
                // getGradient() hands out a new handle each call: attach it to the scope so it is
                // released with it (the gradient itself stays with its parameter).
                NDArray g = params.get(name).getGradient();
                g.attach(scope);
                scope.tempAttachAll(new NDList(params.get(name), m.get(name), v.get(name)));
                grads.add(g);
                squares.add(g.square().sum().reshape(1));
            }
            // One download for all parameters (a GPU round trip each would stall the queue), summed
            // here in double in parameter order as before.
            double sumSq = 0;
            for (float partial : NDArrays.concat(squares).toFloatArray()) {
                sumSq += partial;
            }
            float norm = (float) Math.sqrt(sumSq);
            float scale = norm > maxNorm ? maxNorm / (norm + 1e-6f) : 1.0f;
            steps++;
            // StrictMath: Math.pow may differ in the last bit between JVMs and CPUs
            float correction1 = (float) (1.0 - StrictMath.pow(beta1, steps));
            float correction2 = (float) (1.0 - StrictMath.pow(beta2, steps));
            int k = 0;
            for (String name : params.names()) {
                NDArray g = grads.get(k++).mul(scale);
                NDArray mk = m.get(name);
                NDArray vk = v.get(name);
                mk.muli(beta1).addi(g.mul(1 - beta1));
                vk.muli(beta2).addi(g.square().mul(1 - beta2));
                // PortableMath.sqrt: libtorch's sqrt would go to oneMKL's vector maths, whose result follows the CPU vendor.
                NDArray denominator = PortableMath.sqrt(vk.div(correction2)).add(epsilon);
                params.get(name).subi(mk.div(correction1).div(denominator).mul(learningRate));
            }
            // Zero the gradients for the next backward pass here, on the handles we already hold:
            // GradientCollector.zeroGradients() would leave two new handles per parameter behind.
            for (NDArray g : grads) {
                g.muli(0f);
            }
            return norm;
        }
    }

    public long steps() {
        return steps;
    }

    /** Moments and step count, for checkpoints. */
    public Map<String, float[]> exportMoments() {
        Map<String, float[]> out = new LinkedHashMap<>();
        m.forEach((name, a) -> out.put("m." + name, a.toFloatArray()));
        v.forEach((name, a) -> out.put("v." + name, a.toFloatArray()));
        return out;
    }

    public void restore(Map<String, float[]> moments, long stepCount) {
        m.forEach((name, a) -> a.set(moments.get("m." + name)));
        v.forEach((name, a) -> a.set(moments.get("v." + name)));
        steps = stepCount;
    }
}

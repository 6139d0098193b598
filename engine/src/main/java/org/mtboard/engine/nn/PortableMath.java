package org.mtboard.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.DoubleUnaryOperator;

/**
 * The networks' exp, tanh and square root, with CPU results fixed by the Java specification instead
 * of by the processor.
 *
 * <p>Why: libtorch 2.7.1's CPU kernels hand float exp, log, tanh and sqrt to oneMKL's vector maths
 * (VML: vmsExp, vmsLn, vmsTanh, vmsSqrt), which picks its kernel from the CPU and ignores MKL_CBWR.
 * Its square root refines the RSQRTPS estimate with one Newton step, and RSQRTPS gives different
 * bits on AMD and Intel processors, so Adam's denominator, and every parameter after the first update,
 * followed the CPU vendor (docs/reproduce.md, "Why AMD and Intel differed"). No pin reaches VML's
 * choice, so training does not call it: on CPU tensors the values are computed here, on the host,
 * with {@link StrictMath} (fdlibm's algorithms, which the Java specification requires bit for bit
 * on every JVM) and {@link Math#sqrt} (IEEE 754 correctly rounded; taken in double and rounded once
 * to float, which for a square root gives the correctly rounded float). Only float arithmetic of the
 * JVM is involved: no lookup of CPU features, cache sizes or core counts, and no threads.
 *
 * <p>Autograd still needs the derivative: the result is built as {@code value + (x - x') * slope},
 * where {@code x'} is x with its gradient stopped and {@code value} and {@code slope} are constants.
 * The second term is exactly zero in the forward pass (so the output is {@code value}, bit for bit)
 * and its gradient with respect to x is {@code slope}, the function's derivative; these are plain
 * IEEE subtraction, multiplication and addition in libtorch, whose results do not depend on the CPU.
 *
 * <p>On a GPU the arrays stay there and libtorch's CUDA kernels run (no host round trip per call):
 * GPU-network bits are promised only on the same GPU model, libtorch and cuBLAS settings anyway.
 */
public final class PortableMath {
    /** Where the networks' transcendental functions are computed; recorded in every manifest's numerics. */
    public static final String SOURCE = "java";
    /** What manifests written before this class (engine 0.1 results, no numerics.math field) used. */
    public static final String SOURCE_BEFORE = "onemkl-vml";

    private PortableMath() {
    }

    /** e^x element-wise, differentiable (d/dx = e^x). */
    public static NDArray exp(NDArray x) {
        if (onGpu(x)) {
            return x.exp();
        }
        float[] value = map(hostFloats(x), StrictMath::exp);
        return withSlope(x, value, value);
    }

    /** tanh(x) element-wise, differentiable (d/dx = 1 - tanh(x)^2, in float as libtorch's own tanh backward). */
    public static NDArray tanh(NDArray x) {
        if (onGpu(x)) {
            return x.tanh();
        }
        // + 0.0 turns tanh(-0) into +0, as value + (x - x') * slope gives with gradients on: both paths, same bits.
        float[] value = map(hostFloats(x), v -> StrictMath.tanh(v) + 0.0);
        float[] slope = new float[value.length];
        for (int k = 0; k < value.length; k++) {
            slope[k] = 1.0f - value[k] * value[k];
        }
        return withSlope(x, value, slope);
    }

    /** The correctly rounded square root, element-wise; a constant (for optimiser arithmetic, no gradient). */
    public static NDArray sqrt(NDArray x) {
        if (onGpu(x)) {
            return x.sqrt();
        }
        return x.getManager().create(map(hostFloats(x), Math::sqrt), x.getShape());
    }

    /** f of each float, taken in double and rounded once to float. */
    private static float[] map(float[] in, DoubleUnaryOperator f) {
        float[] out = new float[in.length];
        for (int k = 0; k < in.length; k++) {
            out[k] = (float) f.applyAsDouble(in[k]);
        }
        return out;
    }

    private static boolean onGpu(NDArray x) {
        return x.getDevice().isGpu();
    }

    private static float[] hostFloats(NDArray x) {
        if (x.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("PortableMath works on float32 arrays, got " + x.getDataType());
        }
        return x.toFloatArray();
    }

    /** value + (x - stopGradient(x)) * slope: value in the forward pass, slope as the derivative. */
    private static NDArray withSlope(NDArray x, float[] value, float[] slope) {
        NDManager manager = x.getManager();
        NDArray constant = manager.create(value, x.getShape());
        // Outside a gradient collector (rollouts) nothing is recorded: the value alone. Not x.hasGradient():
        // DJL reports false there for arrays computed from parameters inside a collector too.
        if (!JniUtils.isGradMode()) {
            return constant;
        }
        NDArray derivative = value == slope ? constant : manager.create(slope, x.getShape());
        return constant.add(x.sub(x.stopGradient()).mul(derivative));
    }
}

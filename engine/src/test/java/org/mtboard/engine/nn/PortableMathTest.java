package org.mtboard.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * PortableMath gives Java's bits (StrictMath's exp and tanh, the correctly rounded square root) on
 * inputs where oneMKL's vector maths is off by an ulp on one vendor or the other, and the exact
 * derivative to autograd, with the same forward bits whether or not gradients are recorded.
 */
class PortableMathTest {
    /** Floats across [1, 4) (where one ulp of the RSQRTPS estimate moves 12% of VML's square roots) and across exp's range. */
    private static float[] inputs(int count, float from, float to) {
        float[] x = new float[count];
        for (int k = 0; k < count; k++) {
            x[k] = from + (to - from) * (k * 0.6180339887f % 1.0f);
        }
        return x;
    }

    @Test
    void sqrtIsCorrectlyRoundedEverywhere() {
        float[] x = inputs(65_536, 1.0f, 4.0f);
        x[0] = 0f;
        x[1] = Float.MIN_VALUE;
        x[2] = 1e-30f;
        x[3] = Float.MAX_VALUE;
        try (NDManager m = Djl.newManager()) {
            float[] y = PortableMath.sqrt(m.create(x)).toFloatArray();
            for (int k = 0; k < x.length; k++) {
                assertEquals(Float.floatToIntBits((float) Math.sqrt(x[k])), Float.floatToIntBits(y[k]), "sqrt(" + x[k] + ")");
                // correctly rounded: the neighbours of y are no closer to the true root
                double exact = Math.sqrt((double) x[k]);
                assertEquals(true, Math.abs(y[k] - exact) <= Math.abs(Math.nextUp(y[k]) - exact)
                        && Math.abs(y[k] - exact) <= Math.abs(Math.nextDown(y[k]) - exact), "sqrt(" + x[k] + ") rounds to nearest");
            }
        }
    }

    @Test
    void theDerivativeReachesArraysComputedInsideTheCollector() {
        // y = f(2x): autograd must pass f'(2x) back through the multiplication, so dy/dx = 2 f'(2x) exactly.
        float[] x = inputs(4_096, -4f, 4f);
        try (NDManager m = Djl.newManager()) {
            NDArray in = m.create(x);
            in.setRequiresGradient(true);
            try (GradientCollector gc = Djl.engine().newGradientCollector()) {
                gc.backward(PortableMath.exp(in.mul(2f)).add(PortableMath.tanh(in.mul(2f)).mul(3f)).sum());
            }
            float[] slope = in.getGradient().toFloatArray();
            for (int k = 0; k < x.length; k++) {
                float e = (float) StrictMath.exp(2f * x[k]);
                float t = (float) StrictMath.tanh(2f * x[k]) + 0.0f;
                assertEquals(Float.floatToIntBits(e * 2f + (1.0f - t * t) * 3f * 2f), Float.floatToIntBits(slope[k]),
                        "d/dx [exp(2x) + 3 tanh(2x)] at " + x[k]);
            }
        }
    }

    @Test
    void expAndTanhGiveStrictMathsBitsAndTheirExactDerivatives() {
        float[] x = inputs(8_192, -20f, 20f);
        x[0] = -0.0f;
        try (NDManager m = Djl.newManager()) {
            NDArray in = m.create(x);
            float[] expNoGrad = PortableMath.exp(in).toFloatArray();
            float[] tanhNoGrad = PortableMath.tanh(in).toFloatArray();
            in.setRequiresGradient(true);
            try (GradientCollector gc = Djl.engine().newGradientCollector()) {
                NDArray e = PortableMath.exp(in);
                gc.backward(e.sum());
                float[] value = e.toFloatArray();
                float[] slope = in.getGradient().toFloatArray();
                for (int k = 0; k < x.length; k++) {
                    float want = (float) StrictMath.exp(x[k]);
                    assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(value[k]), "exp(" + x[k] + ")");
                    assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(expNoGrad[k]), "exp(" + x[k] + ") without gradients");
                    assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(slope[k]), "d/dx exp(" + x[k] + ")");
                }
            }
            in.getGradient().muli(0f);
            try (GradientCollector gc = Djl.engine().newGradientCollector()) {
                NDArray t = PortableMath.tanh(in);
                gc.backward(t.sum());
                float[] value = t.toFloatArray();
                float[] slope = in.getGradient().toFloatArray();
                for (int k = 0; k < x.length; k++) {
                    float want = (float) StrictMath.tanh(x[k]) + 0.0f;
                    assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(value[k]), "tanh(" + x[k] + ")");
                    assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(tanhNoGrad[k]), "tanh(" + x[k] + ") without gradients");
                    assertEquals(Float.floatToIntBits(1.0f - want * want), Float.floatToIntBits(slope[k]), "d/dx tanh(" + x[k] + ")");
                }
            }
        }
    }
}

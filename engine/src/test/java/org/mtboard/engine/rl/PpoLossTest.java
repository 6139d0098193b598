package org.mtboard.engine.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.nn.Djl;

/** The PPO loss on a two-sample case worked out by hand. */
class PpoLossTest {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    @Test
    void handComputedCase() {
        try (NDManager m = Djl.newManager()) {
            NDArray mean = m.create(new float[] {0.0f, 1.2f}, new Shape(2, 1));
            NDArray logStd = m.create(new float[] {0.0f});
            NDArray actions = m.create(new float[] {0.5f, 1.2f}, new Shape(2, 1));
            // log p = -0.5 z^2 - log sigma - 0.5 log 2pi; old log-probs chosen so the ratios are 1.5 and 0.5.
            double logp1 = -0.125 - HALF_LOG_2PI;
            double logp2 = -HALF_LOG_2PI;
            NDArray oldLogProb = m.create(new float[] {(float) (logp1 - Math.log(1.5)), (float) (logp2 - Math.log(0.5))});
            assertEquals((float) logp1, PpoLoss.logProb(mean, logStd, actions).getFloat(0), 1e-6f);
            NDArray advantages = m.create(new float[] {1f, 1f});
            NDArray value = m.create(new float[] {0.5f, 0f});
            NDArray oldValues = m.create(new float[] {0f, 0f});
            NDArray returns = m.create(new float[] {1f, 1f});
            PpoLoss.Terms t = PpoLoss.compute(mean, logStd, value, actions, oldLogProb, advantages, returns, oldValues,
                    new PpoLoss.Settings(0.2f, 0.2f, 4f, 0.005f, 1e-4f));
            // Surrogate: min(1.5, 1.2) and min(0.5, 0.8) -> mean 0.85.
            assertEquals(-0.85f, t.actor().getFloat(), 1e-5f);
            // Value: clipped prediction 0.2 -> max(0.25, 0.64) and max(1, 1) -> 0.5 * mean = 0.41.
            assertEquals(0.41f, t.critic().getFloat(), 1e-6f);
            assertEquals((float) (0.5 * (1 + Math.log(2 * Math.PI))), t.entropy().getFloat(), 1e-6f);
            // Only the second mean (1.2) is past 1.1: 0.1^2 over a batch of 2.
            assertEquals(0.005f, t.bounds().getFloat(), 1e-6f);
            float expected = -0.85f + 4f * 0.41f - 0.005f * t.entropy().getFloat() + 1e-4f * 0.005f;
            assertEquals(expected, t.total().getFloat(), 1e-5f);
        }
    }

    @Test
    void withoutCriticTheValueTermIsZero() {
        try (NDManager m = Djl.newManager()) {
            NDArray mean = m.create(new float[] {0f, 0f}, new Shape(1, 2));
            NDArray logStd = m.create(new float[] {0f, 0f});
            NDArray actions = m.create(new float[] {0f, 0f}, new Shape(1, 2));
            NDArray oldLogProb = PpoLoss.logProb(mean, logStd, actions);
            PpoLoss.Terms t = PpoLoss.compute(mean, logStd, null, actions, oldLogProb, m.create(new float[] {2f}), null, null,
                    new PpoLoss.Settings(0.2f, 0f, 0f, 0f, 0f));
            assertEquals(0f, t.critic().getFloat());
            assertEquals(-2f, t.total().getFloat(), 1e-6f, "ratio 1, advantage 2");
        }
    }
}

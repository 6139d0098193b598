package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RewardsTest {
    @Test
    void toleranceIsOneInsideAndATenthAtTheMargin() {
        assertEquals(1.0f, Rewards.longTail(0.03f, 0.0f, 0.05f, 0.2f));
        assertEquals(1.0f, Rewards.gaussian(0.05f, 0.0f, 0.05f, 0.2f));
        assertEquals(0.1f, Rewards.longTail(0.25f, 0.0f, 0.05f, 0.2f), 1e-6f);
        assertEquals(0.1f, Rewards.gaussian(0.25f, 0.0f, 0.05f, 0.2f), 1e-6f);
        assertEquals(0.1f, Rewards.longTail(-0.3f, -0.1f, 0.0f, 0.2f), 1e-6f);
        // Half-way to the margin: long tail 1/((0.5*3)^2+1), gaussian exp(-0.5*(0.5*k)^2) = 0.1^(1/4).
        assertEquals(1.0f / 3.25f, Rewards.longTail(0.15f, 0.0f, 0.05f, 0.2f), 1e-6f);
        assertEquals((float) Math.pow(0.1, 0.25), Rewards.gaussian(0.15f, 0.0f, 0.05f, 0.2f), 1e-6f);
        assertEquals(0.0f, Rewards.longTail(0.15f, 0.0f, 0.05f, 0.0f));
    }

    @Test
    void hamacherProduct() {
        assertEquals(0.0f, Rewards.hamacher(0.0f, 0.0f));
        assertEquals(1.0f, Rewards.hamacher(1.0f, 1.0f));
        assertEquals(0.5f * 0.5f / (0.5f + 0.5f - 0.25f), Rewards.hamacher(0.5f, 0.5f), 1e-7f);
        assertEquals(0.3f, Rewards.hamacher(0.3f, 1.0f), 1e-7f);
    }
}

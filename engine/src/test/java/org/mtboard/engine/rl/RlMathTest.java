package org.mtboard.engine.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** GAE, normalisers and advantages on cases worked out by hand. */
class RlMathTest {
    @Test
    void gaeWithoutEpisodeEnd() {
        // gamma = lambda = 0.5; r = 1, 2, 3; V = 1, 1, 1; V(s_3) = 4.
        // d2 = 3 + 2 - 1 = 4; d1 = 2 + .5 - 1 = 1.5; d0 = .5. A2 = 4, A1 = 1.5 + .25 * 4 = 2.5, A0 = .5 + .25 * 2.5 = 1.125.
        float[] adv = new float[3];
        float[] ret = new float[3];
        Gae.compute(new float[] {1, 2, 3}, new float[] {1, 1, 1}, new float[] {4}, new byte[3], new float[3], 3, 1, 0.5f, 0.5f, adv, ret);
        assertArrayEquals(new float[] {1.125f, 2.5f, 4f}, adv);
        assertArrayEquals(new float[] {2.125f, 3.5f, 5f}, ret);
    }

    @Test
    void gaeBootstrapsATimeOutFromTheFinalObservationAndStopsThere() {
        // Episode ends (time-out) at t = 1 with V(final obs) = 10: d1 = 2 + .5 * 10 - 1 = 6, and A1 ignores t = 2.
        float[] adv = new float[3];
        float[] ret = new float[3];
        Gae.compute(new float[] {1, 2, 3}, new float[] {1, 1, 1}, new float[] {4}, new byte[] {0, 1, 0}, new float[] {0, 10, 0},
                3, 1, 0.5f, 0.5f, adv, ret);
        assertArrayEquals(new float[] {2f, 6f, 4f}, adv);
    }

    @Test
    void gaeKeepsEnvsApart() {
        // Two envs interleaved (t * N + i); env 1 has zero rewards and values throughout.
        float[] adv = new float[6];
        float[] ret = new float[6];
        Gae.compute(new float[] {1, 0, 2, 0, 3, 0}, new float[] {1, 0, 1, 0, 1, 0}, new float[] {4, 0}, new byte[6], new float[6],
                3, 2, 0.5f, 0.5f, adv, ret);
        assertArrayEquals(new float[] {1.125f, 0f, 2.5f, 0f, 4f, 0f}, adv);
    }

    @Test
    void perTaskRunningStatsMergeBatches() {
        PerTaskRunningStats stats = new PerTaskRunningStats(2, 1, 5.0);
        stats.update(new float[] {1, 10, 3}, 1, 0, new int[] {0, 1, 0}, 3);
        assertEquals(2.0, stats.mean(0, 0), 1e-12);
        assertEquals(1.0, stats.variance(0, 0), 1e-12);
        assertEquals(10.0, stats.mean(1, 0), 1e-12);
        assertEquals(0.0, stats.variance(1, 0), 1e-12);
        stats.update(new float[] {5}, 1, 0, new int[] {0}, 1);
        // Task 0 has seen 1, 3, 5: mean 3, population variance 8/3; task 1 is untouched.
        assertEquals(3.0, stats.mean(0, 0), 1e-12);
        assertEquals(8.0 / 3, stats.variance(0, 0), 1e-12);
        assertEquals(3.0, stats.count(0));
        assertEquals(1.0, stats.count(1));
        assertEquals((float) (3 / Math.sqrt(8.0 / 3)), stats.normalize(0, 0, 6f), 1e-6f);
        assertEquals(6f, stats.denormalize(0, 0, stats.normalize(0, 0, 6f)), 1e-5f);
        assertEquals(5f, stats.normalize(0, 0, 1000f), "clipped");
        PerTaskRunningStats copy = new PerTaskRunningStats(2, 1, 5.0);
        copy.restore(stats.state());
        assertEquals(stats.normalize(0, 0, 4f), copy.normalize(0, 0, 4f));
        assertThrows(IllegalArgumentException.class, () -> copy.restore(new double[3]));
    }

    @Test
    void perTaskStatsNormaliseEachFeatureOfARow() {
        // Rows of 3 floats; the first is skipped (offset 1), features are columns 1 and 2.
        PerTaskRunningStats stats = new PerTaskRunningStats(1, 2, 10.0);
        stats.update(new float[] {99, 0, 10, 99, 2, 30}, 3, 1, new int[] {0, 0}, 2);
        assertEquals(1.0, stats.mean(0, 0), 1e-12);
        assertEquals(20.0, stats.mean(0, 1), 1e-12);
        assertEquals(100.0, stats.variance(0, 1), 1e-12);
    }

    @Test
    void advantagesNormalisedPerTaskWithinASelection() {
        float[] v = {1, 2, 3, 10, 20, 7};
        int[] taskOf = {0, 0, 0, 1, 1, 1};
        // Select entries 0..4 only: task 0 {1, 2, 3} (mean 2, std sqrt(2/3)), task 1 {10, 20} (mean 15, std 5).
        Advantages.normalizePerTask(v, new int[] {0, 1, 2, 3, 4}, 5, taskOf, 2);
        float s = (float) Math.sqrt(2.0 / 3);
        assertArrayEquals(new float[] {-1 / s, 0, 1 / s, -1, 1, 7}, v, 1e-6f);
        float[] w = {2, 4, 4, 4, 5, 5, 7, 9};
        Advantages.normalize(w, 0, 8);
        assertArrayEquals(new float[] {-1.5f, -0.5f, -0.5f, -0.5f, 0, 0, 1, 2}, w, 1e-6f);
    }

    @Test
    void grpoAdvantageIsRewardToGoNormalisedPerTask() {
        // 2 envs (tasks 0 and 1), 3 steps, gamma 0.5, episode ends at the last step.
        // env 0 rewards 1, 1, 1 -> to-go 1.75, 1.5, 1; env 1 rewards 0, 0, 4 -> 1, 2, 4.
        float[] out = new float[6];
        Advantages.grpo(new float[] {1, 0, 1, 0, 1, 4}, new byte[] {0, 0, 0, 0, 1, 1}, 3, 2, 0.5f, new int[] {0, 1}, 2, out);
        double m0 = (1.75 + 1.5 + 1) / 3;
        double s0 = Math.sqrt(((1.75 - m0) * (1.75 - m0) + (1.5 - m0) * (1.5 - m0) + (1 - m0) * (1 - m0)) / 3);
        double m1 = 7.0 / 3;
        double s1 = Math.sqrt(42.0 / 27);
        assertArrayEquals(new float[] {(float) ((1.75 - m0) / s0), (float) ((1 - m1) / s1), (float) ((1.5 - m0) / s0),
            (float) ((2 - m1) / s1), (float) ((1 - m0) / s0), (float) ((4 - m1) / s1)}, out, 1e-5f);
    }

    @Test
    void grpoRewardToGoRestartsAtEpisodeEnds() {
        // One env, 4 steps, episodes end at t = 1 and t = 3; rewards all 1, gamma 1: to-go 2, 1, 2, 1.
        float[] out = new float[4];
        Advantages.grpo(new float[] {1, 1, 1, 1}, new byte[] {0, 1, 0, 1}, 4, 1, 1.0f, new int[] {0}, 1, out);
        assertArrayEquals(new float[] {1, -1, 1, -1}, out, 1e-6f);
    }
}
